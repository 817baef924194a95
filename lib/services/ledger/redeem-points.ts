import type { Executor } from "@/db/types";
import { applyDelta, type Balance } from "@/lib/domain/ledger/balance";
import { recordEvent } from "@/lib/services/events/record-event";
import { parseInput } from "@/lib/validation/common";
import { redeemPointsSchema, type RedeemPointsInput } from "@/lib/validation/ledger";
import { guardPoolRedemption, locateMemberPoints } from "@/lib/services/business-accounts/pool";
import { debitLots, entrySource } from "./debit-lots";
import { runLedgerOperation, type Replayable } from "./run-ledger-operation";

export type RedeemPointsResult = { entryId: number; points: number; balance: Balance };

/**
 * Spends available points (never pending ones), oldest-expiring lots first.
 * A user of a business account spends the account's pool, within their permission and monthly limit.
 */
export async function redeemPoints(db: Executor, input: RedeemPointsInput, now = new Date()): Promise<Replayable<RedeemPointsResult>> {
  const data = parseInput(redeemPointsSchema, input);
  return runLedgerOperation(
    db,
    { operation: "redeem", programId: data.programId, locate: async (tx) => (await locateMemberPoints(tx, data)).locator, idempotencyKey: data.idempotencyKey, request: data, now },
    async (ctx) => {
      await guardPoolRedemption(ctx, { memberId: data.memberId, points: data.points });
      const { entry } = await debitLots(ctx, data.points, {
        ...entrySource(data),
        memberId: data.memberId,
        kind: "redeem",
        availableDelta: -data.points,
        reason: data.reason,
        occurredAt: now,
      });
      const next = applyDelta(ctx.balance, { available: -data.points, lifetimeRedeemed: data.points });
      await ctx.saveBalance(next);
      await recordEvent(ctx.tx, data.programId, "points.redeemed", { memberId: data.memberId, points: data.points, entryId: entry.id, orderRef: data.orderRef ?? null, holdId: null, balance: { available: next.available, pending: next.pending } }, now);
      return { entryId: entry.id, points: data.points, balance: next };
    },
  );
}
