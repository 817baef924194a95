import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { businessAccountPurchases, businessAccounts, businessAccountUsers, ledgerEntries, members, pointAccounts, pointHolds, purchases } from "../schema";
import type { Executor } from "../types";

export type BusinessAccountRow = typeof businessAccounts.$inferSelect;
export type BusinessUserRow = typeof businessAccountUsers.$inferSelect;
export type BusinessUserRole = BusinessUserRow["role"];

/** A business account with its pool's cached balances. */
export type BusinessAccountWithPool = BusinessAccountRow & { available: number; pending: number; held: number; lifetimeEarned: number; lifetimeRedeemed: number };

/** The account and its pool (a point account owned by the business, not by a member) in the caller's transaction. */
export async function insertBusinessAccount(tx: Executor, p: { programId: string; name: string; externalId?: string | null; now: Date }): Promise<BusinessAccountRow> {
  const id = randomUUID();
  const pointAccountId = randomUUID();
  await tx.insert(pointAccounts).values({ programId: p.programId, id: pointAccountId, businessAccountId: id, createdAt: p.now, updatedAt: p.now });
  const [row] = await tx
    .insert(businessAccounts)
    .values({ programId: p.programId, id, name: p.name, externalId: p.externalId ?? null, pointAccountId, createdAt: p.now, updatedAt: p.now })
    .returning();
  return row!;
}

const withPool = {
  programId: businessAccounts.programId,
  id: businessAccounts.id,
  name: businessAccounts.name,
  externalId: businessAccounts.externalId,
  pointAccountId: businessAccounts.pointAccountId,
  tierKey: businessAccounts.tierKey,
  tierReachedAt: businessAccounts.tierReachedAt,
  createdAt: businessAccounts.createdAt,
  updatedAt: businessAccounts.updatedAt,
  available: pointAccounts.available,
  pending: pointAccounts.pending,
  held: pointAccounts.held,
  lifetimeEarned: pointAccounts.lifetimeEarned,
  lifetimeRedeemed: pointAccounts.lifetimeRedeemed,
};

export async function getBusinessAccount(db: Executor, p: { programId: string; accountId: string }): Promise<BusinessAccountWithPool | undefined> {
  const [row] = await db
    .select(withPool)
    .from(businessAccounts)
    .innerJoin(pointAccounts, and(eq(pointAccounts.programId, businessAccounts.programId), eq(pointAccounts.id, businessAccounts.pointAccountId)))
    .where(and(eq(businessAccounts.programId, p.programId), eq(businessAccounts.id, p.accountId)));
  return row;
}

export async function findBusinessAccountByExternalId(db: Executor, p: { programId: string; externalId: string }): Promise<BusinessAccountRow | undefined> {
  const [row] = await db.select().from(businessAccounts).where(and(eq(businessAccounts.programId, p.programId), eq(businessAccounts.externalId, p.externalId)));
  return row;
}

/** The account a member buys for (at most one per program), with their role and limit. */
export type Membership = { account: BusinessAccountRow; user: BusinessUserRow };

export async function findMembership(db: Executor, p: { programId: string; memberId: string }): Promise<Membership | undefined> {
  const [row] = await db
    .select({ account: businessAccounts, user: businessAccountUsers })
    .from(businessAccountUsers)
    .innerJoin(businessAccounts, and(eq(businessAccounts.programId, businessAccountUsers.programId), eq(businessAccounts.id, businessAccountUsers.accountId)))
    .where(and(eq(businessAccountUsers.programId, p.programId), eq(businessAccountUsers.memberId, p.memberId)));
  return row;
}

/** The account whose pool is this point account, if any (for operations that locked a point account first). */
export async function findAccountByPointAccount(db: Executor, p: { programId: string; pointAccountId: string }): Promise<BusinessAccountRow | undefined> {
  const [row] = await db.select().from(businessAccounts).where(and(eq(businessAccounts.programId, p.programId), eq(businessAccounts.pointAccountId, p.pointAccountId)));
  return row;
}

export async function getAccountUser(db: Executor, p: { programId: string; accountId: string; memberId: string }): Promise<BusinessUserRow | undefined> {
  const [row] = await db
    .select()
    .from(businessAccountUsers)
    .where(and(eq(businessAccountUsers.programId, p.programId), eq(businessAccountUsers.accountId, p.accountId), eq(businessAccountUsers.memberId, p.memberId)));
  return row;
}

export type AccountUserListRow = BusinessUserRow & { name: string | null; email: string | null; cardNumber: string };

