import { getTranslations } from "next-intl/server";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CsvFormatHelp, sampleCsvHref } from "./csv-format";

/** No products yet: what the catalog is for, the CSV format, a sample to download, and the way in. */
export async function CatalogEmpty({ canWrite, locale, currency }: { canWrite: boolean; locale: string; currency: string }) {
  const t = await getTranslations("Catalog");
  return (
    <div data-testid="catalog-empty">
      <EmptyState
        icon="layers"
        title={t("empty.title")}
        action={
          <div className="flex flex-wrap justify-center gap-3">
            <a href={sampleCsvHref(locale)} download={t("empty.sampleFile")} className={buttonClasses("secondary")} data-testid="sample-csv">
              {t("empty.downloadSample")}
            </a>
            {canWrite ? <ButtonLink href="/console/catalog/import">{t("empty.import")}</ButtonLink> : null}
          </div>
        }
      >
        <p>{t("empty.body")}</p>
        {canWrite ? null : <p>{t("empty.readOnly")}</p>}
        <CsvFormatHelp currency={currency} />
      </EmptyState>
    </div>
  );
}
