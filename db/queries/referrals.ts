import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { selectRows } from "../rows";
import { members, pointLots, purchases, referrals } from "../schema";
import type { Executor } from "../types";

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralStatus = ReferralRow["status"];

/** The member whose referral code this is (codes are stored normalised). */
export async function findMemberByReferralCode(db: Executor, p: { programId: string; code: string }) {
  const [row] = await db
    .select({ id: members.id, email: members.email, phone: members.phone, status: members.status, referralCode: members.referralCode })
    .from(members)
    .where(and(eq(members.programId, p.programId), eq(members.referralCode, p.code)));
  return row;
}

/** Gives a member their code unless they already have one; returns the member's code either way. */
export async function setMemberReferralCode(tx: Executor, p: { programId: string; memberId: string; code: string }): Promise<string | undefined> {
  await tx.update(members).set({ referralCode: p.code }).where(and(eq(members.programId, p.programId), eq(members.id, p.memberId), isNull(members.referralCode)));
  const [row] = await tx.select({ code: members.referralCode }).from(members).where(and(eq(members.programId, p.programId), eq(members.id, p.memberId)));
  return row?.code ?? undefined;
}

export async function insertReferral(tx: Executor, values: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const [row] = await tx.insert(referrals).values(values).returning();
  return row!;
}

/**
 * Names the new member's first qualifying purchase; only the first one
 * counts: a second purchase (or one racing this one) finds the column set and changes nothing.
 */
export async function attachQualifyingPurchase(tx: Executor, p: { programId: string; refereeId: string; purchaseId: string; at: Date }): Promise<string | undefined> {
  const [row] = await tx
    .update(referrals)
    .set({ qualifyingPurchaseId: p.purchaseId, qualifiedAt: p.at, updatedAt: p.at })
    .where(and(eq(referrals.programId, p.programId), eq(referrals.refereeId, p.refereeId), eq(referrals.status, "pending"), isNull(referrals.qualifyingPurchaseId)))
    .returning({ id: referrals.id });
  return row?.id;
}

export async function getPendingReferralOfReferee(db: Executor, p: { programId: string; refereeId: string }): Promise<ReferralRow | undefined> {
  const [row] = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.programId, p.programId), eq(referrals.refereeId, p.refereeId), eq(referrals.status, "pending"), isNull(referrals.qualifyingPurchaseId)));
  return row;
}

/**
 * Pending referrals whose qualifying purchase has no points left in a return
 * window (a hint: the reward re-checks under its locks). A purchase that
 * earned nothing has no lots and is due at once.
 */
export async function listDueReferrals(db: Executor, p: { programId: string; limit: number }): Promise<{ id: string; purchaseId: string }[]> {
  return selectRows<{ id: string; purchaseId: string }>(db, sql`
    select r.id, r.qualifying_purchase_id as "purchaseId"
      from ${referrals} r
      join ${purchases} pu on pu.program_id = r.program_id and pu.id = r.qualifying_purchase_id
     where r.program_id = ${p.programId} and r.status = 'pending' and r.qualifying_purchase_id is not null
       and not exists (select 1 from ${pointLots} l
                        where l.program_id = r.program_id and l.source_entry_id = pu.earn_entry_id
                          and l.state = 'pending' and l.remaining > 0)
     order by r.qualified_at, r.id
     limit ${p.limit}`);
}

/** Whether any of the purchase's earned points still wait in a return window. */
export async function purchaseHasPendingPoints(tx: Executor, p: { programId: string; earnEntryId: number | null }): Promise<boolean> {
  if (p.earnEntryId === null) return false;
  const rows = await selectRows<{ one: number }>(tx, sql`
    select 1 as one from ${pointLots} l
     where l.program_id = ${p.programId} and l.source_entry_id = ${p.earnEntryId} and l.state = 'pending' and l.remaining > 0
     limit 1`);
  return rows.length > 0;
}

export async function lockPurchaseById(tx: Executor, p: { programId: string; purchaseId: string }) {
  const [row] = await tx.select().from(purchases).where(and(eq(purchases.programId, p.programId), eq(purchases.id, p.purchaseId))).for("update");
  return row;
}

export async function lockReferral(tx: Executor, p: { programId: string; referralId: string }): Promise<ReferralRow | undefined> {
  const [row] = await tx.select().from(referrals).where(and(eq(referrals.programId, p.programId), eq(referrals.id, p.referralId))).for("update");
  return row;
}

