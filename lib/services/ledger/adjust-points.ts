import { randomUUID } from "node:crypto";
import { insertEntry, insertLot } from "@/db/queries/ledger";
import type { Executor } from "@/db/types";
import { applyDelta, type Balance } from "@/lib/domain/ledger/balance";
import { parseInput } from "@/lib/validation/common";
import { adjustPointsSchema, type AdjustPointsInput } from "@/lib/validation/ledger";
import { debitLots, entrySource } from "./debit-lots";
import { runLedgerOperation, type Replayable } from "./run-ledger-operation";

export type AdjustPointsResult = { entryId: number; points: number; balance: Balance };

/**
 * A manual correction with a reason: a credit becomes a new available lot;
 * a debit draws lots like a redemption and may not drive available below zero.
 */
export async function adjustPoints(db: Executor, input: AdjustPointsInput, now = new Date()): Promise<Replayable<AdjustPointsResult>> {
  const data = parseInput(adjustPointsSchema, input);
  return runLedgerOperation(
    db,
    { operation: "adjust", programId: data.programId, locate: async () => ({ memberId: data.memberId }), idempotencyKey: data.idempotencyKey, request: data, now },
    async (ctx) => {
      const magnitude = Math.abs(data.points);
      const common = { ...entrySource(data), memberId: data.memberId, kind: "adjust" as const, reason: data.reason, occurredAt: now };
      if (data.points < 0) {
        const { entry } = await debitLots(ctx, magnitude, { ...common, availableDelta: -magnitude });
        const next = applyDelta(ctx.balance, { available: -magnitude });
        await ctx.saveBalance(next);
        return { entryId: entry.id, points: data.points, balance: next };
      }
      const lotId = randomUUID();
      const entry = await insertEntry(ctx.tx, {
        ...common,
        programId: data.programId,
        accountId: ctx.account.id,
        points: magnitude,
        availableDelta: magnitude,
        lotId,
      });
      await insertLot(ctx.tx, {
        id: lotId,
        programId: data.programId,
        accountId: ctx.account.id,
        sourceEntryId: entry.id,
        amount: magnitude,
        remaining: magnitude,
        state: "available",
        expiresAt: data.expiresAt ?? null,
        createdAt: now,
      });
      const next = applyDelta(ctx.balance, { available: magnitude, lifetimeEarned: magnitude });
      await ctx.saveBalance(next);
      return { entryId: entry.id, points: data.points, balance: next };
    },
  );
}
