import Papa from "papaparse";
import type { CatalogField, CatalogIssue, CatalogProductInput, RawCatalogRow } from "./catalog-row";
import { validateCatalogRow } from "./catalog-row";

/** The documented columns, in the order of the sample file. sku and name are required. */
export const CATALOG_COLUMNS: readonly CatalogField[] = ["sku", "name", "department", "category", "subcategory", "brand", "unit_cost"];
const REQUIRED: readonly CatalogField[] = ["sku", "name"];

/** A CSV record with the spreadsheet row it came from (row 1 is the header, so products start at row 2). */
export type CatalogRecord = { row: number; raw: RawCatalogRow };

export type ParsedCatalogCsv =
  | { ok: true; records: CatalogRecord[]; ignoredColumns: string[] }
  | { ok: false; problem: "empty" | "missing_columns" | "unreadable"; missing?: string[]; detail?: string };

/**
 * Reads the text of a catalog CSV with Papa Parse (quotes, embedded commas and
 * newlines, a BOM, and `;` or tab delimiters as spreadsheets export them).
 * Headers are matched case-insensitively; unknown columns are ignored and reported.
 */
export function parseCatalogCsv(text: string): ParsedCatalogCsv {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, "_"),
  });
  const fields = result.meta.fields ?? [];
  if (!fields.length) return { ok: false, problem: "empty" };
  const missing = REQUIRED.filter((c) => !fields.includes(c));
  if (missing.length) return { ok: false, problem: "missing_columns", missing };
  const broken = result.errors.find((e) => e.type === "Quotes");
  if (broken) return { ok: false, problem: "unreadable", detail: `${broken.message} (row ${(broken.row ?? 0) + 2})` };
  const known = new Set<string>(CATALOG_COLUMNS);
  const records = result.data.map((record, i) => {
    const raw: RawCatalogRow = {};
    for (const column of CATALOG_COLUMNS) raw[column] = record[column];
    return { row: i + 2, raw };
  });
  return { ok: true, records, ignoredColumns: fields.filter((f) => !known.has(f)) };
}

export type RejectedRow = { row: number; sku: string; issues: CatalogIssue[] };
export type ValidRow = { row: number; product: CatalogProductInput };

/**
 * Validates every record of a file: a row with any problem is rejected with
 * all of them; a SKU seen earlier in the file is rejected as a duplicate of
 * that row (the first one wins, so the result does not depend on chunking).
 */
export function validateCatalogRecords(records: readonly CatalogRecord[], currency: string): { valid: ValidRow[]; rejected: RejectedRow[] } {
  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, raw } of records) {
    const checked = validateCatalogRow(raw, currency);
    const sku = (raw.sku ?? "").trim();
    const issues = checked.ok ? [] : [...checked.issues];
    const seen = sku ? firstRowOf.get(sku) : undefined;
    if (seen !== undefined) issues.push({ field: "sku", code: "sku_duplicate", params: { row: seen } });
    else if (sku) firstRowOf.set(sku, row);
    if (checked.ok && !issues.length) valid.push({ row, product: checked.product });
    else rejected.push({ row, sku, issues });
  }
  return { valid, rejected };
}

/** A CSV of rejected rows with their reasons, to fix and import again. */
export function rejectedRowsCsv(rows: readonly RejectedRow[], describe: (issue: CatalogIssue) => string, header: { row: string; sku: string; reasons: string }): string {
  return Papa.unparse({
    fields: [header.row, header.sku, header.reasons],
    data: rows.map((r) => [r.row, r.sku, r.issues.map(describe).join("; ")]),
  });
}

/** The sample file offered for download (same columns as the documentation). */
export function sampleCatalogCsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse({ fields: [...CATALOG_COLUMNS], data: rows.map((r) => [...r]) });
}
