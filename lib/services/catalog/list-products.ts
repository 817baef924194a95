import { listCategories, listProductsPage } from "@/db/queries/catalog";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/common";
import { listProductsSchema, type ListProductsInput } from "@/lib/validation/catalog";
import { categoryIndex, loadCatalogProgram, toProductView, type CatalogProductView } from "./catalog-access";

export type ProductPage = { items: CatalogProductView[]; total: number; nextCursor: string | null };

/**
 * Products in SKU order, a page at a time (cursor = the last SKU seen), filtered
 * by text (SKU, name, brand) and by a category at any level: a department
 * includes everything in its categories and subcategories.
 */
export async function listProducts(db: Executor, actor: Actor, input: ListProductsInput): Promise<ProductPage> {
  const program = await loadCatalogProgram(db, actor, input?.programId, "read");
  const data = parseInput(listProductsSchema, input);
  const [page, categories] = await Promise.all([listProductsPage(db, { ...data, programId: program.id, limit: data.limit + 1 }), listCategories(db, program.id)]);
  const index = categoryIndex(categories);
  const rows = page.rows.slice(0, data.limit);
  return {
    items: rows.map((r) => toProductView(r, index, program.currency)),
    total: page.total,
    nextCursor: page.rows.length > data.limit ? rows.at(-1)!.sku : null,
  };
}
