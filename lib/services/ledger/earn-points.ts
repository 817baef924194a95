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
  /** "pending" while any of the points wait through a return window. */
  state: "pending" | "available";
  /** The part of `points` still pending (all of them, or none, unless `parts` split them). */
  pendingPoints: number;
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
  /**
   * Points with return windows of their own (a purchase whose rules set their
   * own pending period): one lot per window, all under the one earn entry.
   * They add up to `points`; absent = one lot until `pendingUntil`.
   */
  parts?: { points: number; pendingUntil: Date | null }[];
};

type LotPart = { points: number; pendingUntil: Date | null };

/** The parts as lots: windows already closed at `now` merge into one available lot; pending ones by date. */
function lotParts(earn: EarnedLot, now: Date): LotPart[] {
  const parts = earn.parts?.length ? earn.parts : [{ points: earn.points, pendingUntil: earn.pendingUntil ?? null }];
  const byDate = new Map<number, number>();
  for (const part of parts) {
    if (part.points <= 0) continue;
    const key = part.pendingUntil && part.pendingUntil > now ? part.pendingUntil.getTime() : 0;
    byDate.set(key, (byDate.get(key) ?? 0) + part.points);
  }
  // Latest window first: the entry names that lot, so its history line says until when the points wait.
  return [...byDate].sort(([a], [b]) => b - a).map(([at, points]) => ({ points, pendingUntil: at ? new Date(at) : null }));
}

/** The earn step itself, for operations that credit points as part of something larger (a purchase). */
export async function creditEarnedLot(ctx: OperationContext, earn: EarnedLot): Promise<EarnPointsResult> {
  const { tx, account, balance, saveBalance, now } = ctx;
  const parts = lotParts(earn, now);
  const pendingPoints = parts.reduce((sum, p) => sum + (p.pendingUntil ? p.points : 0), 0);
  const pending = pendingPoints > 0;
  // Lot ids are chosen first so the append-only entry can name its (first) lot.
  const lotIds = parts.map(() => randomUUID());
  const lotId = lotIds[0]!;
  const entry = await insertEntry(tx, {
    programId: account.programId,
    accountId: account.id,
    memberId: earn.memberId,
    kind: "earn",
    points: earn.points,
    availableDelta: earn.points - pendingPoints,
    pendingDelta: pendingPoints,
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
  for (const [i, part] of parts.entries()) {
    await insertLot(tx, {
      id: lotIds[i],
      programId: account.programId,
      accountId: account.id,
      sourceEntryId: entry.id,
      amount: part.points,
      remaining: part.points,
      state: part.pendingUntil ? "pending" : "available",
      pendingUntil: part.pendingUntil,
      expiresAt: earn.expiresAt ?? null,
      createdAt: now,
    });
  }
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
  return { entryId: entry.id, lotId, points: earn.points, state: pending ? "pending" : "available", pendingPoints, balance: next };
}
