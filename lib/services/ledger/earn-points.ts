import { randomUUID } from "node:crypto";
import { insertEntry, insertLot, type NewEntry } from "@/db/queries/ledger";
import type { Executor } from "@/db/types";
import { applyDelta, type Balance } from "@/lib/domain/ledger/balance";
import { recordEvent } from "@/lib/services/events/record-event";
import { parseInput } from "@/lib/validation/common";
import { earnPointsSchema, type EarnPointsInput } from "@/lib/validation/ledger";
import { entrySource } from "./debit-lots";
import { runLedgerOperation, type OperationContext, type Replayable } from "./run-ledger-operation";

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
    (ctx) =>
      creditEarnedLot(ctx, {
        ...entrySource(data),
        memberId: data.memberId,
        points: data.points,
        reason: data.reason,
        purchaseId: data.purchaseId,
        explanation: data.explanation,
        occurredAt: data.occurredAt ?? ctx.now,
        pendingUntil: data.pendingUntil,
        expiresAt: data.expiresAt,
      }),
  );
}

export type EarnedLot = Pick<NewEntry, "channel" | "storeId" | "orderRef" | "idempotencyKey" | "actorType" | "actorId" | "reason" | "purchaseId" | "explanation"> & {
  memberId: string;
  points: number;
  occurredAt: Date;
  pendingUntil?: Date | null;
  expiresAt?: Date | null;
};

/** The earn step itself, for operations that credit points as part of something larger (a purchase). */
export async function creditEarnedLot(ctx: OperationContext, earn: EarnedLot): Promise<EarnPointsResult> {
  const { tx, account, balance, saveBalance, now } = ctx;
  const pending = Boolean(earn.pendingUntil && earn.pendingUntil > now);
  // The lot id is chosen first so the append-only entry can name it.
  const lotId = randomUUID();
  const entry = await insertEntry(tx, {
    programId: account.programId,
    accountId: account.id,
    memberId: earn.memberId,
    kind: "earn",
    points: earn.points,
    availableDelta: pending ? 0 : earn.points,
    pendingDelta: pending ? earn.points : 0,
    reason: earn.reason,
    channel: earn.channel ?? "system",
    storeId: earn.storeId,
    orderRef: earn.orderRef,
    purchaseId: earn.purchaseId,
    lotId,
    actorType: earn.actorType ?? "system",
    actorId: earn.actorId,
    idempotencyKey: earn.idempotencyKey,
    explanation: earn.explanation,
    occurredAt: earn.occurredAt,
  });
  const lot = await insertLot(tx, {
    id: lotId,
    programId: account.programId,
    accountId: account.id,
    sourceEntryId: entry.id,
    amount: earn.points,
    remaining: earn.points,
    state: pending ? "pending" : "available",
    pendingUntil: pending ? earn.pendingUntil : null,
    expiresAt: earn.expiresAt ?? null,
    createdAt: now,
  });
  const next = applyDelta(balance, { available: entry.availableDelta, pending: entry.pendingDelta, lifetimeEarned: earn.points });
  await saveBalance(next);
  await recordEvent(tx, account.programId, "points.earned", {
    memberId: earn.memberId,
    points: earn.points,
    pending,
    entryId: entry.id,
    orderRef: earn.orderRef ?? null,
    purchaseId: earn.purchaseId ?? null,
    expiresAt: earn.expiresAt?.toISOString() ?? null,
    balance: { available: next.available, pending: next.pending },
  }, now);
  return { entryId: entry.id, lotId: lot.id, points: earn.points, state: lot.state, balance: next };
}
