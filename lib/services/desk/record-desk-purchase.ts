import { getMember } from "@/db/queries/members";
import { findPurchaseByOrder } from "@/db/queries/purchases";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, isLazoError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { deskPurchaseSchema, type DeskPurchaseInput } from "@/lib/validation/desk-sales";
import { recordPurchase, type RecordPurchaseResult } from "@/lib/services/purchases/record-purchase";
import type { Replayable } from "@/lib/services/ledger/run-ledger-operation";
import { authorizeDesk } from "./desk-access";

export type DeskPurchaseReceipt = Replayable<RecordPurchaseResult> & {
  store: { id: string; code: string; name: string };
  currency: string;
  amountMinor: number;
  occurredAt: string;
};

/**
 * Records a purchase at the counter: channel POS, this store, this staff user
 * as the actor (recordPurchase stores both on the purchase and its ledger
 * entry). The order reference is the idempotency key: the same purchase again
 * returns the first receipt (replayed), a different one is refused.
 */
export async function recordDeskPurchase(db: Executor, actor: Actor, input: DeskPurchaseInput, now = new Date()): Promise<DeskPurchaseReceipt> {
  const { program, store } = await authorizeDesk(db, actor, "points:earn", input);
  const data = parseInput(deskPurchaseSchema, input);
  const member = await getMember(db, { programId: program.id, memberId: data.memberId });
  if (!member || member.status === "anonymized") throw new NotFoundError("member", data.memberId);
  try {
    const result = await recordPurchase(
      db,
      actor,
      { programId: program.id, memberId: data.memberId, orderId: data.orderId, amountMinor: data.amountMinor, currency: program.currency, channel: "pos", storeId: store.id, lines: data.lines },
      now,
    );
    const purchase = result.replayed ? await findPurchaseByOrder(db, { programId: program.id, orderId: data.orderId }) : undefined;
    return { ...result, store, currency: program.currency, amountMinor: data.amountMinor, occurredAt: (purchase?.occurredAt ?? now).toISOString() };
  } catch (error) {
    // recordPurchase answers a reused reference (another body, or after its 8-day idempotency record) with order_exists.
    if (isLazoError(error) && (error.code === "order_exists" || error.code === "idempotency_conflict")) throw orderReferenceUsed(data.orderId);
    throw error;
  }
}

function orderReferenceUsed(orderId: string): ConflictError {
  return new ConflictError("order_reference_used", `The order reference "${orderId}" was already used for another purchase.`, { orderId });
}
