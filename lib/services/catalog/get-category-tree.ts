import { countActiveProductsByCategory, listCategories } from "@/db/queries/catalog";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import { buildCategoryTree, type CategoryTreeNode } from "@/lib/domain/catalog/category-tree";
import { loadCatalogProgram } from "./catalog-access";

export type CategoryTree = { departments: CategoryTreeNode[]; totalProducts: number; uncategorized: number; currency: string; locale: string; canWrite: boolean };

/** Departments → categories → subcategories with active product counts (rolled up), for the console and rule pickers. */
export async function getCategoryTree(db: Executor, actor: Actor, input: { programId: string }): Promise<CategoryTree> {
  const program = await loadCatalogProgram(db, actor, input?.programId, "read");
  const [categories, counts] = await Promise.all([listCategories(db, program.id), countActiveProductsByCategory(db, program.id)]);
  const byCode = new Map([...counts].flatMap(([code, n]) => (code ? [[code, n] as const] : [])));
  const totalProducts = [...counts.values()].reduce((s, n) => s + n, 0);
  return { departments: buildCategoryTree(categories, byCode), totalProducts, uncategorized: counts.get(null) ?? 0, currency: program.currency, locale: program.locale, canWrite: can(actor, "catalog:write", program) };
}