export async function listAccountUsers(db: Executor, p: { programId: string; accountId: string }): Promise<AccountUserListRow[]> {
  const rows = await db
    .select({ user: businessAccountUsers, name: members.name, email: members.email, cardNumber: members.cardNumber })
    .from(businessAccountUsers)
    .innerJoin(members, and(eq(members.programId, businessAccountUsers.programId), eq(members.id, businessAccountUsers.memberId)))
    .where(and(eq(businessAccountUsers.programId, p.programId), eq(businessAccountUsers.accountId, p.accountId)))
    .orderBy(asc(businessAccountUsers.createdAt), asc(businessAccountUsers.memberId));
  return rows.map((r) => ({ ...r.user, name: r.name, email: r.email, cardNumber: r.cardNumber }));
}

/** Adds the user, or changes the role and limit of a user already in this account. */
export async function upsertAccountUser(
  tx: Executor,
  p: { programId: string; accountId: string; memberId: string; role: BusinessUserRole; monthlyRedemptionLimit: number | null; now: Date },
): Promise<BusinessUserRow> {
  const [row] = await tx
    .insert(businessAccountUsers)
    .values({ ...p, createdAt: p.now, updatedAt: p.now })
    .onConflictDoUpdate({
      target: [businessAccountUsers.programId, businessAccountUsers.accountId, businessAccountUsers.memberId],
      set: { role: p.role, monthlyRedemptionLimit: p.monthlyRedemptionLimit, updatedAt: p.now },
    })
    .returning();
  return row!;
}

export async function deleteAccountUser(tx: Executor, p: { programId: string; accountId: string; memberId: string }): Promise<boolean> {
  const rows = await tx
    .delete(businessAccountUsers)
    .where(and(eq(businessAccountUsers.programId, p.programId), eq(businessAccountUsers.accountId, p.accountId), eq(businessAccountUsers.memberId, p.memberId)))
    .returning({ memberId: businessAccountUsers.memberId });
  return rows.length > 0;
}

/** Locks the account row: user changes of one account queue up (so the last manager cannot be removed twice at once). */
export async function lockBusinessAccount(tx: Executor, p: { programId: string; accountId: string }): Promise<BusinessAccountRow | undefined> {
  const [row] = await tx.select().from(businessAccounts).where(and(eq(businessAccounts.programId, p.programId), eq(businessAccounts.id, p.accountId))).for("update");
  return row;
}

export async function setBusinessAccountTier(tx: Executor, p: { programId: string; accountId: string; tierKey: string | null; now: Date }): Promise<void> {
  await tx.update(businessAccounts).set({ tierKey: p.tierKey, tierReachedAt: p.now, updatedAt: p.now }).where(and(eq(businessAccounts.programId, p.programId), eq(businessAccounts.id, p.accountId)));
}

/** The program's accounts that hold a tier, locked for a tier review (a purchase raising one of them waits). */
export async function lockTieredBusinessAccounts(tx: Executor, programId: string): Promise<BusinessAccountRow[]> {
  return tx.select().from(businessAccounts).where(and(eq(businessAccounts.programId, programId), isNotNull(businessAccounts.tierKey))).orderBy(asc(businessAccounts.id)).for("update");
}

/**
 * Points each user of a pool has spent since a time: redemptions and hold
 * captures, net of their reversals (a voided coupon gives its points back to
 * the limit too), plus holds still active (reserved points count against the
 * limit until they are voided); absent = 0.
 */
export async function sumRedeemedByUser(db: Executor, p: { programId: string; pointAccountId: string; since: Date; memberId?: string }): Promise<Map<string, number>> {
  const reversed = sql`(select r.kind from ${ledgerEntries} r where r.program_id = ${ledgerEntries.programId} and r.id = ${ledgerEntries.reversesEntryId})`;
  const rows = await db
    .select({
      memberId: ledgerEntries.memberId,
      points: sql<string>`coalesce(sum(case
        when ${ledgerEntries.kind} in ('redeem', 'capture') then ${ledgerEntries.points}
        when ${ledgerEntries.kind} = 'hold' and ${pointHolds.status} = 'active' then ${ledgerEntries.points}
        when ${ledgerEntries.kind} = 'reverse' and ${reversed} in ('redeem', 'capture') then -${ledgerEntries.points}
        else 0 end), 0)`,
    })
    .from(ledgerEntries)
    .leftJoin(pointHolds, and(eq(pointHolds.programId, ledgerEntries.programId), eq(pointHolds.id, ledgerEntries.holdId), eq(ledgerEntries.kind, "hold")))
    .where(
      and(
        eq(ledgerEntries.programId, p.programId),
        eq(ledgerEntries.accountId, p.pointAccountId),
        inArray(ledgerEntries.kind, ["redeem", "capture", "hold", "reverse"]),
        gte(ledgerEntries.occurredAt, p.since),
        p.memberId ? eq(ledgerEntries.memberId, p.memberId) : undefined,
      ),
    )
    .groupBy(ledgerEntries.memberId);
  return new Map(rows.flatMap((r) => (r.memberId ? [[r.memberId, Math.max(0, Number(r.points))] as const] : [])));
}

