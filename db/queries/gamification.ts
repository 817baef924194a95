import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, or, gt, sql } from "drizzle-orm";
import { selectRows } from "../rows";
import { challengeProgress, challenges, purchaseLines, purchases } from "../schema";
import type { Executor } from "../types";

export type ChallengeRow = typeof challenges.$inferSelect;
export type NewChallenge = typeof challenges.$inferInsert;
export type ChallengeProgressRow = typeof challengeProgress.$inferSelect;
type ProgressRef = { programId: string; challengeId: string; memberId: string; periodKey: string };

export async function insertChallenge(tx: Executor, values: NewChallenge): Promise<ChallengeRow> {
  const [row] = await tx.insert(challenges).values(values).returning();
  return row!;
}

export async function updateChallengeRow(tx: Executor, p: { programId: string; challengeId: string; now: Date }, values: Partial<NewChallenge>): Promise<ChallengeRow | undefined> {
  const [row] = await tx
    .update(challenges)
    .set({ ...values, updatedAt: p.now })
    .where(and(eq(challenges.programId, p.programId), eq(challenges.id, p.challengeId)))
    .returning();
  return row;
}

export async function getChallenge(db: Executor, p: { programId: string; challengeId: string }): Promise<ChallengeRow | undefined> {
  const [row] = await db.select().from(challenges).where(and(eq(challenges.programId, p.programId), eq(challenges.id, p.challengeId)));
  return row;
}

/** Every challenge of the program with how many members are on it and how many completed it. */
export async function listChallengesWithCounts(db: Executor, p: { programId: string }): Promise<(ChallengeRow & { participants: number; completions: number })[]> {
  const rows = await db
    // Spelled out: in a one-table select Drizzle renders ${challenges.id} as a bare "id", which the subquery would read as its own column.
    .select({
      challenge: challenges,
      participants: sql<number>`(select count(*)::int from ${challengeProgress} cp where cp.program_id = "challenges"."program_id" and cp.challenge_id = "challenges"."id")`,
      completions: sql<number>`(select count(*)::int from ${challengeProgress} cp where cp.program_id = "challenges"."program_id" and cp.challenge_id = "challenges"."id" and cp.completed_at is not null)`,
    })
    .from(challenges)
    .where(eq(challenges.programId, p.programId))
    .orderBy(desc(challenges.createdAt));
  return rows.map((r) => ({ ...r.challenge, participants: Number(r.participants), completions: Number(r.completions) }));
}

/** Active challenges whose dates include `now`, of the kinds asked for. */
export async function listLiveChallenges(db: Executor, p: { programId: string; now: Date; kinds: ChallengeRow["kind"][] }): Promise<ChallengeRow[]> {
  if (!p.kinds.length) return [];
  return db
    .select()
    .from(challenges)
    .where(and(eq(challenges.programId, p.programId), eq(challenges.status, "active"), inArray(challenges.kind, p.kinds), lte(challenges.startsAt, p.now), or(isNull(challenges.endsAt), gt(challenges.endsAt, p.now))))
    .orderBy(asc(challenges.startsAt));
}

/** Challenges a member can see: active ones (even ended: their badge stays) and any they took part in. */
export async function listMemberChallenges(db: Executor, p: { programId: string; memberId: string }): Promise<{ challenge: ChallengeRow; progress: ChallengeProgressRow | null }[]> {
  const rows = await db
    .select({ challenge: challenges, progress: challengeProgress })
    .from(challenges)
    .leftJoin(challengeProgress, and(eq(challengeProgress.programId, challenges.programId), eq(challengeProgress.challengeId, challenges.id), eq(challengeProgress.memberId, p.memberId)))
    .where(and(eq(challenges.programId, p.programId), or(eq(challenges.status, "active"), isNotNull(challengeProgress.memberId))))
    .orderBy(asc(challenges.startsAt), asc(challenges.createdAt));
  return rows;
}

export async function listMemberProgress(db: Executor, p: { programId: string; memberId: string; challengeIds: string[] }): Promise<ChallengeProgressRow[]> {
  if (!p.challengeIds.length) return [];
  return db
    .select()
    .from(challengeProgress)
    .where(and(eq(challengeProgress.programId, p.programId), eq(challengeProgress.memberId, p.memberId), inArray(challengeProgress.challengeId, p.challengeIds)));
}

