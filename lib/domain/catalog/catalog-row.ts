import { currencyDigits } from "../money";
import { slugify } from "./category-code";

/** Field limits shared by the CSV import, the API and the service. */
export const CATALOG_LIMITS = { sku: 80, name: 200, brand: 80, categoryName: 80, unitCost: 1_000_000_000 } as const;

/** One product as the catalog stores it: costs in minor units, the category path by names (department first). */
export type CatalogProductInput = {
  sku: string;
  name: string;
  path: string[];
  brand: string | null;
  unitCostMinor: number | null;
};

export type CatalogField = "sku" | "name" | "department" | "category" | "subcategory" | "brand" | "unit_cost";

/** Stable codes the UI translates and the rejected-rows file carries. */
export type CatalogIssueCode =
  | "sku_missing"
  | "sku_too_long"
  | "sku_duplicate"
  | "name_missing"
  | "name_too_long"
  | "brand_too_long"
  | "category_name_too_long"
  | "category_name_unusable"
  | "category_without_parent"
  | "cost_not_a_number"
  | "cost_negative"
  | "cost_too_precise"
  | "cost_too_large"
  /** The server refused the chunk the row was sent in (the browser had accepted it). */
  | "server_refused";

export type CatalogIssue = { field: CatalogField; code: CatalogIssueCode; params?: Record<string, string | number> };

/** The columns as text (a CSV record, or the API's fields before conversion). */
export type RawCatalogRow = Partial<Record<CatalogField, string | undefined>>;

const clean = (value: string | undefined) => (value ?? "").trim();

/**
 * A decimal in the program's currency ("12.50", "1200") to minor units. Only a
 * period separates decimals and no thousands separators are allowed: "1,250"
 * could be either, and guessing money is worse than refusing.
 */
export function parseUnitCost(text: string, currency: string): { ok: true; minor: number } | { ok: false; issue: CatalogIssue } {
  const digits = currencyDigits(currency);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, issue: { field: "unit_cost", code: "cost_not_a_number", params: { value: text } } };
  if (text.startsWith("-")) return { ok: false, issue: { field: "unit_cost", code: "cost_negative", params: { value: text } } };
  const decimals = text.split(".")[1]?.length ?? 0;
  if (decimals > digits) return { ok: false, issue: { field: "unit_cost", code: "cost_too_precise", params: { value: text, digits } } };
  const value = Number(text);
  if (value > CATALOG_LIMITS.unitCost) return { ok: false, issue: { field: "unit_cost", code: "cost_too_large", params: { value: text } } };
  return { ok: true, minor: Math.round(value * 10 ** digits) };
}

/** Checks one row; returns the product or every problem found (a row can have several). */
export function validateCatalogRow(raw: RawCatalogRow, currency: string): { ok: true; product: CatalogProductInput } | { ok: false; issues: CatalogIssue[] } {
  const issues: CatalogIssue[] = [];
  const sku = clean(raw.sku);
  const name = clean(raw.name);
  const brand = clean(raw.brand);
  if (!sku) issues.push({ field: "sku", code: "sku_missing" });
  else if (sku.length > CATALOG_LIMITS.sku) issues.push({ field: "sku", code: "sku_too_long", params: { max: CATALOG_LIMITS.sku } });
  if (!name) issues.push({ field: "name", code: "name_missing" });
  else if (name.length > CATALOG_LIMITS.name) issues.push({ field: "name", code: "name_too_long", params: { max: CATALOG_LIMITS.name, length: name.length } });
  if (brand.length > CATALOG_LIMITS.brand) issues.push({ field: "brand", code: "brand_too_long", params: { max: CATALOG_LIMITS.brand } });
  const path = categoryPath(raw, issues);
  let unitCostMinor: number | null = null;
  const cost = clean(raw.unit_cost);
  if (cost) {
    const parsed = parseUnitCost(cost, currency);
    if (parsed.ok) unitCostMinor = parsed.minor;
    else issues.push(parsed.issue);
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, product: { sku, name, path, brand: brand || null, unitCostMinor } };
}

/** Department → category → subcategory names; a level without the one above it is refused, not guessed. */
function categoryPath(raw: RawCatalogRow, issues: CatalogIssue[]): string[] {
  const levels = (["department", "category", "subcategory"] as const).map((field) => ({ field, name: clean(raw[field]) }));
  const path: string[] = [];
  for (const [i, { field, name }] of levels.entries()) {
    if (!name) continue;
    if (name.length > CATALOG_LIMITS.categoryName) issues.push({ field, code: "category_name_too_long", params: { max: CATALOG_LIMITS.categoryName } });
    else if (!slugify(name)) issues.push({ field, code: "category_name_unusable", params: { value: name } });
    if (i > 0 && !levels[i - 1]!.name) issues.push({ field, code: "category_without_parent", params: { parent: levels[i - 1]!.field } });
    path.push(name);
  }
  return path;
}
