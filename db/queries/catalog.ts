import { and, asc, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { productCategories, products } from "../schema";
import type { Executor } from "../types";

export type ProductRow = typeof products.$inferSelect;
export type CategoryRecord = { code: string; parentCode: string | null; name: string; level: number };

export async function findProductsBySku(db: Executor, p: { programId: string; skus: string[] }): Promise<ProductRow[]> {
  if (!p.skus.length) return [];
  return db.select().from(products).where(and(eq(products.programId, p.programId), inArray(products.sku, p.skus)));
}

/** Inserts or replaces products by (program, sku); a re-imported product is active again. */
export async function upsertProducts(tx: Executor, rows: (typeof products.$inferInsert)[], now: Date): Promise<void> {
  if (!rows.length) return;
  await tx
    .insert(products)
    .values(rows)
    .onConflictDoUpdate({
      target: [products.programId, products.sku],
      set: { name: sql`excluded.name`, categoryCode: sql`excluded.category_code`, brand: sql`excluded.brand`, unitCostMinor: sql`excluded.unit_cost_minor`, active: true, updatedAt: now },
    });
}

/** Inserts missing categories and takes the latest spelling of existing ones; returns how many were new. */
export async function upsertCategories(tx: Executor, programId: string, rows: CategoryRecord[]): Promise<number> {
  if (!rows.length) return 0;
  const existing = await tx
    .select({ code: productCategories.code })
    .from(productCategories)
    .where(and(eq(productCategories.programId, programId), inArray(productCategories.code, rows.map((r) => r.code))));
  await tx
    .insert(productCategories)
    .values(rows.map((r) => ({ programId, ...r })))
    .onConflictDoUpdate({ target: [productCategories.programId, productCategories.code], set: { name: sql`excluded.name` }, setWhere: sql`${productCategories.name} <> excluded.name` });
  return rows.length - existing.length;
}

export async function setProductActive(tx: Executor, p: { programId: string; sku: string; active: boolean; now: Date }): Promise<void> {
  await tx.update(products).set({ active: p.active, updatedAt: p.now }).where(and(eq(products.programId, p.programId), eq(products.sku, p.sku)));
}

export async function listCategories(db: Executor, programId: string): Promise<CategoryRecord[]> {
  return db
    .select({ code: productCategories.code, parentCode: productCategories.parentCode, name: productCategories.name, level: productCategories.level })
    .from(productCategories)
    .where(eq(productCategories.programId, programId))
    .orderBy(asc(productCategories.code));
}

/** Active products per category code (null: uncategorised). */
export async function countActiveProductsByCategory(db: Executor, programId: string): Promise<Map<string | null, number>> {
  const rows = await db
    .select({ code: products.categoryCode, n: sql<number>`count(*)::int` })
    .from(products)
    .where(and(eq(products.programId, programId), eq(products.active, true)))
    .groupBy(products.categoryCode);
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}

/** The code and every code below it, following parent links (works for any code scheme). */
function categoryAndDescendants(programId: string, code: string): SQL {
  return sql`${products.categoryCode} in (
    with recursive tree(code) as (
      select code from product_categories where program_id = ${programId} and code = ${code}
      union
      select c.code from product_categories c join tree on c.parent_code = tree.code where c.program_id = ${programId}
    ) select code from tree)`;
}

export type ProductFilter = { programId: string; q?: string; category?: string; uncategorized?: boolean; includeInactive?: boolean };

function productWhere(f: ProductFilter): SQL {
  const conditions: (SQL | undefined)[] = [eq(products.programId, f.programId)];
  if (!f.includeInactive) conditions.push(eq(products.active, true));
  if (f.category) conditions.push(categoryAndDescendants(f.programId, f.category));
  if (f.uncategorized) conditions.push(isNull(products.categoryCode));
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(products.sku, pattern), ilike(products.name, pattern), ilike(products.brand, pattern)));
  }
  return and(...conditions)!;
}

/** One page in SKU order after `cursor` (keyset: stable while rows are added), plus the total matching. */
export async function listProductsPage(db: Executor, f: ProductFilter & { cursor?: string; limit: number }): Promise<{ rows: ProductRow[]; total: number }> {
  const where = productWhere(f);
  const rows = await db
    .select()
    .from(products)
    .where(f.cursor ? and(where, gt(products.sku, f.cursor)) : where)
    .orderBy(asc(products.sku))
    .limit(f.limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(products).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** SKU → category code and unit cost, for classifying and costing purchase lines. */
export async function catalogEntriesBySku(db: Executor, p: { programId: string; skus: string[] }): Promise<Map<string, { category: string | null; unitCostMinor: number | null }>> {
  if (!p.skus.length) return new Map();
  const rows = await db
    .select({ sku: products.sku, category: products.categoryCode, unitCostMinor: products.unitCostMinor })
    .from(products)
    .where(and(eq(products.programId, p.programId), inArray(products.sku, [...new Set(p.skus)])));
  return new Map(rows.map((r) => [r.sku, { category: r.category, unitCostMinor: r.unitCostMinor }]));
}

/** One category node by code (any level), or undefined. */
export async function getCategory(db: Executor, p: { programId: string; code: string }): Promise<CategoryRecord | undefined> {
  const [row] = await db
    .select({ code: productCategories.code, parentCode: productCategories.parentCode, name: productCategories.name, level: productCategories.level })
    .from(productCategories)
    .where(and(eq(productCategories.programId, p.programId), eq(productCategories.code, p.code)));
  return row;
}

/** Category nodes by code, for naming what rewards target. */
export async function listCategoriesByCode(db: Executor, p: { programId: string; codes: string[] }): Promise<CategoryRecord[]> {
  if (!p.codes.length) return [];
  return db
    .select({ code: productCategories.code, parentCode: productCategories.parentCode, name: productCategories.name, level: productCategories.level })
    .from(productCategories)
    .where(and(eq(productCategories.programId, p.programId), inArray(productCategories.code, [...new Set(p.codes)])));
}
