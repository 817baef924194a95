import { z } from "zod";
import { rewardKind } from "@/db/schema/rewards";
import { idSchema, idempotencyKeySchema, MAX_POINTS_PER_OPERATION, reasonSchema } from "./common";

/**
 * The English messages of the reward schemas. The console maps each to a
 * translated message key (RewardErrors.fields.<key>), so keep them stable.
 */
export const REWARD_MESSAGES = {
  nameRequired: "A name is required (at least 2 characters).",
  priceNegative: "The points price may not be negative.",
  priceWhole: "The points price must be a whole number.",
  priceTooHigh: `The points price may not exceed ${MAX_POINTS_PER_OPERATION.toLocaleString("en")}.`,
  valueRequired: "Give the discount's value.",
  valuePositive: "The value must be greater than zero.",
  percentTooHigh: "A percentage may not exceed 100.",
  stockNegative: "Stock may not be below zero.",
  limitPositive: "A limit must be at least 1.",
  periodIncomplete: "Give both the number of redemptions and the days of the period.",
  validDays: "Coupons must be valid for 1 to 3650 days.",
  endBeforeStart: "The end must be after the start.",
  invalidUrl: "Use a full https:// address.",
  wholeNumber: "Use a whole number.",
  targetSkuRequired: "Give the SKU the reward is valid on.",
  targetCategoryRequired: "Pick the category the reward is valid on.",
  targetSkuUnknown: "There is no product with this SKU in the catalog.",
  targetCategoryUnknown: "There is no such category in the catalog.",
} as const;

export const REWARD_KINDS = rewardKind.enumValues;

const M = REWARD_MESSAGES;
const whole = (message: string) => z.number({ error: M.wholeNumber }).int({ error: message });
const localized = z.strictObject({
  es: z.string().trim().max(200),
  en: z.string().trim().max(200),
});

export const rewardFieldsSchema = z.strictObject({
  kind: z.enum(rewardKind.enumValues, { error: "Pick a kind of reward." }),
  status: z.enum(["draft", "active"]).default("active"),
  name: localized.refine((n) => n.es.length >= 2 || n.en.length >= 2, { error: M.nameRequired }),
  description: localized.nullable().default(null),
  pointsPrice: whole(M.priceWhole).min(0, { error: M.priceNegative }).max(MAX_POINTS_PER_OPERATION, { error: M.priceTooHigh }),
  /** Tier key → price for that tier. */
  tierPrices: z.record(z.string().min(1).max(40), whole(M.priceWhole).min(0, { error: M.priceNegative }).max(MAX_POINTS_PER_OPERATION, { error: M.priceTooHigh })).nullable().default(null),
  /** Minor units for amount discounts; percent × 100 for percent discounts. */
  value: whole(M.wholeNumber).positive({ error: M.valuePositive }).max(1_000_000_000).nullable().default(null),
  stock: whole(M.wholeNumber).min(0, { error: M.stockNegative }).max(10_000_000).nullable().default(null),
  perMemberLimit: whole(M.wholeNumber).min(1, { error: M.limitPositive }).max(10_000).nullable().default(null),
  periodLimit: z.strictObject({ count: whole(M.wholeNumber).min(1, { error: M.limitPositive }).max(10_000), days: whole(M.wholeNumber).min(1, { error: M.limitPositive }).max(3650) }).nullable().default(null),
  couponValidDays: whole(M.validDays).min(1, { error: M.validDays }).max(3650, { error: M.validDays }).default(30),
  validFrom: z.date().nullable().default(null),
  validUntil: z.date().nullable().default(null),
  imageUrl: z.url({ protocol: /^https$/, error: M.invalidUrl }).max(500).nullable().default(null),
  tiers: z.array(z.string().min(1).max(40)).max(20).default([]),
  segmentIds: z.array(idSchema).max(50).default([]),
  menuId: idSchema.nullable().default(null),
  /** What it is valid on: a SKU or a category node of the program's catalog (checked by the service); null = the whole ticket. */
  target: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("sku"), sku: z.string().trim().min(1, { error: M.targetSkuRequired }).max(80) }),
      z.strictObject({ kind: z.literal("category"), code: z.string().trim().min(1, { error: M.targetCategoryRequired }).max(80) }),
    ])
    .nullable()
    .default(null),
});

