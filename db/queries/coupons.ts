import { and, desc, eq, ilike, lt, ne, sql } from "drizzle-orm";
import { coupons, partnerCodes, rewards } from "../schema";
import type { Executor } from "../types";

export type CouponRow = typeof coupons.$inferSelect;

/** Inserts a coupon unless its code is taken (then returns undefined and the caller draws another code). */
export async function insertCoupon(tx: Executor, values: typeof coupons.$inferInsert): Promise<CouponRow | undefined> {
  const [row] = await tx.insert(coupons).values(values).onConflictDoNothing().returning();
  return row;
}

export async function getCouponByCode(db: Executor, p: { programId: string; code: string; lock?: boolean }): Promise<CouponRow | undefined> {
  const query = db.select().from(coupons).where(and(eq(coupons.programId, p.programId), eq(coupons.code, p.code)));
  const [row] = p.lock ? await query.for("update") : await query;
  return row;
}

export async function lockCoupon(tx: Executor, p: { programId: string; couponId: string }): Promise<CouponRow | undefined> {
  const [row] = await tx.select().from(coupons).where(and(eq(coupons.programId, p.programId), eq(coupons.id, p.couponId))).for("update");
  return row;
}

export async function updateCoupon(tx: Executor, p: { programId: string; couponId: string }, values: Partial<typeof coupons.$inferInsert>): Promise<CouponRow> {
  const [row] = await tx.update(coupons).set(values).where(and(eq(coupons.programId, p.programId), eq(coupons.id, p.couponId))).returning();
  return row!;
}

/** A member's coupons of one reward that count against its limits (voided ones gave their points back, so they do not). */
export async function countMemberCoupons(db: Executor, p: { programId: string; rewardId: string; memberId: string; since: Date | null }): Promise<{ total: number; inPeriod: number }> {
  const since = p.since ? sql`count(*) filter (where ${coupons.issuedAt} > ${p.since.toISOString()})::int` : sql`0`;
  const [row] = await db
    .select({ total: sql<number>`count(*)::int`, inPeriod: sql<number>`${since}` })
    .from(coupons)
    .where(and(eq(coupons.programId, p.programId), eq(coupons.rewardId, p.rewardId), eq(coupons.memberId, p.memberId), ne(coupons.status, "voided")));
  return { total: Number(row?.total ?? 0), inPeriod: Number(row?.inPeriod ?? 0) };
}

export type CouponView = CouponRow & { reward: Pick<typeof rewards.$inferSelect, "id" | "name" | "kind" | "value"> | null; partnerCode: string | null };

const couponView = {
  coupon: coupons,
  rewardId: rewards.id,
  rewardName: rewards.name,
  rewardKind: rewards.kind,
  rewardValue: rewards.value,
  partnerCode: partnerCodes.code,
};

type ViewRow = {
  coupon: CouponRow;
  rewardId: string | null;
  rewardName: { es: string; en: string } | null;
  rewardKind: (typeof rewards.$inferSelect)["kind"] | null;
  rewardValue: number | null;
  partnerCode: string | null;
};

function toView(r: ViewRow): CouponView {
  return {
    ...r.coupon,
    reward: r.rewardId && r.rewardName && r.rewardKind ? { id: r.rewardId, name: r.rewardName, kind: r.rewardKind, value: r.rewardValue } : null,
    partnerCode: r.partnerCode,
  };
}

/** Coupons with their reward and partner code: filtered by code prefix, status or member; newest first. */
export async function listCouponViews(
  db: Executor,
  p: { programId: string; code?: string; exactCode?: string; status?: CouponRow["status"]; memberId?: string; couponId?: string; before?: Date; limit: number },
): Promise<CouponView[]> {
  const rows = await db
    .select(couponView)
    .from(coupons)
    .leftJoin(rewards, and(eq(rewards.programId, coupons.programId), eq(rewards.id, coupons.rewardId)))
    .leftJoin(partnerCodes, and(eq(partnerCodes.programId, coupons.programId), eq(partnerCodes.couponId, coupons.id)))
    .where(
      and(
        eq(coupons.programId, p.programId),
        p.code ? ilike(coupons.code, `${p.code.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
        p.exactCode ? eq(coupons.code, p.exactCode) : undefined,
        p.status ? eq(coupons.status, p.status) : undefined,
        p.memberId ? eq(coupons.memberId, p.memberId) : undefined,
        p.couponId ? eq(coupons.id, p.couponId) : undefined,
        p.before ? lt(coupons.issuedAt, p.before) : undefined,
      ),
    )
    .orderBy(desc(coupons.issuedAt), desc(coupons.id))
    .limit(p.limit);
  return rows.map(toView);
}

/** Marks every issued coupon past its expiry as expired; returns how many. Running it twice changes nothing the second time. */
export async function expireDueCoupons(db: Executor, p: { programId: string; now: Date }): Promise<CouponRow[]> {
  return db
    .update(coupons)
    .set({ status: "expired" })
    .where(and(eq(coupons.programId, p.programId), eq(coupons.status, "issued"), sql`${coupons.expiresAt} <= ${p.now.toISOString()}`))
    .returning();
}


