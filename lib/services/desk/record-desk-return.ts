import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { fromMinorUnits } from "@/lib/domain/money";
import { parseInput } from "@/lib/validation/common";
import { deskReturnSchema, type DeskReturnInput } from "@/lib/validation/desk-sales";
import { refundPurchase, type RefundPurchaseResult } from "@/lib/services/purchases/refund-purchase";
import type { Replayable } from "@/lib/services/ledger/run-ledger-operation";
import { authorizeDesk } from "./desk-access";
import { loadReturnablePurchase } from "./find-purchase-for-return";

export type DeskReturnReceipt = Replayable<RefundPurchaseResult> & { currency: string; store: { id: string; name: string; code: string }; createdAt: string };

/**
 * Records a return at this counter through refundPurchase (one transaction,
 * under the purchase's lock), with this store and this staff user on the
 * refund and its ledger reversal. The form's key makes a double submit count once.
 */
export async function recordDeskReturn(db: Executor, actor: Actor, input: DeskReturnInput, now = new Date()): Promise<DeskReturnReceipt> {
  const { program, store } = await authorizeDesk(db, actor, "points:refund", input);
  const data = parseInput(deskReturnSchema, input);
  const purchase = await loadReturnablePurchase(db, actor, program, data.orderId);
  const result = await refundPurchase(
    db,
    actor,
    {
      programId: program.id,
      orderId: purchase.orderId,
      amount: data.amountMinor === undefined ? undefined : fromMinorUnits(data.amountMinor, purchase.currency),
      lines: data.lines,
      reason: data.reason || undefined,
      idempotencyKey: data.idempotencyKey ? `desk:${data.idempotencyKey}` : undefined,
      storeId: store.id,
    },
    now,
  );
  return { ...result, currency: purchase.currency, store, createdAt: now.toISOString() };
}
