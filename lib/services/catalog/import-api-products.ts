import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { parseUnitCost } from "@/lib/domain/catalog/catalog-row";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { apiUpsertProductsSchema } from "@/lib/validation/api-catalog";
import type { CatalogProduct } from "@/lib/validation/catalog";
import { loadCatalogProgram } from "./catalog-access";
import { upsertCatalogProducts, type UpsertCatalogResult } from "./upsert-products";

/**
 * The API's product batch: names of the category levels and decimal unit
 * costs in the program's currency, checked field by field
 * (`products.3.unitCost`) before anything is written.
 */
export async function importApiProducts(db: Executor, actor: Actor, input: { programId: string; body: unknown }): Promise<UpsertCatalogResult> {
  const program = await loadCatalogProgram(db, actor, input.programId, "write");
  const { products } = parseInput(apiUpsertProductsSchema, input.body);
  const fields: FieldErrors = {};
  const converted = products.map((p, i): CatalogProduct => {
    const levels = [p.department, p.category, p.subcategory].map((l) => l || "");
    levels.forEach((name, level) => {
      if (name && level > 0 && !levels[level - 1]) fields[`products.${i}.${["department", "category", "subcategory"][level]}`] = [`Give the ${["department", "category"][level - 1]} above it.`];
    });
    let unitCostMinor: number | null = null;
    if (p.unitCost !== undefined && p.unitCost !== null) {
      const cost = parseUnitCost(String(p.unitCost), program.currency);
      if (cost.ok) unitCostMinor = cost.minor;
      else fields[`products.${i}.unitCost`] = [cost.issue.code === "cost_too_precise" ? `${program.currency} amounts have at most ${cost.issue.params?.digits} decimals.` : "unitCost must be a plain decimal number."];
    }
    return { sku: p.sku, name: p.name, path: levels.filter(Boolean), brand: p.brand ?? null, unitCostMinor };
  });
  if (Object.keys(fields).length) throw new ValidationError(fields);
  try {
    return await upsertCatalogProducts(db, actor, { programId: program.id, source: "api", products: converted });
  } catch (error) {
    // The service numbers fields from `products.N`; the API body uses the same positions.
    if (error instanceof ValidationError) throw new ValidationError(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.startsWith("products.") ? k : `products.${k}`, v])));
    throw error;
  }
}
