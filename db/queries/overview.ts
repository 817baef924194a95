import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { ledgerEntries, members, pointAccounts, purchases, stores } from "../schema";
import type { Executor } from "../types";

/** Headline numbers of one program; the analytics issue replaces these with rollups. */
export async function getProgramCounts(db: Executor, p: { programId: string; now: Date }) {
  const since30 = new Date(p.now.getTime() - 30 * 86_400_000);
  const since90 = new Date(p.now.getTime() - 90 * 86_400_000);
  const [memberRow] = await db.select({ n: sql<number>`count(*)::int` }).from(members).where(eq(members.programId, p.programId));
  const [balanceRow] = await db
    .select({ outstanding: sql<string>`coalesce(sum(${pointAccounts.available} + ${pointAccounts.pending}), 0)` })
    .from(pointAccounts)
    .where(eq(pointAccounts.programId, p.programId));
  const [activeRow] = await db
    .select({ n: sql<number>`count(distinct ${purchases.memberId})::int` })
    .from(purchases)
    .where(and(eq(purchases.programId, p.programId), gte(purchases.occurredAt, since90)));
  const [purchaseRow] = await db
    .select({ n: sql<number>`count(*)::int`, revenue: sql<string>`coalesce(sum(${purchases.amountMinor}), 0)` })
    .from(purchases)
    .where(and(eq(purchases.programId, p.programId), gte(purchases.occurredAt, since30)));
  const [pointsRow] = await db
    .select({
      issued: sql<string>`coalesce(sum(case when ${ledgerEntries.kind} = 'earn' then ${ledgerEntries.points} else 0 end), 0)`,
      redeemed: sql<string>`coalesce(sum(case when ${ledgerEntries.kind} in ('redeem', 'capture') then ${ledgerEntries.points} else 0 end), 0)`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.programId), gte(ledgerEntries.occurredAt, since30), inArray(ledgerEntries.kind, ["earn", "redeem", "capture"])));
  return {
    members: Number(memberRow?.n ?? 0),
    activeMembers90d: Number(activeRow?.n ?? 0),
    pointsOutstanding: Number(balanceRow?.outstanding ?? 0),
    pointsIssued30d: Number(pointsRow?.issued ?? 0),
    pointsRedeemed30d: Number(pointsRow?.redeemed ?? 0),
    purchases30d: Number(purchaseRow?.n ?? 0),
    revenue30dMinor: Number(purchaseRow?.revenue ?? 0),
  };
}

export async function countMembersByTier(db: Executor, programId: string): Promise<Map<string | null, number>> {
  const rows = await db
    .select({ tier: members.tierKey, n: sql<number>`count(*)::int` })
    .from(members)
    .where(eq(members.programId, programId))
    .groupBy(members.tierKey);
  return new Map(rows.map((r) => [r.tier, Number(r.n)]));
}

export async function listStores(db: Executor, programId: string) {
  return db
    .select({ id: stores.id, name: stores.name, code: stores.code, city: stores.city })
    .from(stores)
    .where(eq(stores.programId, programId))
    .orderBy(asc(stores.sortOrder), asc(stores.name));
}
