import { withApiKey } from "@/lib/api/with-api-key";
import { couponQrSvg } from "@/lib/services/coupons/coupon-qr";
import { payWithPoints } from "@/lib/services/rewards/pay-with-points";
import { redeemReward } from "@/lib/services/rewards/redeem-reward";
import { apiRedemptionSchema } from "@/lib/validation/api-rewards";
import { parseInput } from "@/lib/validation/common";

export const POST = withApiKey({ scope: "points:redeem" }, async ({ db, actor, body, idempotencyKey }) => {
  const { memberId, points, rewardId, storeId, orderId } = parseInput(apiRedemptionSchema, body);
  // The ledger keeps its own key too, so even a crash between debiting and storing this answer never spends twice.
  const ledgerKey = `api:${actor.keyId}:${idempotencyKey}`;
  const programId = actor.programId;
  if (points !== undefined) {
    const paid = await payWithPoints(db, actor, { programId, memberId, points, storeId, orderRef: orderId, idempotencyKey: ledgerKey });
    return { status: 201, body: { entryId: paid.entryId, pointsRedeemed: paid.points, balance: { available: paid.balance.available, pending: paid.balance.pending } } };
  }
  const r = await redeemReward(db, actor, { programId, memberId, rewardId: rewardId!, storeId, idempotencyKey: ledgerKey });
  const coupon = { ...r.coupon, qrSvg: await couponQrSvg(r.coupon.code) };
  return { status: 201, body: { entryId: r.entryId, rewardId: r.rewardId, pointsRedeemed: r.pointsRedeemed, balance: { available: r.balance.available, pending: r.balance.pending }, coupon } };
});
