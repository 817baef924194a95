import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getImportContext } from "@/lib/services/catalog/get-import-context";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { CsvFormatHelp, sampleCsvHref } from "../_components/csv-format";
import { CatalogImporter } from "./_components/catalog-importer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CatalogImport"))("title") };
}

export default async function CatalogImportPage() {
  const actor = await requireUser("/console/catalog/import");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, db, locale] = await Promise.all([getTranslations("CatalogImport"), getAppDb(), getLocale()]);
  const result = await guardRead(() => getImportContext(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { currency } = result.data;

  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} />
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card>
          <CardHeader title={t("file.title")} description={t("file.policy")} />
          <CardBody>
            <CatalogImporter currency={currency} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title={t("format.title")}
            action={
              <a href={sampleCsvHref(locale)} download={t("format.sampleFile")} className={buttonClasses("secondary")} data-testid="sample-csv">
                {t("format.sample")}
              </a>
            }
          />
          <CardBody>
            <CsvFormatHelp currency={currency} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
