import { applyAllocations, insertEntry, listSpendableLots, type EntryRow, type NewEntry } from "@/db/queries/ledger";
import { drawFromLots, type Allocation } from "@/lib/domain/ledger/lots";
import { InsufficientPointsError } from "@/lib/errors";
import type { OperationContext } from "./run-ledger-operation";

/**
 * Writes a debit entry that draws `points` from the account's available lots,
 * soonest-expiring first. Refuses (and writes nothing) when they do not cover it.
 * Runs inside runLedgerOperation, under the account's row lock.
 */
export async function debitLots(
  ctx: OperationContext,
  points: number,
  entry: Omit<NewEntry, "programId" | "accountId" | "points">,
): Promise<{ entry: EntryRow; allocations: Allocation[] }> {
  const { tx, account } = ctx;
  if (ctx.balance.available < points) throw new InsufficientPointsError(points, ctx.balance.available);
  const lots = await listSpendableLots(tx, { programId: account.programId, accountId: account.id });
  const { allocations, shortfall } = drawFromLots(lots, points);
  // The cached balance said yes; the lots must agree, or the ledger is corrupt.
  if (shortfall > 0) throw new Error(`Account ${account.id}: lots cover ${points - shortfall} of ${points} available points`);
  const row = await insertEntry(tx, { ...entry, programId: account.programId, accountId: account.id, points });
  await applyAllocations(tx, { programId: account.programId, entryId: row.id }, allocations);
  return { entry: row, allocations };
}

/** Entry fields every operation copies from its validated input. */
export function entrySource(data: {
  memberId?: string;
  channel?: NewEntry["channel"];
  storeId?: string;
  orderRef?: string;
  idempotencyKey?: string;
  actor?: { type: NonNullable<NewEntry["actorType"]>; id?: string };
}): Pick<NewEntry, "channel" | "storeId" | "orderRef" | "idempotencyKey" | "actorType" | "actorId"> {
  return {
    channel: data.channel ?? "system",
    storeId: data.storeId,
    orderRef: data.orderRef,
    idempotencyKey: data.idempotencyKey,
    actorType: data.actor?.type ?? "system",
    actorId: data.actor?.id,
  };
}
