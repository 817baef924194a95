import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz, updatedAt } from "./columns";
import { programs, type LocalizedText } from "./tenancy";

export const rewardKind = pgEnum("reward_kind", ["amount_discount", "percent_discount", "free_product", "experience", "partner_perk"]);
export const rewardStatus = pgEnum("reward_status", ["draft", "active", "archived"]);
export const couponStatus = pgEnum("coupon_status", ["issued", "redeemed", "expired", "voided"]);

export const rewardMenus = pgTable("reward_menus", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  name: jsonb("name").$type<LocalizedText>().notNull(),
  /** A line under the menu's name in the portal ("pick one of these"). */
  description: jsonb("description").$type<LocalizedText>(),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.programId, t.id] })]);

export type RewardEligibility = { tiers?: string[]; segmentIds?: string[] };

export const rewards = pgTable("rewards", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  menuId: uuid("menu_id"),
  kind: rewardKind("kind").notNull(),
  status: rewardStatus("status").notNull().default("active"),
  name: jsonb("name").$type<LocalizedText>().notNull(),
  description: jsonb("description").$type<LocalizedText>(),
  pointsPrice: integer("points_price").notNull(),
  /** Tier key → points price, overriding points_price for that tier. */
  tierPrices: jsonb("tier_prices").$type<Record<string, number>>(),
  /** Discount amount in minor units, or percent × 100, depending on kind. */
  value: bigint("value", { mode: "number" }),
  stock: integer("stock"),
  perMemberLimit: integer("per_member_limit"),
  /** Redemptions allowed per member within a rolling period. */
  periodLimit: jsonb("period_limit").$type<{ count: number; days: number }>(),
  couponValidDays: integer("coupon_valid_days").notNull().default(30),
  validFrom: tstz("valid_from"),
  validUntil: tstz("valid_until"),
  imageUrl: text("image_url"),
  eligibility: jsonb("eligibility").$type<RewardEligibility>(),
  /** What the reward applies to in the catalog: one SKU ("free coffee") or a category node at any level ("20% off in Footwear"); neither = the whole ticket. */
  targetSku: text("target_sku"),
  targetCategory: text("target_category"),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("rewards_program_status_idx").on(t.programId, t.status),
  check("rewards_one_target", sql`num_nonnulls(${t.targetSku}, ${t.targetCategory}) <= 1`),
]);

export const coupons = pgTable("coupons", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  /** Unique, unguessable; shown as text and QR. */
  code: text("code").notNull(),
  rewardId: uuid("reward_id"),
  memberId: uuid("member_id"),
  campaignId: uuid("campaign_id"),
  status: couponStatus("status").notNull().default("issued"),
  redeemEntryId: bigint("redeem_entry_id", { mode: "number" }),
  pointsSpent: integer("points_spent").notNull().default(0),
  issuedAt: tstz("issued_at").notNull().defaultNow(),
  expiresAt: tstz("expires_at"),
  usedAt: tstz("used_at"),
  usedStoreId: uuid("used_store_id"),
  usedBy: text("used_by"),
  voidedAt: tstz("voided_at"),
  voidReason: text("void_reason"),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("coupons_program_code_key").on(t.programId, t.code),
  index("coupons_member_idx").on(t.programId, t.memberId, t.status),
  // Per-member and per-period limits count a member's coupons of one reward.
  index("coupons_reward_member_idx").on(t.programId, t.rewardId, t.memberId, t.issuedAt),
  // The expiry job looks for issued coupons past due.
  index("coupons_due_idx").on(t.programId, t.expiresAt).where(sql`${t.status} = 'issued'`),
]);

/** Imported partner code lists: a redemption takes the next unused code. */
export const partnerCodes = pgTable("partner_codes", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  rewardId: uuid("reward_id").notNull(),
  code: text("code").notNull(),
  couponId: uuid("coupon_id"),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.rewardId, t.code] }),
  index("partner_codes_free_idx").on(t.programId, t.rewardId).where(sql`${t.couponId} is null`),
]);
