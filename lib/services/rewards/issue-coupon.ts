import { randomBytes } from "node:crypto";
import { insertCoupon, type CouponRow } from "@/db/queries/coupons";
import { addRewardStock, claimPartnerCode, type RewardRow } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { couponCodeFrom } from "@/lib/domain/rewards/coupon-code";
import { couponExpiry } from "@/lib/domain/rewards/eligibility";
import { UnprocessableError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";

export type IssuedCoupon = { id: string; code: string; status: CouponRow["status"]; expiresAt: string; partnerCode: string | null };

/**
 * The one way a coupon comes into being, inside the caller's transaction with
 * the reward row already locked: the stock goes down, a unique code is drawn,
 * a partner perk takes the next free partner code, and `coupon.issued` is
 * recorded. A redemption passes the points it spent and its ledger entry; a
 * campaign offer passes none and its campaign id.
 */
export async function issueCoupon(
  tx: Executor,
  p: { programId: string; reward: RewardRow; memberId: string; pointsSpent: number; redeemEntryId: number | null; campaignId?: string | null; now: Date },
): Promise<IssuedCoupon> {
  const { programId, reward, now } = p;
  if (reward.stock !== null) await addRewardStock(tx, { programId, rewardId: reward.id, delta: -1 });
  const coupon = await insertUniqueCoupon(tx, {
    programId,
    rewardId: reward.id,
    memberId: p.memberId,
    campaignId: p.campaignId ?? null,
    redeemEntryId: p.redeemEntryId,
    pointsSpent: p.pointsSpent,
    issuedAt: now,
    expiresAt: couponExpiry(now, reward.couponValidDays, reward.validUntil),
  });
  let partnerCode: string | null = null;
  if (reward.kind === "partner_perk") {
    partnerCode = await claimPartnerCode(tx, { programId, rewardId: reward.id, couponId: coupon.id });
    if (!partnerCode) throw new UnprocessableError("out_of_stock", "This partner perk has no codes left.", { reason: "out_of_stock" });
  }
  const issued: IssuedCoupon = { id: coupon.id, code: coupon.code, status: coupon.status, expiresAt: coupon.expiresAt!.toISOString(), partnerCode };
  await recordEvent(tx, programId, "coupon.issued", {
    couponId: coupon.id,
    code: coupon.code,
    memberId: p.memberId,
    rewardId: reward.id,
    pointsSpent: p.pointsSpent,
    expiresAt: issued.expiresAt,
    entryId: p.redeemEntryId,
    ...(p.campaignId ? { campaignId: p.campaignId } : {}),
  });
  return issued;
}

/** Draws codes until one is free: with 50 random bits a second draw practically never happens. */
async function insertUniqueCoupon(tx: Executor, values: Omit<CouponRow, "id" | "code" | "status" | "usedAt" | "usedStoreId" | "usedBy" | "voidedAt" | "voidReason">): Promise<CouponRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await insertCoupon(tx, { ...values, code: couponCodeFrom(randomBytes(10)) });
    if (row) return row;
  }
  throw new Error("Could not draw a free coupon code in 5 attempts");
}
