import { and, asc, eq, gt, inArray, isNotNull, max, sql } from "drizzle-orm";
import { members, memberTierHistory, pointAccounts } from "../schema";
import type { Executor } from "../types";

export type MemberRow = typeof members.$inferSelect;

export async function insertMemberWithAccount(db: Executor, values: typeof members.$inferInsert): Promise<MemberRow> {
  const [member] = await db.insert(members).values(values).returning();
  await db.insert(pointAccounts).values({ programId: member!.programId, memberId: member!.id });
  return member!;
}

export async function getMember(db: Executor, p: { programId: string; memberId: string }): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(members).where(and(eq(members.programId, p.programId), eq(members.id, p.memberId)));
  return row;
}

export async function findMemberByExternalId(db: Executor, p: { programId: string; externalId: string }): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(members).where(and(eq(members.programId, p.programId), eq(members.externalId, p.externalId)));
  return row;
}

export async function cardNumberTaken(db: Executor, p: { programId: string; cardNumber: string }): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(members)
    .where(and(eq(members.programId, p.programId), eq(members.cardNumber, p.cardNumber)));
  return Boolean(row);
}

export async function findActiveMemberByEmail(db: Executor, p: { programId: string; email: string }): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.programId, p.programId), sql`lower(${members.email}) = lower(${p.email})`, eq(members.status, "active")))
    .limit(1);
  return row;
}

export type MemberLookup = { externalId?: string; email?: string; phone?: string; cardNumber?: string };

/** Exact lookups by any identifier the counter or an integration knows; at most `limit` rows. */
export async function lookupMembers(db: Executor, p: { programId: string; limit: number } & MemberLookup): Promise<MemberRow[]> {
  return db
    .select()
    .from(members)
    .where(
      and(
        eq(members.programId, p.programId),
        p.externalId ? eq(members.externalId, p.externalId) : undefined,
        p.email ? sql`lower(${members.email}) = lower(${p.email})` : undefined,
        p.phone ? eq(members.phone, p.phone) : undefined,
        p.cardNumber ? eq(members.cardNumber, p.cardNumber) : undefined,
      ),
    )
    .limit(p.limit);
}

export async function setMemberTier(tx: Executor, p: { programId: string; memberId: string; from: string | null; to: string | null; reason: string; actorId?: string; now: Date }): Promise<void> {
  await tx.update(members).set({ tierKey: p.to, updatedAt: p.now }).where(and(eq(members.programId, p.programId), eq(members.id, p.memberId)));
  await tx.insert(memberTierHistory).values({ programId: p.programId, memberId: p.memberId, fromTier: p.from, toTier: p.to, reason: p.reason, actorId: p.actorId, createdAt: p.now });
}

export type TieredMemberRow = { id: string; tierKey: string; tierOverrideUntil: Date | null };

/** The next batch of members holding a tier (keyset on id), row-locked so a concurrent tier change waits. */
export async function lockTieredMembers(tx: Executor, p: { programId: string; afterId: string | null; limit: number }): Promise<TieredMemberRow[]> {
  const rows = await tx
    .select({ id: members.id, tierKey: members.tierKey, tierOverrideUntil: members.tierOverrideUntil })
    .from(members)
    .where(and(eq(members.programId, p.programId), isNotNull(members.tierKey), p.afterId ? gt(members.id, p.afterId) : undefined))
    .orderBy(asc(members.id))
    .limit(p.limit)
    .for("update");
  return rows.map((r) => ({ ...r, tierKey: r.tierKey! }));
}

/** When each member last moved into the tier they hold now (latest history row into it); absent = no history. */
export async function listTierReachedAt(db: Executor, p: { programId: string; memberIds: string[] }): Promise<Map<string, Date>> {
  if (!p.memberIds.length) return new Map();
  const rows = await db
    .select({ memberId: memberTierHistory.memberId, reachedAt: max(memberTierHistory.createdAt) })
    .from(memberTierHistory)
    .innerJoin(members, and(eq(members.programId, memberTierHistory.programId), eq(members.id, memberTierHistory.memberId), eq(members.tierKey, memberTierHistory.toTier)))
    .where(and(eq(memberTierHistory.programId, p.programId), inArray(memberTierHistory.memberId, p.memberIds)))
    .groupBy(memberTierHistory.memberId);
  return new Map(rows.flatMap((r) => (r.reachedAt ? [[r.memberId, new Date(r.reachedAt)] as const] : [])));
}