export async function insertAccountPurchase(tx: Executor, values: typeof businessAccountPurchases.$inferInsert): Promise<void> {
  await tx.insert(businessAccountPurchases).values(values);
}

/** The account's spend since `since`: its purchases net of refunds, minor units (its tier qualifies on this). */
export async function sumAccountSpendSince(db: Executor, p: { programId: string; accountId: string; since: Date; until?: Date }): Promise<number> {
  const [row] = await db
    .select({ spend: sql<string>`coalesce(sum(${purchases.amountMinor} - ${purchases.refundedMinor}), 0)` })
    .from(businessAccountPurchases)
    .innerJoin(purchases, and(eq(purchases.programId, businessAccountPurchases.programId), eq(purchases.id, businessAccountPurchases.purchaseId)))
    .where(and(eq(businessAccountPurchases.programId, p.programId), eq(businessAccountPurchases.accountId, p.accountId), gte(businessAccountPurchases.occurredAt, p.since), p.until ? lt(businessAccountPurchases.occurredAt, p.until) : undefined));
  return Math.max(0, Number(row?.spend ?? 0));
}

/** Points the pool earned since `since` (the account's tier when the plan qualifies on points). */
export async function sumAccountEarnedSince(db: Executor, p: { programId: string; pointAccountId: string; since: Date; until?: Date }): Promise<number> {
  const [row] = await db
    .select({ points: sql<string>`coalesce(sum(${ledgerEntries.points}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.programId), eq(ledgerEntries.accountId, p.pointAccountId), eq(ledgerEntries.kind, "earn"), gte(ledgerEntries.occurredAt, p.since), p.until ? lt(ledgerEntries.occurredAt, p.until) : undefined));
  return Number(row?.points ?? 0);
}

export type AccountActivityRow = {
  id: number;
  kind: string;
  points: number;
  availableDelta: number;
  pendingDelta: number;
  reason: string | null;
  orderRef: string | null;
  memberId: string | null;
  memberName: string | null;
  memberEmail: string | null;
  occurredAt: Date;
};

/** The pool's ledger entries, newest first, each with the user who made it; `memberId` narrows to one user. */
export async function listAccountActivity(db: Executor, p: { programId: string; pointAccountId: string; memberId?: string; before?: number; limit: number }): Promise<AccountActivityRow[]> {
  return db
    .select({
      id: ledgerEntries.id,
      kind: ledgerEntries.kind,
      points: ledgerEntries.points,
      availableDelta: ledgerEntries.availableDelta,
      pendingDelta: ledgerEntries.pendingDelta,
      reason: ledgerEntries.reason,
      orderRef: ledgerEntries.orderRef,
      memberId: ledgerEntries.memberId,
      memberName: members.name,
      memberEmail: members.email,
      occurredAt: ledgerEntries.occurredAt,
    })
    .from(ledgerEntries)
    .leftJoin(members, and(eq(members.programId, ledgerEntries.programId), eq(members.id, ledgerEntries.memberId)))
    .where(
      and(
        eq(ledgerEntries.programId, p.programId),
        eq(ledgerEntries.accountId, p.pointAccountId),
        p.memberId ? eq(ledgerEntries.memberId, p.memberId) : undefined,
        p.before ? lt(ledgerEntries.id, p.before) : undefined,
      ),
    )
    .orderBy(desc(ledgerEntries.id))
    .limit(p.limit);
}

/** Per user: points earned into the pool and purchases made, all time (the admin's overview). */
export async function summarizeUsers(db: Executor, p: { programId: string; accountId: string; pointAccountId: string }): Promise<Map<string, { earned: number; purchases: number }>> {
  const earned = await db
    .select({ memberId: ledgerEntries.memberId, points: sql<string>`coalesce(sum(${ledgerEntries.points}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.programId), eq(ledgerEntries.accountId, p.pointAccountId), eq(ledgerEntries.kind, "earn")))
    .groupBy(ledgerEntries.memberId);
  const bought = await db
    .select({ memberId: businessAccountPurchases.memberId, count: sql<string>`count(*)` })
    .from(businessAccountPurchases)
    .where(and(eq(businessAccountPurchases.programId, p.programId), eq(businessAccountPurchases.accountId, p.accountId)))
    .groupBy(businessAccountPurchases.memberId);
  const out = new Map<string, { earned: number; purchases: number }>();
  for (const r of earned) if (r.memberId) out.set(r.memberId, { earned: Number(r.points), purchases: 0 });
  for (const r of bought) out.set(r.memberId, { earned: out.get(r.memberId)?.earned ?? 0, purchases: Number(r.count) });
  return out;
}
