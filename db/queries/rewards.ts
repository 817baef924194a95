import { and, asc, eq, sql } from "drizzle-orm";
import { coupons, partnerCodes, rewardMenus, rewards, segmentMembers } from "../schema";
import { selectRows } from "../rows";
import type { Executor } from "../types";

export type RewardRow = typeof rewards.$inferSelect;
export type RewardMenuRow = typeof rewardMenus.$inferSelect;

export async function insertRewardMenu(db: Executor, values: typeof rewardMenus.$inferInsert) {
  const [row] = await db.insert(rewardMenus).values(values).returning();
  return row!;
}

export async function insertRewards(db: Executor, rows: (typeof rewards.$inferInsert)[]) {
  return db.insert(rewards).values(rows).returning();
}

export async function getReward(db: Executor, p: { programId: string; rewardId: string }): Promise<RewardRow | undefined> {
  const [row] = await db.select().from(rewards).where(and(eq(rewards.programId, p.programId), eq(rewards.id, p.rewardId)));
  return row;
}

/** Locks the reward for the rest of the transaction: its stock and limits are decided one redemption at a time. */
export async function lockReward(tx: Executor, p: { programId: string; rewardId: string }): Promise<RewardRow | undefined> {
  const [row] = await tx.select().from(rewards).where(and(eq(rewards.programId, p.programId), eq(rewards.id, p.rewardId))).for("update");
  return row;
}

export async function updateReward(tx: Executor, p: { programId: string; rewardId: string }, values: Partial<typeof rewards.$inferInsert>): Promise<RewardRow | undefined> {
  const [row] = await tx
    .update(rewards)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(rewards.programId, p.programId), eq(rewards.id, p.rewardId)))
    .returning();
  return row;
}

/** Adds `delta` to a limited stock (null stock means unlimited and stays null). */
export async function addRewardStock(tx: Executor, p: { programId: string; rewardId: string; delta: number }): Promise<void> {
  await tx
    .update(rewards)
    .set({ stock: sql`${rewards.stock} + ${p.delta}` })
    .where(and(eq(rewards.programId, p.programId), eq(rewards.id, p.rewardId), sql`${rewards.stock} is not null`));
}

export type RewardListRow = RewardRow & { redeemedCount: number; freeCodes: number };

/** Every reward of the program with how many coupons it has issued (voided ones excluded) and free partner codes. */
export async function listRewardsWithCounts(db: Executor, p: { programId: string; status?: RewardRow["status"][] }): Promise<RewardListRow[]> {
  // Spelled out: in a one-table select Drizzle renders ${rewards.id} as a bare "id", which the subquery would read as its own column.
  const issued = sql<number>`(select count(*)::int from ${coupons} c where c.program_id = "rewards"."program_id" and c.reward_id = "rewards"."id" and c.status <> 'voided')`;
  const free = sql<number>`(select count(*)::int from ${partnerCodes} pc where pc.program_id = "rewards"."program_id" and pc.reward_id = "rewards"."id" and pc.coupon_id is null)`;
  const rows = await db
    .select({ reward: rewards, redeemedCount: issued, freeCodes: free })
    .from(rewards)
    .where(and(eq(rewards.programId, p.programId), p.status ? sql`${rewards.status} in ${p.status}` : undefined))
    .orderBy(asc(rewards.sortOrder), asc(rewards.createdAt));
  return rows.map((r) => ({ ...r.reward, redeemedCount: Number(r.redeemedCount), freeCodes: Number(r.freeCodes) }));
}

export async function listRewardMenus(db: Executor, programId: string): Promise<RewardMenuRow[]> {
  return db.select().from(rewardMenus).where(eq(rewardMenus.programId, programId)).orderBy(asc(rewardMenus.sortOrder), asc(rewardMenus.createdAt));
}

export async function getRewardMenu(db: Executor, p: { programId: string; menuId: string }): Promise<RewardMenuRow | undefined> {
  const [row] = await db.select().from(rewardMenus).where(and(eq(rewardMenus.programId, p.programId), eq(rewardMenus.id, p.menuId)));
  return row;
}

export async function updateRewardMenu(tx: Executor, p: { programId: string; menuId: string }, values: Partial<typeof rewardMenus.$inferInsert>): Promise<RewardMenuRow | undefined> {
  const [row] = await tx.update(rewardMenus).set(values).where(and(eq(rewardMenus.programId, p.programId), eq(rewardMenus.id, p.menuId))).returning();
  return row;
}

export async function listMemberSegmentIds(db: Executor, p: { programId: string; memberId: string }): Promise<string[]> {
  const rows = await db
    .select({ id: segmentMembers.segmentId })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.programId, p.programId), eq(segmentMembers.memberId, p.memberId)));
  return rows.map((r) => r.id);
}

/** Inserts codes not already in the list; returns how many were new. */
export async function insertPartnerCodes(tx: Executor, p: { programId: string; rewardId: string; codes: string[] }): Promise<number> {
  if (!p.codes.length) return 0;
  const rows = await tx
    .insert(partnerCodes)
    .values(p.codes.map((code) => ({ programId: p.programId, rewardId: p.rewardId, code })))
    .onConflictDoNothing()
    .returning({ code: partnerCodes.code });
  return rows.length;
}

export async function countFreePartnerCodes(db: Executor, p: { programId: string; rewardId: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(partnerCodes)
    .where(and(eq(partnerCodes.programId, p.programId), eq(partnerCodes.rewardId, p.rewardId), sql`${partnerCodes.couponId} is null`));
  return Number(row?.n ?? 0);
}

/** Claims the next unused partner code; SKIP LOCKED lets concurrent redemptions take different codes without waiting. */
export async function claimPartnerCode(tx: Executor, p: { programId: string; rewardId: string; couponId: string }): Promise<string | null> {
  const rows = await selectRows<{ code: string }>(tx, sql`
    update ${partnerCodes} set coupon_id = ${p.couponId}
    where (program_id, reward_id, code) = (
      select program_id, reward_id, code from ${partnerCodes}
      where program_id = ${p.programId} and reward_id = ${p.rewardId} and coupon_id is null
      order by created_at, code limit 1 for update skip locked)
    returning code`);
  return rows[0]?.code ?? null;
}
