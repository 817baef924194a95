import { findProductsBySku, listCategories } from "@/db/queries/catalog";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { productRefSchema } from "@/lib/validation/catalog";
import { categoryIndex, loadCatalogProgram, toProductView, type CatalogProductView } from "./catalog-access";

/** One product by SKU (deactivated ones too: they still classify purchases). */
export async function getProduct(db: Executor, actor: Actor, input: { programId: string; sku: string }): Promise<CatalogProductView> {
  const program = await loadCatalogProgram(db, actor, input?.programId, "read");
  const data = parseInput(productRefSchema, input);
  const [row] = await findProductsBySku(db, { programId: program.id, skus: [data.sku] });
  if (!row) throw new NotFoundError("product", data.sku);
  return toProductView(row, categoryIndex(await listCategories(db, program.id)), program.currency);
}
