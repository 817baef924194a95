import { getProgramStore } from "@/db/queries/desk-sales";
import { getMember } from "@/db/queries/members";
import { listPurchaseLines } from "@/db/queries/purchase-refunds";
import type { ProgramRow } from "@/db/queries/programs";
import { findPurchaseByOrder, type PurchaseRow } from "@/db/queries/purchases";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import { LazoError, UnprocessableError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { deskOrderLookupSchema, type DeskOrderLookupInput } from "@/lib/validation/desk-sales";
import { authorizeDesk } from "./desk-access";

export type ReturnablePurchase = {
  orderId: string;
  occurredAt: string;
  currency: string;
  amountMinor: number;
  refundedMinor: number;
  pointsEarned: number;
  pointsReversed: number;
  status: string;
  store: { id: string; name: string; code: string } | null;
  member: { id: string; name: string | null; cardNumber: string } | null;
  lines: { lineNo: number; sku: string | null; category: string | null; quantity: number; refundedQuantity: number; unitPriceMinor: number; points: number }[];
};

/**
 * The purchase behind an order reference, for a return at this counter: only
 * this program's purchases, and — like refundPurchase — only those made at a
 * store this user works at (or online, without a store). A purchase of another
 * store of the program is named as such, so the cashier can send the customer there.
 */
export async function findPurchaseForReturn(db: Executor, actor: Actor, input: DeskOrderLookupInput): Promise<ReturnablePurchase> {
  const { program } = await authorizeDesk(db, actor, "points:refund", input);
  const data = parseInput(deskOrderLookupSchema, input);
  const purchase = await loadReturnablePurchase(db, actor, program, data.orderId);
  const [lines, store, member] = await Promise.all([
    listPurchaseLines(db, { programId: program.id, purchaseId: purchase.id }),
    purchase.storeId ? getProgramStore(db, { programId: program.id, storeId: purchase.storeId }) : undefined,
    purchase.memberId ? getMember(db, { programId: program.id, memberId: purchase.memberId }) : undefined,
  ]);
  return {
    orderId: purchase.orderId,
    occurredAt: purchase.occurredAt.toISOString(),
    currency: purchase.currency,
    amountMinor: purchase.amountMinor,
    refundedMinor: purchase.refundedMinor,
    pointsEarned: purchase.pointsEarned,
    pointsReversed: purchase.pointsReversed,
    status: purchase.status,
    store: store ?? null,
    member: member ? { id: member.id, name: member.name, cardNumber: member.cardNumber } : null,
    lines: lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, category: l.category, quantity: Number(l.quantity), refundedQuantity: Number(l.refundedQuantity), unitPriceMinor: l.unitPriceMinor, points: l.pointsEarned })),
  };
}

/** The program's purchase by reference, refused when it belongs to a store this user does not work at. */
export async function loadReturnablePurchase(db: Executor, actor: Actor, program: ProgramRow, orderId: string): Promise<PurchaseRow> {
  const purchase = await findPurchaseByOrder(db, { programId: program.id, orderId });
  if (!purchase) throw new LazoError("purchase_not_found", `No purchase with orderId "${orderId}".`, 404, { orderId });
  if (purchase.storeId && !can(actor, "points:refund", program, purchase.storeId)) {
    const store = await getProgramStore(db, { programId: program.id, storeId: purchase.storeId });
    throw new UnprocessableError("purchase_other_store", "This purchase was made at a store you do not work at.", { store: store?.name ?? null });
  }
  return purchase;
}
