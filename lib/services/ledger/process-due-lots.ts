import { lockAccounts } from "@/db/queries/ledger";
import { listAccountsInactive, listAccountsWithExpiredLots, listAccountsWithReleasableLots, settleDueLots } from "@/db/queries/ledger-batches";
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
  return processInBatches(db, options, listAccountsWithExpiredLots, (tx, accountIds, now) =>
    settleDueLots(tx, { programId: options.programId, accountIds, now, kind: "expire" }),
  );
}

/**
 * The inactivity policy: every available point of a member with no earn or
 * redemption for `months` months expires, one `expire` entry per account
 * (explanation `policy: "inactivity"`). Same batches, locks and re-check as
 * lot-date expiry, so a second run (or a concurrent one) finds nothing.
 */
export async function expireInactivePoints(db: Executor, options: BatchOptions & { months: number }): Promise<DueLotsResult> {
  const { months } = options;
  return processInBatches(
    db,
    options,
    (db, p) => listAccountsInactive(db, { ...p, months }),
    (tx, accountIds, now) => settleDueLots(tx, { programId: options.programId, accountIds, now, kind: "expire", inactiveMonths: months }),
  );
}

/** Releases pending points whose return window has closed: they become available. */
export async function releaseDuePoints(db: Executor, options: BatchOptions): Promise<DueLotsResult> {
  return processInBatches(db, options, listAccountsWithReleasableLots, (tx, accountIds, now) =>
    settleDueLots(tx, { programId: options.programId, accountIds, now, kind: "release" }),
  );
}

async function processInBatches(
  db: Executor,
  options: BatchOptions,
  findAccounts: (db: Executor, p: { programId: string; now: Date; limit: number }) => Promise<string[]>,
  settle: (tx: Executor, lockedAccountIds: string[], now: Date) => Promise<DueLotsResult>,
): Promise<DueLotsResult> {
  const now = options.now ?? new Date();
  if (!(await getProgramById(db, options.programId))) throw new NotFoundError("program", options.programId);
  const total: DueLotsResult = { accounts: 0, lots: 0, points: 0 };
  for (;;) {
    const accountIds = await findAccounts(db, { programId: options.programId, now, limit: options.batchSize ?? 1000 });
    if (!accountIds.length) return total;
    const done = await db.transaction(async (tx) => {
      const locked = await lockAccounts(tx, { programId: options.programId, accountIds });
      return settle(tx, locked.map((a) => a.id), now);
    });
    total.accounts += done.accounts;
    total.lots += done.lots;
    total.points += done.points;
    options.onProgress?.(total);
    // Another runner took this batch first: stop rather than spin on the same hint.
    if (done.lots === 0) return total;
  }
}
