import { withApiKey } from "@/lib/api/with-api-key";
import { validateCoupon } from "@/lib/services/coupons/validate-coupon";
import { apiValidateCouponSchema } from "@/lib/validation/api-rewards";
import { parseInput } from "@/lib/validation/common";

export const POST = withApiKey({ scope: "coupons:validate" }, async ({ db, actor, body }) => {
  const { code, storeId, lines } = parseInput(apiValidateCouponSchema, body);
  return { status: 200, body: await validateCoupon(db, actor, { programId: actor.programId, code, storeId, lines }) };
});
