import { and, asc, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { ledgerEntries, lotAllocations, pointAccounts, pointHolds, pointLots } from "../schema";
import type { Executor } from "../types";

export type AccountRow = typeof pointAccounts.$inferSelect;
export type EntryRow = typeof ledgerEntries.$inferSelect;
export type NewEntry = typeof ledgerEntries.$inferInsert;
export type LotRow = typeof pointLots.$inferSelect;
export type HoldRow = typeof pointHolds.$inferSelect;
type Allocation = { lotId: string; points: number };

/** Locks the member's account row for the rest of the transaction: every balance change goes through here. */
export async function lockAccountByMember(tx: Executor, p: { programId: string; memberId: string }): Promise<AccountRow | undefined> {
  const [row] = await tx
    .select()
    .from(pointAccounts)
    .where(and(eq(pointAccounts.programId, p.programId), eq(pointAccounts.memberId, p.memberId)))
    .for("update");
  return row;
}

export async function lockAccountById(tx: Executor, p: { programId: string; accountId: string }): Promise<AccountRow | undefined> {
  const [row] = await tx
    .select()
    .from(pointAccounts)
    .where(and(eq(pointAccounts.programId, p.programId), eq(pointAccounts.id, p.accountId)))
    .for("update");
  return row;
}

/** Locks several accounts in a fixed order (by id), so two batch jobs never deadlock. */
export async function lockAccounts(tx: Executor, p: { programId: string; accountIds: string[] }): Promise<AccountRow[]> {
  if (!p.accountIds.length) return [];
  return tx
    .select()
    .from(pointAccounts)
    .where(and(eq(pointAccounts.programId, p.programId), inArray(pointAccounts.id, p.accountIds)))
    .orderBy(asc(pointAccounts.id))
    .for("update");
}

export async function getAccountByMember(db: Executor, p: { programId: string; memberId: string }): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(pointAccounts)
    .where(and(eq(pointAccounts.programId, p.programId), eq(pointAccounts.memberId, p.memberId)));
  return row;
}

export async function updateAccountBalances(
  tx: Executor,
  p: { programId: string; accountId: string; now: Date },
  balance: Pick<AccountRow, "available" | "pending" | "held" | "lifetimeEarned" | "lifetimeRedeemed" | "lifetimeExpired">,
): Promise<void> {
  await tx
    .update(pointAccounts)
    .set({ ...balance, lastActivityAt: p.now, updatedAt: p.now })
    .where(and(eq(pointAccounts.programId, p.programId), eq(pointAccounts.id, p.accountId)));
}

export async function insertEntry(tx: Executor, entry: NewEntry): Promise<EntryRow> {
  const explanation = entry.explanation === undefined ? undefined : sql`${JSON.stringify(entry.explanation)}::jsonb`;
  const [row] = await tx.insert(ledgerEntries).values({ ...entry, explanation }).returning();
  return row!;
}

export async function getEntry(db: Executor, p: { programId: string; entryId: number }): Promise<EntryRow | undefined> {
  const [row] = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.programId), eq(ledgerEntries.id, p.entryId)));
  return row;
}

/** Points already reversed from an entry (the magnitudes asked by earlier reversals). */
export async function sumReversals(tx: Executor, p: { programId: string; entryId: number }): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.points}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.programId), eq(ledgerEntries.reversesEntryId, p.entryId)));
  return Number(row?.total ?? 0);
}

export async function listReversalIds(tx: Executor, p: { programId: string; entryId: number }): Promise<number[]> {
  const rows = await tx
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.programId), eq(ledgerEntries.reversesEntryId, p.entryId)));
  return rows.map((r) => r.id);
}

export async function insertLot(tx: Executor, lot: typeof pointLots.$inferInsert): Promise<LotRow> {
  const [row] = await tx.insert(pointLots).values(lot).returning();
  return row!;
}

export async function getLot(tx: Executor, p: { programId: string; lotId: string }): Promise<LotRow | undefined> {
  const [row] = await tx.select().from(pointLots).where(and(eq(pointLots.programId, p.programId), eq(pointLots.id, p.lotId)));
  return row;
}

/** Available lots with points left, for a debit (the caller holds the account lock). */
/** The lots an entry created (an earn split by return windows creates several), pending ones first, each still holding points. */
export async function listEntryLots(tx: Executor, p: { programId: string; accountId: string; entryId: number }): Promise<LotRow[]> {
  const rows = await tx
    .select()
    .from(pointLots)
    .where(and(eq(pointLots.programId, p.programId), eq(pointLots.accountId, p.accountId), eq(pointLots.sourceEntryId, p.entryId), gt(pointLots.remaining, 0)));
  return rows.sort((a, b) => (a.state === b.state ? (b.pendingUntil?.getTime() ?? 0) - (a.pendingUntil?.getTime() ?? 0) : a.state === "pending" ? -1 : 1));
}

