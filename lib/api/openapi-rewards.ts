import { z } from "zod";
import { apiRedeemCouponSchema, apiRedemptionSchema, apiRewardsQuerySchema, apiValidateCouponSchema } from "@/lib/validation/api-rewards";
import type { Operation } from "./openapi";

/**
 * Rewards, redemptions and coupons (built by the rewards area) in the OpenAPI
 * document: requests are their validators; responses list the main fields and
 * allow more, so the reference stays true as those answers grow.
 */
const localized = z.object({ es: z.string(), en: z.string() });
const balance = z.object({ available: z.number().int(), pending: z.number().int() });

const target = z
  .union([
    z.object({ kind: z.literal("sku"), sku: z.string(), name: z.string().nullable() }),
    z.object({ kind: z.literal("category"), code: z.string(), name: z.string().nullable(), level: z.number().int().nullable().meta({ description: "1 department, 2 category, 3 subcategory." }) }),
  ])
  .nullable()
  .meta({ id: "RewardTarget", description: "What the reward is valid on: one SKU, or a catalog category at any level (its subcategories included); null = the whole ticket. `name` is null once it left the catalog." });

const reward = z
  .object({ id: z.uuid(), kind: z.string(), name: localized, description: localized.nullable(), pointsPrice: z.number().int(), value: z.number().nullable(), stock: z.number().int().nullable(), target })
  .catchall(z.unknown())
  .meta({ id: "Reward" });

const coupon = z
  .object({
    id: z.uuid(),
    code: z.string().meta({ example: "LZ7K-Q2MX-94TD" }),
    status: z.enum(["issued", "redeemed", "expired", "voided"]),
    memberId: z.uuid().nullable(),
    pointsSpent: z.number().int(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    usedAt: z.iso.datetime().nullable(),
    usedStoreId: z.uuid().nullable(),
    partnerCode: z.string().nullable(),
    reward: z.object({ id: z.uuid(), name: localized, kind: z.string(), value: z.number().nullable() }).nullable(),
  })
  .meta({ id: "Coupon" });

const couponCheck = coupon
  .extend({
    target,
    applies: z.boolean().optional().meta({ description: "With lines: whether the basket holds a line the reward is valid on (always true for a reward without a target)." }),
    qualifyingLines: z.array(z.number().int()).optional().meta({ description: "With lines: the 0-based indexes of the lines the reward is valid on." }),
  })
  .meta({ id: "CouponCheck" });

const rewardList = z.object({
  memberId: z.uuid().optional(),
  available: z.number().int().optional().meta({ description: "With memberId: the member's available points." }),
  data: z.array(reward.and(z.object({ price: z.number().int().optional(), affordable: z.boolean().optional() }))),
});

const redemption = z.object({
  entryId: z.number().int().nullable(),
  rewardId: z.uuid().optional(),
  pointsRedeemed: z.number().int(),
  balance,
  coupon: z.object({ id: z.uuid(), code: z.string(), status: z.string(), expiresAt: z.iso.datetime(), partnerCode: z.string().nullable(), qrSvg: z.string() }).optional().meta({ description: "When a reward was redeemed: the coupon to show or print." }),
});

const COUPON_REFUSALS = ["coupon_already_redeemed", "coupon_expired", "coupon_voided"];

export const REWARD_OPERATIONS: Operation[] = [
  {
    method: "get", path: "/api/v1/rewards", tag: "Rewards", scope: "members:read", summary: "List rewards (eligible ones for a member)",
    description: "Without memberId: the active catalog. With memberId: only what that member may redeem now, at their price.",
    query: apiRewardsQuerySchema, ok: { status: 200, schema: rewardList, description: "Rewards." }, errors: { 404: ["not_found"], 422: ["validation_failed"] },
  },
  {
    method: "post", path: "/api/v1/redemptions", tag: "Rewards", scope: "points:redeem", summary: "Redeem points (as payment) or a reward (issues a coupon)",
    body: apiRedemptionSchema, bodyExample: { memberId: "4f7c1d2e-8a9b-4c3d-9e8f-1a2b3c4d5e6f", rewardId: "0b6f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e" },
    ok: { status: 201, schema: redemption, description: "Points redeemed and, for a reward, the coupon." },
    errors: { 404: ["not_found"], 422: ["insufficient_points", "reward_not_eligible", "reward_inactive", "reward_archived", "out_of_stock"] },
  },
  {
    method: "post", path: "/api/v1/coupons/validate", tag: "Rewards", scope: "coupons:validate", summary: "Check a coupon at the counter (changes nothing)",
    description: "Attempts per key are limited: repeated wrong codes get 429 rate_limited. Send the basket's `lines` (SKU and/or category) to learn whether a reward valid only on a SKU or a category applies to it; SKU-only lines are classified from the catalog. Without lines the coupon is checked alone.",
    body: apiValidateCouponSchema, bodyExample: { code: "LZ7K-Q2MX-94TD", lines: [{ sku: "SHOE-RUN-42", quantity: 1 }, { sku: "COFFEE-250", quantity: 2 }] }, ok: { status: 200, schema: couponCheck, description: "What the coupon is worth, what it is valid on and, with lines, whether it applies to the basket." },
    errors: { 404: ["coupon_not_found"], 422: COUPON_REFUSALS },
  },
  {
    method: "post", path: "/api/v1/coupons/{code}/redeem", tag: "Rewards", scope: "coupons:validate", summary: "Redeem a coupon once",
    params: z.object({ code: z.string().meta({ description: "Coupon code", param: { name: "code", in: "path" } }) }), body: apiRedeemCouponSchema, bodyExample: {},
    ok: { status: 201, schema: coupon, description: "The coupon, now redeemed." }, errors: { 404: ["coupon_not_found"], 422: COUPON_REFUSALS },
  },
];
