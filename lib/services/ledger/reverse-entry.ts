import {
  applyAllocations,
  getEntry,
  getHold,
  insertEntry,
  listAllocations,
  listEntryLots,
  listReversalIds,
  listSpendableLots,
  sumReversals,
  type EntryRow,
} from "@/db/queries/ledger";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { applyDelta, reversibleRemainder, type Balance } from "@/lib/domain/ledger/balance";
import { drawFromLots, netDrawn, restoreToLots, type Allocation } from "@/lib/domain/ledger/lots";
import { InsufficientPointsError, NotFoundError, UnprocessableError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { parseInput } from "@/lib/validation/common";
import { reverseEntrySchema, type ReverseEntryInput } from "@/lib/validation/ledger";
import { entrySource } from "./debit-lots";
import { runLedgerOperation, type OperationContext, type Replayable } from "./run-ledger-operation";

export type ReverseEntryResult = {
  entryId: number;
  reversedEntryId: number;
  points: number;
  /** Points of a reversed credit that had already been spent and could not be taken back. */
  unrecovered: number;
  balance: Balance;
};

type Movement = { available: number; pending: number; allocations: Allocation[]; unrecovered: number };

/**
 * Undoes all or part of an earlier entry, never more than the entry itself
 * minus what earlier reversals took. A reversed credit takes its points back
 * from its own lots first (pending ones before available ones), then from other available lots; a reversed debit
 * gives the points back to the lots it drew from.
 */
export async function reverseEntry(db: Executor, input: ReverseEntryInput, now = new Date()): Promise<Replayable<ReverseEntryResult>> {
  const data = parseInput(reverseEntrySchema, input);
  return runLedgerOperation(
    db,
    {
      operation: "reverse",
      programId: data.programId,
      idempotencyKey: data.idempotencyKey,
      request: data,
      now,
      locate: async (tx) => {
        const entry = await getEntry(tx, { programId: data.programId, entryId: data.entryId });
        if (!entry) throw new NotFoundError("entry", String(data.entryId));
        return { accountId: entry.accountId };
      },
    },
    async (ctx) => {
      const original = (await getEntry(ctx.tx, { programId: data.programId, entryId: data.entryId }))!;
      const remainder = reversibleRemainder(original.points, await sumReversals(ctx.tx, { programId: data.programId, entryId: original.id }));
      const points = data.points ?? remainder;
      if (remainder === 0) throw new UnprocessableError("already_reversed", "This entry has already been fully reversed.");
      if (points > remainder) {
        throw new UnprocessableError("reversal_exceeds_original", `Only ${remainder} points of this entry can still be reversed.`, { reversible: remainder });
      }
      const move = isCredit(original) ? await takeBackCredit(ctx, original, points) : await giveBackDebit(ctx, original, points);
      const entry = await insertEntry(ctx.tx, {
        ...entrySource(data),
        programId: data.programId,
        accountId: ctx.account.id,
        memberId: original.memberId,
        kind: "reverse",
        points,
        availableDelta: move.available,
        pendingDelta: move.pending,
        reversesEntryId: original.id,
        orderRef: data.orderRef ?? original.orderRef,
        purchaseId: original.purchaseId,
        reason: data.reason,
        explanation: { reverses: { entryId: original.id, kind: original.kind }, unrecovered: move.unrecovered },
        occurredAt: now,
      });
      await applyAllocations(ctx.tx, { programId: data.programId, entryId: entry.id }, move.allocations);
      const next = applyDelta(ctx.balance, {
        available: move.available,
        pending: move.pending,
        lifetimeEarned: isCredit(original) ? -points : 0,
        lifetimeRedeemed: original.kind === "redeem" || original.kind === "capture" ? -points : 0,
      });
      await ctx.saveBalance(next);
      await recordEvent(ctx.tx, data.programId, "points.reversed", {
        memberId: original.memberId,
        points,
        entryId: entry.id,
        reversedEntryId: original.id,
        reversedKind: original.kind,
        unrecovered: move.unrecovered,
        orderRef: entry.orderRef ?? null,
        purchaseId: original.purchaseId ?? null,
        balance: { available: next.available, pending: next.pending },
      }, now);
      return { entryId: entry.id, reversedEntryId: original.id, points, unrecovered: move.unrecovered, balance: next };
    },
  );
}

function isCredit(entry: EntryRow): boolean {
  if (entry.kind === "earn") return true;
  if (entry.kind === "adjust") return entry.availableDelta > 0;
  if (entry.kind === "redeem" || entry.kind === "capture") return false;
  throw new UnprocessableError("entry_not_reversible", `A ${entry.kind} entry cannot be reversed.`, { kind: entry.kind });
}

async function takeBackCredit(ctx: OperationContext, original: EntryRow, points: number): Promise<Movement> {
  const programId = original.programId;
  // Its own lots first (an earn split by return windows has several; pending before available), then other available lots.
  const own = await listEntryLots(ctx.tx, { programId, accountId: ctx.account.id, entryId: original.id });
  const allocations: Allocation[] = [];
  let fromOwn = 0;
  let fromPending = 0;
  for (const lot of own) {
    const take = Math.min(lot.remaining, points - fromOwn);
    if (take <= 0) break;
    allocations.push({ lotId: lot.id, points: -take });
    fromOwn += take;
    if (lot.state === "pending") fromPending += take;
  }
  const ownIds = new Set(own.map((l) => l.id));
  const others = (await listSpendableLots(ctx.tx, { programId, accountId: ctx.account.id })).filter((l) => !ownIds.has(l.id));
  const drawn = drawFromLots(others, points - fromOwn);
  allocations.push(...drawn.allocations);
  const program = await getProgramById(ctx.tx, programId);
  if (drawn.shortfall > 0 && program?.settings.clawbackPolicy === "strict") {
    throw new InsufficientPointsError(points, ctx.balance.available + fromPending);
  }
  const taken = points - drawn.shortfall;
  return { available: -(taken - fromPending), pending: -fromPending, allocations, unrecovered: drawn.shortfall };
}

async function giveBackDebit(ctx: OperationContext, original: EntryRow, points: number): Promise<Movement> {
  const programId = original.programId;
  const entryIds = [original.id, ...(await listReversalIds(ctx.tx, { programId, entryId: original.id }))];
  if (original.kind === "capture" && original.holdId) {
    const holdEntryIds = await holdEntryIdsOf(ctx.tx, programId, original);
    entryIds.push(...holdEntryIds);
  }
  const rows = await listAllocations(ctx.tx, { programId, entryIds });
  const drawn = netDrawn([rows.map(({ lotId, points: p }) => ({ lotId, points: p }))]);
  return { available: points, pending: 0, allocations: restoreToLots(drawn, points), unrecovered: 0 };
}

async function holdEntryIdsOf(tx: Executor, programId: string, capture: EntryRow): Promise<number[]> {
  const hold = await getHold(tx, { programId, holdId: capture.holdId! });
  return hold ? [hold.holdEntryId] : [];
}
