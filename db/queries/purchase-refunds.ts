import { and, asc, eq, sql } from "drizzle-orm";
import { purchaseLines, purchaseRefunds, purchases } from "../schema";
import type { Executor } from "../types";
import type { PurchaseRow } from "./purchases";

export type PurchaseLineRow = typeof purchaseLines.$inferSelect;

/** The purchase behind an order reference, locked so two refunds of one purchase queue up. */
export async function lockPurchaseByOrder(tx: Executor, p: { programId: string; orderId: string }): Promise<PurchaseRow | undefined> {
  const [row] = await tx
    .select()
    .from(purchases)
    .where(and(eq(purchases.programId, p.programId), eq(purchases.orderId, p.orderId)))
    .for("update");
  return row;
}

export async function listPurchaseLines(tx: Executor, p: { programId: string; purchaseId: string }): Promise<PurchaseLineRow[]> {
  return tx
    .select()
    .from(purchaseLines)
    .where(and(eq(purchaseLines.programId, p.programId), eq(purchaseLines.purchaseId, p.purchaseId)))
    .orderBy(asc(purchaseLines.lineNo));
}

export async function addRefundToPurchase(
  tx: Executor,
  p: { programId: string; purchaseId: string; refundedMinor: number; pointsReversed: number; status: "partially_refunded" | "refunded" },
): Promise<void> {
  await tx
    .update(purchases)
    .set({ refundedMinor: p.refundedMinor, pointsReversed: p.pointsReversed, status: p.status })
    .where(and(eq(purchases.programId, p.programId), eq(purchases.id, p.purchaseId)));
}

export async function addRefundedQuantity(tx: Executor, p: { programId: string; purchaseId: string; lineNo: number; quantity: string }): Promise<void> {
  await tx
    .update(purchaseLines)
    .set({ refundedQuantity: sql`${purchaseLines.refundedQuantity} + ${p.quantity}::numeric` })
    .where(and(eq(purchaseLines.programId, p.programId), eq(purchaseLines.purchaseId, p.purchaseId), eq(purchaseLines.lineNo, p.lineNo)));
}

export async function insertPurchaseRefund(tx: Executor, values: typeof purchaseRefunds.$inferInsert): Promise<void> {
  await tx.insert(purchaseRefunds).values(values);
}
