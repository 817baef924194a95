import { fromMinorUnits } from "@/lib/domain/money";
import type { CatalogProductView } from "@/lib/services/catalog/catalog-access";

/** A product as the API shows it: the same field names it accepts, cost as a decimal, plus the category codes rules use. */
export function toApiProduct(p: CatalogProductView) {
  const level = (n: number) => p.categoryPath.find((c) => c.level === n)?.name ?? null;
  return {
    sku: p.sku,
    name: p.name,
    department: level(1),
    category: level(2),
    subcategory: level(3),
    categoryCode: p.categoryCode,
    categoryCodes: p.categoryPath.map((c) => c.code),
    brand: p.brand,
    unitCost: p.unitCostMinor === null ? null : fromMinorUnits(p.unitCostMinor, p.currency),
    currency: p.currency,
    active: p.active,
    updatedAt: p.updatedAt.toISOString(),
  };
}
