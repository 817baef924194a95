import { withApiKey } from "@/lib/api/with-api-key";
import { redeemCoupon } from "@/lib/services/coupons/validate-coupon";
import { apiRedeemCouponSchema } from "@/lib/validation/api-rewards";
import { parseInput } from "@/lib/validation/common";

export const POST = withApiKey<{ code: string }>({ scope: "coupons:validate" }, async ({ db, actor, body, params }) => {
  const { storeId } = parseInput(apiRedeemCouponSchema, body);
  return { status: 201, body: await redeemCoupon(db, actor, { programId: actor.programId, code: params.code, storeId }) };
});
