import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { ledgerEntries, lotAllocations, pointAccounts, pointLots } from "../schema";
import type { Executor } from "../types";

export type DueLot = { id: string; accountId: string; remaining: number; state: "pending" | "available"; expiresAt: Date | null; pendingUntil: Date | null };

/** Accounts with lots past their expiry that still hold points (no lock: a hint, re-checked under lock). */
export async function listAccountsWithExpiredLots(db: Executor, p: { programId: string; now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ accountId: pointLots.accountId })
    .from(pointLots)
    .where(and(eq(pointLots.programId, p.programId), gt(pointLots.remaining, 0), lte(pointLots.expiresAt, p.now)))
    .orderBy(asc(pointLots.accountId))
    .limit(p.limit);
  return rows.map((r) => r.accountId);
}

export async function listAccountsWithReleasableLots(db: Executor, p: { programId: string; now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ accountId: pointLots.accountId })
    .from(pointLots)
    .where(and(eq(pointLots.programId, p.programId), eq(pointLots.state, "pending"), gt(pointLots.remaining, 0), lte(pointLots.pendingUntil, p.now)))
    .orderBy(asc(pointLots.accountId))
    .limit(p.limit);
  return rows.map((r) => r.accountId);
}

/** Due lots of the given (already locked) accounts. */
export async function listExpiredLots(tx: Executor, p: { programId: string; accountIds: string[]; now: Date }): Promise<DueLot[]> {
  if (!p.accountIds.length) return [];
  return tx
    .select({ id: pointLots.id, accountId: pointLots.accountId, remaining: pointLots.remaining, state: pointLots.state, expiresAt: pointLots.expiresAt, pendingUntil: pointLots.pendingUntil })
    .from(pointLots)
    .where(and(eq(pointLots.programId, p.programId), inArray(pointLots.accountId, p.accountIds), gt(pointLots.remaining, 0), lte(pointLots.expiresAt, p.now)))
    .orderBy(asc(pointLots.accountId), asc(pointLots.expiresAt));
}

export async function listReleasableLots(tx: Executor, p: { programId: string; accountIds: string[]; now: Date }): Promise<DueLot[]> {
  if (!p.accountIds.length) return [];
  return tx
    .select({ id: pointLots.id, accountId: pointLots.accountId, remaining: pointLots.remaining, state: pointLots.state, expiresAt: pointLots.expiresAt, pendingUntil: pointLots.pendingUntil })
    .from(pointLots)
    .where(
      and(
        eq(pointLots.programId, p.programId),
        inArray(pointLots.accountId, p.accountIds),
        eq(pointLots.state, "pending"),
        gt(pointLots.remaining, 0),
        lte(pointLots.pendingUntil, p.now),
      ),
    )
    .orderBy(asc(pointLots.accountId), asc(pointLots.pendingUntil));
}

export async function insertEntries(tx: Executor, entries: (typeof ledgerEntries.$inferInsert)[]): Promise<{ id: number; accountId: string }[]> {
  if (!entries.length) return [];
  const rows: { id: number; accountId: string }[] = [];
  for (let i = 0; i < entries.length; i += 1000) {
    const chunk = entries.slice(i, i + 1000).map((e) => ({
      ...e,
      explanation: e.explanation === undefined ? undefined : sql`${JSON.stringify(e.explanation)}::jsonb`,
    }));
    rows.push(...(await tx.insert(ledgerEntries).values(chunk).returning({ id: ledgerEntries.id, accountId: ledgerEntries.accountId })));
  }
  return rows;
}

export async function insertAllocations(tx: Executor, rows: (typeof lotAllocations.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) await tx.insert(lotAllocations).values(rows.slice(i, i + 5000));
}

export async function zeroLots(tx: Executor, p: { programId: string; lotIds: string[] }): Promise<void> {
  if (p.lotIds.length) await tx.update(pointLots).set({ remaining: 0 }).where(and(eq(pointLots.programId, p.programId), inArray(pointLots.id, p.lotIds)));
}

export async function makeLotsAvailable(tx: Executor, p: { programId: string; lotIds: string[] }): Promise<void> {
  if (p.lotIds.length) await tx.update(pointLots).set({ state: "available" }).where(and(eq(pointLots.programId, p.programId), inArray(pointLots.id, p.lotIds)));
}

/** Adds per-account deltas in one statement. */
export async function addToAccounts(
  tx: Executor,
  p: { programId: string; now: Date },
  deltas: { accountId: string; available: number; pending: number; expired: number }[],
): Promise<void> {
  if (!deltas.length) return;
  const values = sql.join(
    deltas.map((d) => sql`(${d.accountId}::uuid, ${d.available}::int, ${d.pending}::int, ${d.expired}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${pointAccounts} as a
       set available = a.available + d.available,
           pending = a.pending + d.pending,
           lifetime_expired = a.lifetime_expired + d.expired,
           updated_at = ${p.now.toISOString()}::timestamptz
      from (values ${values}) as d(account_id, available, pending, expired)
     where a.program_id = ${p.programId} and a.id = d.account_id`);
}
