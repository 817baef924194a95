import type { CouponView } from "@/db/queries/coupons";

/** A coupon as the counter, the member and integrations see it. */
export type CouponDetails = {
  id: string;
  code: string;
  status: CouponView["status"];
  memberId: string | null;
  pointsSpent: number;
  issuedAt: string;
  expiresAt: string | null;
  usedAt: string | null;
  usedStoreId: string | null;
  partnerCode: string | null;
  reward: { id: string; name: { es: string; en: string }; kind: string; value: number | null } | null;
};

export function toCouponDetails(c: CouponView): CouponDetails {
  return {
    id: c.id,
    code: c.code,
    status: c.status,
    memberId: c.memberId,
    pointsSpent: c.pointsSpent,
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt?.toISOString() ?? null,
    usedAt: c.usedAt?.toISOString() ?? null,
    usedStoreId: c.usedStoreId,
    partnerCode: c.partnerCode,
    reward: c.reward,
  };
}
