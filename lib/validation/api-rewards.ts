import { z } from "zod";
import { idSchema, pointsSchema } from "./common";
import { couponBasketLineSchema, couponCodeSchema } from "./rewards";

/** GET /api/v1/rewards?memberId=…: with a member, only what they may redeem, at their price. */
export const apiRewardsQuerySchema = z.strictObject({ memberId: idSchema.optional() });

/** POST /api/v1/redemptions: either points as payment or a reward; unknown fields are refused. */
export const apiRedemptionSchema = z
  .strictObject({
    memberId: idSchema,
    points: pointsSchema.optional(),
    rewardId: idSchema.optional(),
    storeId: idSchema.optional(),
    orderId: z.string().trim().min(1).max(120).optional(),
  })
  .refine((r) => (r.points === undefined) !== (r.rewardId === undefined), { error: "Give either points or rewardId.", path: ["rewardId"] })
  .refine((r) => r.orderId === undefined || r.points !== undefined, { error: "orderId goes with a points payment.", path: ["orderId"] });

/** POST /api/v1/coupons/validate: with `lines`, the answer says whether the basket holds what the reward is valid on. */
export const apiValidateCouponSchema = z.strictObject({
  code: couponCodeSchema,
  storeId: idSchema.optional(),
  lines: z.array(couponBasketLineSchema).min(1, { error: "Send at least one line." }).max(500).optional(),
});

/** POST /api/v1/coupons/{code}/redeem */
export const apiRedeemCouponSchema = z.strictObject({ storeId: idSchema.optional() });
