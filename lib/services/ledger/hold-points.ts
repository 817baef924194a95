import { randomUUID } from "node:crypto";
import { insertHold } from "@/db/queries/ledger";
import type { Executor } from "@/db/types";
import { applyDelta, type Balance } from "@/lib/domain/ledger/balance";
import { parseInput } from "@/lib/validation/common";
import { holdPointsSchema, type HoldPointsInput } from "@/lib/validation/ledger";
import { guardPoolRedemption, locateMemberPoints } from "@/lib/services/business-accounts/pool";
import { debitLots, entrySource } from "./debit-lots";
import { runLedgerOperation, type Replayable } from "./run-ledger-operation";

export type HoldPointsResult = { holdId: string; entryId: number; points: number; balance: Balance };

/**
 * First phase of paying with points: reserves them (no longer available) until capture or void.
 * A user of a business account holds the pool's points, within their permission and monthly limit.
 */
export async function holdPoints(db: Executor, input: HoldPointsInput, now = new Date()): Promise<Replayable<HoldPointsResult>> {
  const data = parseInput(holdPointsSchema, input);
  return runLedgerOperation(
    db,
    { operation: "hold", programId: data.programId, locate: async (tx) => (await locateMemberPoints(tx, data)).locator, idempotencyKey: data.idempotencyKey, request: data, now },
    async (ctx) => {
      await guardPoolRedemption(ctx, { memberId: data.memberId, points: data.points });
      const holdId = randomUUID();
      const { entry } = await debitLots(ctx, data.points, {
        ...entrySource(data),
        memberId: data.memberId,
        kind: "hold",
        availableDelta: -data.points,
        heldDelta: data.points,
        holdId,
        occurredAt: now,
      });
      await insertHold(ctx.tx, {
        id: holdId,
        programId: data.programId,
        accountId: ctx.account.id,
        memberId: data.memberId,
        points: data.points,
        holdEntryId: entry.id,
        orderRef: data.orderRef,
        expiresAt: data.expiresAt ?? null,
        createdAt: now,
      });
      const next = applyDelta(ctx.balance, { available: -data.points, held: data.points });
      await ctx.saveBalance(next);
      return { holdId, entryId: entry.id, points: data.points, balance: next };
    },
  );
}
