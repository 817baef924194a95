import { getTranslations } from "next-intl/server";
import { CATALOG_COLUMNS, sampleCatalogCsv } from "@/lib/domain/catalog/catalog-csv";

/** Example rows per UI language: the same file a marketer can open, edit and import. */
const SAMPLE_ROWS: Record<string, string[][]> = {
  es: [
    ["AUD-100", "Audífonos inalámbricos", "Electrónica", "Audio", "Audífonos", "Sonora", "450.00"],
    ["TV-55", "Televisor 55 pulgadas", "Electrónica", "Video", "", "Visión", "7200.00"],
    ["OLLA-24", "Olla de acero 24 cm", "Hogar", "Cocina", "Ollas", "Casa Bella", "310.50"],
    ["CAFE-500", "Café molido 500 g", "Despensa", "Café", "", "", ""],
  ],
  en: [
    ["AUD-100", "Wireless headphones", "Electronics", "Audio", "Headphones", "Sonora", "450.00"],
    ["TV-55", "55-inch TV", "Electronics", "Video", "", "Vision", "7200.00"],
    ["POT-24", "Steel pot 24 cm", "Home", "Kitchen", "Pots", "Casa Bella", "310.50"],
    ["COFFEE-500", "Ground coffee 500 g", "Pantry", "Coffee", "", "", ""],
  ],
};

export function sampleCsvHref(locale: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(sampleCatalogCsv(SAMPLE_ROWS[locale] ?? SAMPLE_ROWS.es!))}`;
}

/** The documented CSV format: one row per column with what it holds. */
export async function CsvFormatHelp({ currency }: { currency: string }) {
  const t = await getTranslations("Catalog");
  return (
    <div className="text-left text-sm text-ink-muted" data-testid="csv-format">
      <p>{t("format.intro")}</p>
      <dl className="mt-3 divide-y divide-line rounded-control border border-line">
        {CATALOG_COLUMNS.map((column) => (
          <div key={column} className="grid grid-cols-[8rem_minmax(0,1fr)] gap-3 px-3 py-2">
            <dt>
              <code className="font-mono text-xs font-semibold text-ink">{column}</code>
            </dt>
            <dd>{t(`format.columns.${column}`, { currency })}</dd>
          </div>
        ))}
      </dl>
      <ul className="mt-3 list-disc space-y-1 pl-5">
        <li>{t("format.rules.header")}</li>
        <li>{t("format.rules.codes")}</li>
        <li>{t("format.rules.upsert")}</li>
      </ul>
    </div>
  );
}