export async function getReferral(db: Executor, p: { programId: string; referralId: string }): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(and(eq(referrals.programId, p.programId), eq(referrals.id, p.referralId)));
  return row;
}

export async function countRewardedReferrals(tx: Executor, p: { programId: string; referrerId: string }): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(and(eq(referrals.programId, p.programId), eq(referrals.referrerId, p.referrerId), eq(referrals.status, "rewarded")));
  return Number(row?.n ?? 0);
}

/** Ends a pending referral; false when it was no longer pending (someone else settled it). */
export async function settleReferral(
  tx: Executor,
  p: { programId: string; referralId: string; status: Exclude<ReferralStatus, "pending">; reason?: string | null; referrerPoints?: number; refereePoints?: number; referrerEntryId?: number | null; refereeEntryId?: number | null; now: Date },
): Promise<boolean> {
  const rows = await tx
    .update(referrals)
    .set({
      status: p.status,
      reason: p.reason ?? null,
      referrerPoints: p.referrerPoints ?? 0,
      refereePoints: p.refereePoints ?? 0,
      referrerEntryId: p.referrerEntryId ?? null,
      refereeEntryId: p.refereeEntryId ?? null,
      settledAt: p.now,
      updatedAt: p.now,
    })
    .where(and(eq(referrals.programId, p.programId), eq(referrals.id, p.referralId), eq(referrals.status, "pending")))
    .returning({ id: referrals.id });
  return rows.length > 0;
}

/** A refund of the qualifying purchase before the reward: the referral ends without points. */
export async function cancelReferralsOfPurchase(tx: Executor, p: { programId: string; purchaseId: string; now: Date }): Promise<ReferralRow[]> {
  return tx
    .update(referrals)
    .set({ status: "cancelled", reason: "purchase_refunded", settledAt: p.now, updatedAt: p.now })
    .where(and(eq(referrals.programId, p.programId), eq(referrals.qualifyingPurchaseId, p.purchaseId), eq(referrals.status, "pending")))
    .returning();
}

export type ReferredFriend = { id: string; name: string | null; status: ReferralStatus; reason: string | null; referrerPoints: number; createdAt: Date; settledAt: Date | null; qualified: boolean };

/** The friends a member referred, newest first. */
export async function listReferralsByReferrer(db: Executor, p: { programId: string; referrerId: string; limit: number }): Promise<ReferredFriend[]> {
  const rows = await db
    .select({ id: referrals.id, name: members.name, status: referrals.status, reason: referrals.reason, referrerPoints: referrals.referrerPoints, createdAt: referrals.createdAt, settledAt: referrals.settledAt, purchaseId: referrals.qualifyingPurchaseId })
    .from(referrals)
    .innerJoin(members, and(eq(members.programId, referrals.programId), eq(members.id, referrals.refereeId)))
    .where(and(eq(referrals.programId, p.programId), eq(referrals.referrerId, p.referrerId)))
    .orderBy(desc(referrals.createdAt), asc(referrals.id))
    .limit(p.limit);
  return rows.map(({ purchaseId, ...r }) => ({ ...r, qualified: purchaseId !== null }));
}

export async function countReferralsByStatus(db: Executor, p: { programId: string; referrerId: string }): Promise<Record<ReferralStatus, number>> {
  const rows = await db
    .select({ status: referrals.status, n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(and(eq(referrals.programId, p.programId), eq(referrals.referrerId, p.referrerId)))
    .groupBy(referrals.status);
  const counts: Record<ReferralStatus, number> = { pending: 0, rewarded: 0, not_rewarded: 0, cancelled: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Who referred the member, if anyone. */
export async function getReferrerOf(db: Executor, p: { programId: string; refereeId: string }) {
  const [row] = await db
    .select({ referralId: referrals.id, code: referrals.code, status: referrals.status, reason: referrals.reason, referrerId: members.id, name: members.name, cardNumber: members.cardNumber, refereePoints: referrals.refereePoints, createdAt: referrals.createdAt, settledAt: referrals.settledAt })
    .from(referrals)
    .innerJoin(members, and(eq(members.programId, referrals.programId), eq(members.id, referrals.referrerId)))
    .where(and(eq(referrals.programId, p.programId), eq(referrals.refereeId, p.refereeId)));
  return row;
}
