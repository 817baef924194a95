import { findProductsBySku, setProductActive as writeActive } from "@/db/queries/catalog";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { setProductActiveSchema } from "@/lib/validation/catalog";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { loadCatalogProgram } from "./catalog-access";

/**
 * Deactivates (or reactivates) a product, audited. Deactivation rather than
 * deletion: past purchase lines keep pointing at the SKU, and a SKU still on a
 * shelf keeps being classified; importing it again reactivates it.
 */
export async function setProductActive(db: Executor, actor: Actor, input: { programId: string; sku: string; active: boolean }, now = new Date()): Promise<{ sku: string; active: boolean }> {
  const program = await loadCatalogProgram(db, actor, input?.programId, "write");
  const data = parseInput(setProductActiveSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await findProductsBySku(tx, { programId: program.id, skus: [data.sku] });
    if (!row) throw new NotFoundError("product", data.sku);
    if (row.active === data.active) return { sku: row.sku, active: row.active };
    await writeActive(tx, { programId: program.id, sku: row.sku, active: data.active, now });
    await recordAudit(tx, actor, { program, action: data.active ? "catalog.product.activate" : "catalog.product.deactivate", targetType: "product", targetId: row.sku, before: { active: row.active }, after: { active: data.active } });
    return { sku: row.sku, active: data.active };
  });
}