export async function listSpendableLots(tx: Executor, p: { programId: string; accountId: string }): Promise<LotRow[]> {
  return tx
    .select()
    .from(pointLots)
    .where(
      and(
        eq(pointLots.programId, p.programId),
        eq(pointLots.accountId, p.accountId),
        eq(pointLots.state, "available"),
        gt(pointLots.remaining, 0),
      ),
    );
}

export async function listLotsByIds(tx: Executor, p: { programId: string; lotIds: string[] }): Promise<LotRow[]> {
  if (!p.lotIds.length) return [];
  return tx.select().from(pointLots).where(and(eq(pointLots.programId, p.programId), inArray(pointLots.id, p.lotIds)));
}

/** Records which lots an entry moved and moves them. */
export async function applyAllocations(tx: Executor, p: { programId: string; entryId: number }, allocations: Allocation[]): Promise<void> {
  if (!allocations.length) return;
  await tx.insert(lotAllocations).values(allocations.map((a) => ({ programId: p.programId, entryId: p.entryId, ...a })));
  for (const a of allocations) {
    await tx
      .update(pointLots)
      .set({ remaining: sql`${pointLots.remaining} + ${a.points}` })
      .where(and(eq(pointLots.programId, p.programId), eq(pointLots.id, a.lotId)));
  }
}

export async function listAllocations(tx: Executor, p: { programId: string; entryIds: number[] }): Promise<(Allocation & { entryId: number })[]> {
  if (!p.entryIds.length) return [];
  return tx
    .select({ entryId: lotAllocations.entryId, lotId: lotAllocations.lotId, points: lotAllocations.points })
    .from(lotAllocations)
    .where(and(eq(lotAllocations.programId, p.programId), inArray(lotAllocations.entryId, p.entryIds)))
    .orderBy(asc(lotAllocations.entryId));
}

export async function insertHold(tx: Executor, hold: typeof pointHolds.$inferInsert): Promise<HoldRow> {
  const [row] = await tx.insert(pointHolds).values(hold).returning();
  return row!;
}

export async function getHold(db: Executor, p: { programId: string; holdId: string }): Promise<HoldRow | undefined> {
  const [row] = await db.select().from(pointHolds).where(and(eq(pointHolds.programId, p.programId), eq(pointHolds.id, p.holdId)));
  return row;
}

export async function settleHold(
  tx: Executor,
  p: { programId: string; holdId: string; status: "captured" | "voided"; capturedPoints: number | null; now: Date },
): Promise<void> {
  await tx
    .update(pointHolds)
    .set({ status: p.status, capturedPoints: p.capturedPoints, settledAt: p.now })
    .where(and(eq(pointHolds.programId, p.programId), eq(pointHolds.id, p.holdId)));
}

/** A member's entries, newest first, for history pages and the API's cursor pagination. */
export async function listEntriesForMember(
  db: Executor,
  p: { programId: string; memberId: string; before?: number; limit: number },
): Promise<EntryRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.programId, p.programId),
        eq(ledgerEntries.memberId, p.memberId),
        p.before ? lt(ledgerEntries.id, p.before) : undefined,
      ),
    )
    .orderBy(desc(ledgerEntries.id))
    .limit(p.limit);
}

/** Upcoming expiries of a member's points, soonest first, summed per instant. */
export async function listUpcomingExpiries(
  db: Executor,
  p: { programId: string; accountId: string; limit: number },
): Promise<{ expiresAt: Date; points: number }[]> {
  const rows = await db
    .select({ expiresAt: pointLots.expiresAt, points: sql<string>`sum(${pointLots.remaining})` })
    .from(pointLots)
    .where(
      and(
        eq(pointLots.programId, p.programId),
        eq(pointLots.accountId, p.accountId),
        gt(pointLots.remaining, 0),
        sql`${pointLots.expiresAt} is not null`,
      ),
    )
    .groupBy(pointLots.expiresAt)
    .orderBy(asc(pointLots.expiresAt))
    .limit(p.limit);
  return rows.map((r) => ({ expiresAt: r.expiresAt!, points: Number(r.points) }));
}

/** Members with the most available points (the demo seed's redeemers). */
export async function listMembersByAvailable(db: Executor, p: { programId: string; minimum: number; limit: number }) {
  return db
    .select({ memberId: pointAccounts.memberId, available: pointAccounts.available })
    .from(pointAccounts)
    .where(and(eq(pointAccounts.programId, p.programId), sql`${pointAccounts.available} >= ${p.minimum}`, sql`${pointAccounts.memberId} is not null`))
    .orderBy(desc(pointAccounts.available))
    .limit(p.limit);
}

/** The earliest expiry among a program's lots with points left, or null when none expires. */
export async function getFirstLotExpiry(db: Executor, programId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | null>`min(${pointLots.expiresAt})` })
    .from(pointLots)
    .where(and(eq(pointLots.programId, programId), gt(pointLots.remaining, 0)));
  return row?.at ? new Date(row.at) : null;
}