/** Badges a member earned, newest first (their data download and the portal). */
export async function listMemberBadges(db: Executor, p: { programId: string; memberId: string }) {
  return db
    .select({ challengeId: challenges.id, challengeName: challenges.name, badgeName: challenges.badgeName, badgeIcon: challenges.badgeIcon, completedAt: challengeProgress.completedAt, pointsAwarded: challengeProgress.pointsAwarded, couponId: challengeProgress.couponId })
    .from(challengeProgress)
    .innerJoin(challenges, and(eq(challenges.programId, challengeProgress.programId), eq(challenges.id, challengeProgress.challengeId)))
    .where(and(eq(challengeProgress.programId, p.programId), eq(challengeProgress.memberId, p.memberId), isNotNull(challengeProgress.completedAt)))
    .orderBy(desc(challengeProgress.completedAt));
}

/** Records where a member stands; a completed row keeps its numbers (completion is final). */
export async function saveProgress(tx: Executor, ref: ProgressRef & { progress: number; target: number; streak: number; now: Date }): Promise<void> {
  await tx
    .insert(challengeProgress)
    .values({ programId: ref.programId, challengeId: ref.challengeId, memberId: ref.memberId, periodKey: ref.periodKey, progress: ref.progress, target: ref.target, streak: ref.streak, createdAt: ref.now, updatedAt: ref.now })
    .onConflictDoUpdate({
      target: [challengeProgress.programId, challengeProgress.challengeId, challengeProgress.memberId, challengeProgress.periodKey],
      set: { progress: ref.progress, target: ref.target, streak: ref.streak, updatedAt: ref.now },
      setWhere: isNull(challengeProgress.completedAt),
    });
}

/**
 * The once-only step: marks the row completed if it was not, under its row
 * lock. A second evaluation (a retry, a concurrent one) waits for the first
 * and then finds it completed: false.
 */
export async function claimCompletion(tx: Executor, ref: ProgressRef & { now: Date }): Promise<boolean> {
  const rows = await tx
    .update(challengeProgress)
    .set({ completedAt: ref.now, updatedAt: ref.now })
    .where(and(eq(challengeProgress.programId, ref.programId), eq(challengeProgress.challengeId, ref.challengeId), eq(challengeProgress.memberId, ref.memberId), eq(challengeProgress.periodKey, ref.periodKey), isNull(challengeProgress.completedAt)))
    .returning({ memberId: challengeProgress.memberId });
  return rows.length === 1;
}

export async function setCompletionReward(tx: Executor, ref: ProgressRef & { pointsAwarded: number; entryId: number | null; couponId: string | null }): Promise<void> {
  await tx
    .update(challengeProgress)
    .set({ pointsAwarded: ref.pointsAwarded, entryId: ref.entryId, couponId: ref.couponId })
    .where(and(eq(challengeProgress.programId, ref.programId), eq(challengeProgress.challengeId, ref.challengeId), eq(challengeProgress.memberId, ref.memberId), eq(challengeProgress.periodKey, ref.periodKey)));
}

export type PurchaseFactRow = { at: Date; amountMinor: number; storeId: string | null; categories: string[] };

/** A member's purchases since a date: net amount (refunds taken off), store and the distinct categories of their lines. */
export async function listMemberPurchaseFacts(db: Executor, p: { programId: string; memberId: string; since: Date }): Promise<PurchaseFactRow[]> {
  const rows = await selectRows<{ at: Date | string; amount: string | number; store_id: string | null; categories: string[] | null }>(
    db,
    sql`
      select pu.occurred_at as at, pu.amount_minor - pu.refunded_minor as amount, pu.store_id,
             (select array_agg(distinct pl.category) from ${purchaseLines} pl
               where pl.program_id = pu.program_id and pl.purchase_id = pu.id and pl.category is not null) as categories
        from ${purchases} pu
       where pu.program_id = ${p.programId} and pu.member_id = ${p.memberId} and pu.occurred_at >= ${p.since.toISOString()}
       order by pu.occurred_at`,
  );
  return rows.map((r) => ({ at: new Date(r.at), amountMinor: Number(r.amount), storeId: r.store_id, categories: r.categories ?? [] }));
}
