import { randomUUID } from "node:crypto";
import { insertEntry, insertLot } from "@/db/queries/ledger";
import type { Executor } from "@/db/types";
import { applyDelta, type Balance } from "@/lib/domain/ledger/balance";
import { parseInput } from "@/lib/validation/common";
import { earnPointsSchema, type EarnPointsInput } from "@/lib/validation/ledger";
import { runLedgerOperation, type Replayable } from "./run-ledger-operation";

export type EarnPointsResult = {
  entryId: number;
  lotId: string;
  points: number;
  state: "pending" | "available";
  balance: Balance;
};

/** Credits earned points as a new lot: pending through the return window when `pendingUntil` is ahead. */
export async function earnPoints(db: Executor, input: EarnPointsInput, now = new Date()): Promise<Replayable<EarnPointsResult>> {
  const data = parseInput(earnPointsSchema, input);
  return runLedgerOperation(
    db,
    { operation: "earn", programId: data.programId, locate: async () => ({ memberId: data.memberId }), idempotencyKey: data.idempotencyKey, request: data, now },
    async ({ tx, account, balance, saveBalance }) => {
      const pending = data.pendingUntil !== undefined && data.pendingUntil > now;
      // The lot id is chosen first so the append-only entry can name it.
      const lotId = randomUUID();
      const entry = await insertEntry(tx, {
        programId: data.programId,
        accountId: account.id,
        memberId: data.memberId,
        kind: "earn",
        points: data.points,
        availableDelta: pending ? 0 : data.points,
        pendingDelta: pending ? data.points : 0,
        reason: data.reason,
        channel: data.channel ?? "system",
        storeId: data.storeId,
        orderRef: data.orderRef,
        purchaseId: data.purchaseId,
        lotId,
        actorType: data.actor?.type ?? "system",
        actorId: data.actor?.id,
        idempotencyKey: data.idempotencyKey,
        explanation: data.explanation,
        occurredAt: data.occurredAt ?? now,
      });
      const lot = await insertLot(tx, {
        id: lotId,
        programId: data.programId,
        accountId: account.id,
        sourceEntryId: entry.id,
        amount: data.points,
        remaining: data.points,
        state: pending ? "pending" : "available",
        pendingUntil: pending ? data.pendingUntil : null,
        expiresAt: data.expiresAt ?? null,
        createdAt: now,
      });
      const next = applyDelta(balance, {
        available: entry.availableDelta,
        pending: entry.pendingDelta,
        lifetimeEarned: data.points,
      });
      await saveBalance(next);
      return { entryId: entry.id, lotId: lot.id, points: data.points, state: lot.state, balance: next };
    },
  );
}

