import { lockAccounts } from "@/db/queries/ledger";
import {
  addToAccounts,
  insertAllocations,
  insertEntries,
  listAccountsWithExpiredLots,
  listAccountsWithReleasableLots,
  listExpiredLots,
  listReleasableLots,
  makeLotsAvailable,
  zeroLots,
  type DueLot,
} from "@/db/queries/ledger-batches";
import type { Executor } from "@/db/types";
import { NotFoundError } from "@/lib/errors";
import { getProgramById } from "@/db/queries/programs";

export type DueLotsResult = { accounts: number; lots: number; points: number };

type BatchOptions = { programId: string; now?: Date; batchSize?: number; onProgress?: (done: DueLotsResult) => void };

/**
 * Expires every lot whose expiry has passed: one `expire` entry per account,
 * naming the lots. Works in batches of accounts, each one transaction under the
 * accounts' row locks; lots are re-read under the lock, so running it twice (or
 * twice at once) expires nothing twice.
 */
export async function expireDuePoints(db: Executor, options: BatchOptions): Promise<DueLotsResult> {
  return processInBatches(db, options, listAccountsWithExpiredLots, async (tx, accountIds, now) => {
    const lots = await listExpiredLots(tx, { programId: options.programId, accountIds: [...accountIds.keys()], now });
    return writeBatch(tx, { programId: options.programId, now, members: accountIds }, lots, "expire");
  });
}

/** Releases pending points whose return window has closed: they become available. */
export async function releaseDuePoints(db: Executor, options: BatchOptions): Promise<DueLotsResult> {
  return processInBatches(db, options, listAccountsWithReleasableLots, async (tx, accountIds, now) => {
    const lots = await listReleasableLots(tx, { programId: options.programId, accountIds: [...accountIds.keys()], now });
    return writeBatch(tx, { programId: options.programId, now, members: accountIds }, lots, "release");
  });
}

async function processInBatches(
  db: Executor,
  options: BatchOptions,
  findAccounts: (db: Executor, p: { programId: string; now: Date; limit: number }) => Promise<string[]>,
  /** Gets the locked accounts as account id → member id. */
  handle: (tx: Executor, accounts: Map<string, string | null>, now: Date) => Promise<DueLotsResult>,
): Promise<DueLotsResult> {
  const now = options.now ?? new Date();
  if (!(await getProgramById(db, options.programId))) throw new NotFoundError("program", options.programId);
  const total: DueLotsResult = { accounts: 0, lots: 0, points: 0 };
  for (;;) {
    const accountIds = await findAccounts(db, { programId: options.programId, now, limit: options.batchSize ?? 500 });
    if (!accountIds.length) return total;
    const done = await db.transaction(async (tx) => {
      const locked = await lockAccounts(tx, { programId: options.programId, accountIds });
      return handle(tx, new Map(locked.map((a) => [a.id, a.memberId])), now);
    });
    total.accounts += done.accounts;
    total.lots += done.lots;
    total.points += done.points;
    options.onProgress?.(total);
    // Another runner took this batch first: stop rather than spin on the same hint.
    if (done.lots === 0) return total;
  }
}

async function writeBatch(
  tx: Executor,
  { programId, now, members }: { programId: string; now: Date; members: Map<string, string | null> },
  lots: DueLot[],
  kind: "expire" | "release",
): Promise<DueLotsResult> {
  const byAccount = new Map<string, DueLot[]>();
  for (const lot of lots) byAccount.set(lot.accountId, [...(byAccount.get(lot.accountId) ?? []), lot]);
  const plans = [...byAccount.entries()].map(([accountId, accountLots]) => {
    const pending = accountLots.filter((l) => l.state === "pending").reduce((s, l) => s + l.remaining, 0);
    const total = accountLots.reduce((s, l) => s + l.remaining, 0);
    return { accountId, lots: accountLots, total, pending, available: total - pending };
  });
  const entries = await insertEntries(
    tx,
    plans.map((p) => ({
      programId,
      accountId: p.accountId,
      memberId: members.get(p.accountId) ?? null,
      kind,
      points: p.total,
      availableDelta: kind === "expire" ? -p.available : p.total,
      pendingDelta: -p.pending,
      channel: "system" as const,
      explanation: { lots: p.lots.map((l) => ({ lotId: l.id, points: l.remaining, at: (kind === "expire" ? l.expiresAt : l.pendingUntil)?.toISOString() })) },
      occurredAt: now,
    })),
  );
  const entryByAccount = new Map(entries.map((e) => [e.accountId, e.id]));
  if (kind === "expire") {
    await insertAllocations(tx, lots.map((l) => ({ programId, entryId: entryByAccount.get(l.accountId)!, lotId: l.id, points: -l.remaining })));
    await zeroLots(tx, { programId, lotIds: lots.map((l) => l.id) });
  } else {
    await makeLotsAvailable(tx, { programId, lotIds: lots.map((l) => l.id) });
  }
  await addToAccounts(
    tx,
    { programId, now },
    plans.map((p) => ({
      accountId: p.accountId,
      available: kind === "expire" ? -p.available : p.total,
      pending: -p.pending,
      expired: kind === "expire" ? p.total : 0,
    })),
  );
  return { accounts: plans.length, lots: lots.length, points: plans.reduce((s, p) => s + p.total, 0) };
}
