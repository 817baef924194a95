import { applyAllocations, getHold, insertEntry, listAllocations, settleHold, type HoldRow } from "@/db/queries/ledger";
import type { Executor } from "@/db/types";
import { applyDelta, type Balance } from "@/lib/domain/ledger/balance";
import { netDrawn, restoreToLots } from "@/lib/domain/ledger/lots";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { parseInput } from "@/lib/validation/common";
import { captureHoldSchema, voidHoldSchema, type CaptureHoldInput, type VoidHoldInput } from "@/lib/validation/ledger";
import { entrySource } from "./debit-lots";
import { runLedgerOperation, type OperationContext, type Replayable } from "./run-ledger-operation";

export type SettleHoldResult = { holdId: string; entryId: number; captured: number; released: number; balance: Balance };

/** Second phase: keeps `points` of the hold (all by default) as redeemed and gives the rest back. */
export async function captureHold(db: Executor, input: CaptureHoldInput, now = new Date()): Promise<Replayable<SettleHoldResult>> {
  const data = parseInput(captureHoldSchema, input);
  return settle(db, "capture", data, now, (hold) => {
    const captured = data.points ?? hold.points;
    if (captured > hold.points) {
      throw new UnprocessableError("capture_exceeds_hold", `Cannot capture ${captured} points from a hold of ${hold.points}.`, { held: hold.points });
    }
    return captured;
  });
}

/** Cancels a hold: every held point becomes available again, in the lots it came from. */
export async function voidHold(db: Executor, input: VoidHoldInput, now = new Date()): Promise<Replayable<SettleHoldResult>> {
  const data = parseInput(voidHoldSchema, input);
  return settle(db, "void", data, now, () => 0);
}

async function settle(
  db: Executor,
  kind: "capture" | "void",
  data: { programId: string; holdId: string; idempotencyKey?: string } & Parameters<typeof entrySource>[0],
  now: Date,
  capturedOf: (hold: HoldRow) => number,
): Promise<Replayable<SettleHoldResult>> {
  return runLedgerOperation(
    db,
    {
      operation: kind,
      programId: data.programId,
      idempotencyKey: data.idempotencyKey,
      request: data,
      now,
      locate: async (tx) => {
        const hold = await getHold(tx, { programId: data.programId, holdId: data.holdId });
        if (!hold) throw new NotFoundError("hold", data.holdId);
        return { accountId: hold.accountId };
      },
    },
    async (ctx) => {
      // Re-read under the account lock: a concurrent capture or void may have settled it.
      const hold = (await getHold(ctx.tx, { programId: data.programId, holdId: data.holdId }))!;
      if (hold.status !== "active") throw new UnprocessableError("hold_not_active", `The hold is already ${hold.status}.`, { holdStatus: hold.status });
      // An expired hold can still be voided (its points go back), never captured.
      if (kind === "capture" && hold.expiresAt && hold.expiresAt.getTime() <= now.getTime()) {
        throw new UnprocessableError("hold_expired", `The hold expired at ${hold.expiresAt.toISOString()}; void it and place a new one.`, { expiresAt: hold.expiresAt.toISOString() });
      }
      const captured = capturedOf(hold);
      const released = hold.points - captured;
      const entry = await insertEntry(ctx.tx, {
        ...entrySource(data),
        programId: data.programId,
        accountId: ctx.account.id,
        memberId: hold.memberId,
        kind,
        points: kind === "capture" ? captured : hold.points,
        heldDelta: -hold.points,
        availableDelta: released,
        holdId: hold.id,
        orderRef: data.orderRef ?? hold.orderRef,
        occurredAt: now,
      });
      await restoreHeld(ctx, hold, entry.id, released);
      await settleHold(ctx.tx, { programId: data.programId, holdId: hold.id, status: kind === "capture" ? "captured" : "voided", capturedPoints: kind === "capture" ? captured : null, now });
      const next = applyDelta(ctx.balance, { held: -hold.points, available: released, lifetimeRedeemed: captured });
      await ctx.saveBalance(next);
      if (kind === "capture" && captured > 0) {
        await recordEvent(ctx.tx, data.programId, "points.redeemed", { memberId: hold.memberId, points: captured, entryId: entry.id, orderRef: entry.orderRef ?? null, holdId: hold.id, balance: { available: next.available, pending: next.pending } }, now);
      }
      return { holdId: hold.id, entryId: entry.id, captured, released, balance: next };
    },
  );
}

async function restoreHeld(ctx: OperationContext, hold: HoldRow, entryId: number, points: number): Promise<void> {
  if (points === 0) return;
  const drawn = netDrawn([await listAllocations(ctx.tx, { programId: hold.programId, entryIds: [hold.holdEntryId] })]);
  await applyAllocations(ctx.tx, { programId: hold.programId, entryId }, restoreToLots(drawn, points));
}