type RewardFields = Omit<z.output<typeof rewardFieldsSchema>, "status">;

/** Rules across fields: what a kind needs, and a window that ends after it starts. */
function checkRewardFields(r: RewardFields, ctx: z.RefinementCtx) {
  if ((r.kind === "amount_discount" || r.kind === "percent_discount") && r.value === null) ctx.addIssue({ code: "custom", path: ["value"], message: M.valueRequired });
  if (r.kind === "percent_discount" && r.value !== null && r.value > 10_000) ctx.addIssue({ code: "custom", path: ["value"], message: M.percentTooHigh });
  if (r.validFrom && r.validUntil && r.validUntil <= r.validFrom) ctx.addIssue({ code: "custom", path: ["validUntil"], message: M.endBeforeStart });
}

export const createRewardSchema = rewardFieldsSchema.extend({ programId: idSchema }).superRefine(checkRewardFields);
export const updateRewardSchema = rewardFieldsSchema.extend({ programId: idSchema, rewardId: idSchema, status: z.enum(["draft", "active", "archived"]).default("active") }).superRefine(checkRewardFields);
export type CreateRewardInput = z.input<typeof createRewardSchema>;
export type UpdateRewardInput = z.input<typeof updateRewardSchema>;

export const rewardRefSchema = z.strictObject({ programId: idSchema, rewardId: idSchema });

export const createMenuSchema = z.strictObject({
  programId: idSchema,
  name: localized.refine((n) => n.es.length >= 2 || n.en.length >= 2, { error: M.nameRequired }),
  description: localized.nullable().default(null),
});
export const renameMenuSchema = createMenuSchema.extend({ menuId: idSchema });
export const reorderMenusSchema = z.strictObject({ programId: idSchema, menuIds: z.array(idSchema).min(1).max(200) });

export const importPartnerCodesSchema = z.strictObject({
  programId: idSchema,
  rewardId: idSchema,
  /** The pasted or uploaded list: one code a line (CSV: the first column). */
  text: z.string().max(2_000_000, { error: "The list is too large (2 MB at most)." }),
});

/** A member redeeming a reward: who, which, and the retry key of this attempt. */
export const redeemRewardSchema = z.strictObject({
  programId: idSchema,
  memberId: idSchema,
  rewardId: idSchema,
  storeId: idSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type RedeemRewardInput = z.input<typeof redeemRewardSchema>;

export const couponCodeSchema = z.string({ error: "A coupon code is required." }).trim().min(4, { error: "A coupon code is required." }).max(100);

export const couponAttemptSchema = z.strictObject({ programId: idSchema, code: couponCodeSchema, storeId: idSchema.optional() });

/**
 * A basket line sent with a coupon check, to learn whether a targeted reward
 * applies: a SKU (classified from the catalog) and/or a category code.
 */
export const couponBasketLineSchema = z
  .strictObject({
    sku: z.string().trim().min(1).max(80).optional(),
    category: z.string().trim().min(1).max(80).optional(),
    quantity: z.number({ error: "quantity must be a number." }).positive({ error: "quantity must be greater than zero." }).max(100_000).default(1),
    /** Accepted so a POS can send its purchase lines as they are; not needed to decide. */
    unitPrice: z.number({ error: "unitPrice must be a number." }).min(0, { error: "unitPrice may not be negative." }).max(1_000_000_000).optional(),
  })
  .refine((l) => l.sku !== undefined || l.category !== undefined, { error: "Give the line's sku or category.", path: ["sku"] });

/** Checking a coupon, optionally against the basket it is meant for. */
export const validateCouponSchema = couponAttemptSchema.extend({ lines: z.array(couponBasketLineSchema).min(1, { error: "Send at least one line." }).max(500).optional() });
export const voidCouponSchema = z.strictObject({ programId: idSchema, couponId: idSchema, reason: reasonSchema });
export const listCouponsSchema = z.strictObject({
  programId: idSchema,
  code: z.string().trim().max(100).optional(),
  status: z.enum(["issued", "redeemed", "expired", "voided"]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const moveMenuSchema = z.strictObject({ menuId: idSchema, direction: z.enum(["up", "down"]) });
