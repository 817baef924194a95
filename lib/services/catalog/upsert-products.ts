import { findProductsBySku, upsertCategories, upsertProducts, type ProductRow } from "@/db/queries/catalog";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { categoryCodeOf, collectCategoryNodes } from "@/lib/domain/catalog/category-code";
import { parseInput } from "@/lib/validation/common";
import { upsertCatalogSchema, type CatalogProduct, type UpsertCatalogInput } from "@/lib/validation/catalog";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { loadCatalogProgram } from "./catalog-access";

export type UpsertCatalogResult = { created: number; updated: number; unchanged: number; categoriesCreated: number };

/** How many SKUs an audit entry lists by name; the counts always cover the whole batch. */
const AUDIT_SAMPLE = 50;

/**
 * Writes a batch of products and the categories their paths need, in one
 * transaction, with one audit entry for the batch (not one per row). Upserts
 * by SKU: sending the same batch twice changes nothing the second time and
 * reports every product as unchanged.
 */
export async function upsertCatalogProducts(db: Executor, actor: Actor, input: UpsertCatalogInput, now = new Date()): Promise<UpsertCatalogResult> {
  const program = await loadCatalogProgram(db, actor, input?.programId, "write");
  const data = parseInput(upsertCatalogSchema, input);
  return db.transaction(async (tx) => {
    const existing = new Map((await findProductsBySku(tx, { programId: program.id, skus: data.products.map((p) => p.sku) })).map((r) => [r.sku, r]));
    const changed = data.products.filter((p) => differs(existing.get(p.sku), p));
    const categoriesCreated = await upsertCategories(tx, program.id, collectCategoryNodes(changed.map((p) => p.path)));
    await upsertProducts(
      tx,
      changed.map((p) => ({ programId: program.id, sku: p.sku, name: p.name, categoryCode: codeOf(p), brand: p.brand, unitCostMinor: p.unitCostMinor, updatedAt: now })),
      now,
    );
    const created = changed.filter((p) => !existing.has(p.sku)).length;
    const result = { created, updated: changed.length - created, unchanged: data.products.length - changed.length, categoriesCreated };
    if (changed.length) {
      const updatedBefore = changed.flatMap((p) => existing.get(p.sku) ?? []).slice(0, AUDIT_SAMPLE);
      await recordAudit(tx, actor, {
        program,
        action: "catalog.products.upsert",
        targetType: "catalog",
        targetId: data.importId,
        before: { products: updatedBefore.map(summary) },
        after: { source: data.source, importId: data.importId ?? null, rows: data.products.length, ...result, skus: changed.slice(0, AUDIT_SAMPLE).map((p) => p.sku) },
      });
    }
    return result;
  });
}

const codeOf = (p: CatalogProduct) => (p.path.length ? categoryCodeOf(p.path) : null);

function differs(row: ProductRow | undefined, p: CatalogProduct): boolean {
  return !row || !row.active || row.name !== p.name || row.categoryCode !== codeOf(p) || row.brand !== p.brand || row.unitCostMinor !== p.unitCostMinor;
}

const summary = (r: ProductRow) => ({ sku: r.sku, name: r.name, categoryCode: r.categoryCode, brand: r.brand, unitCostMinor: r.unitCostMinor, active: r.active });
