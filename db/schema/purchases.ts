import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { programs } from "./tenancy";

export const purchaseChannel = pgEnum("purchase_channel", ["pos", "ecommerce", "app"]);
export const purchaseStatus = pgEnum("purchase_status", ["completed", "partially_refunded", "refunded"]);

/** A purchase as reported by a POS, shop or app; member_id is null for non-member tickets. */
export const purchases = pgTable("purchases", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  memberId: uuid("member_id"),
  /** The integrator's order reference; unique per program. */
  orderId: text("order_id").notNull(),
  channel: purchaseChannel("channel").notNull(),
  storeId: uuid("store_id"),
  amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
  refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
  currency: text("currency").notNull(),
  status: purchaseStatus("status").notNull().default("completed"),
  pointsEarned: integer("points_earned").notNull().default(0),
  /** Points of this purchase taken back by refunds so far (never more than points_earned). */
  pointsReversed: integer("points_reversed").notNull().default(0),
  earnEntryId: bigint("earn_entry_id", { mode: "number" }),
  planVersionId: uuid("plan_version_id"),
  staffUserId: uuid("staff_user_id"),
  occurredAt: tstz("occurred_at").notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("purchases_program_order_key").on(t.programId, t.orderId),
  index("purchases_member_idx").on(t.programId, t.memberId, t.occurredAt),
  index("purchases_program_time_idx").on(t.programId, t.occurredAt),
]);

export const purchaseLines = pgTable("purchase_lines", {
  programId: uuid("program_id").notNull(),
  purchaseId: uuid("purchase_id").notNull(),
  lineNo: integer("line_no").notNull(),
  sku: text("sku"),
  category: text("category"),
  quantity: numeric("quantity", { precision: 12, scale: 3 }).notNull(),
  unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
  refundedQuantity: numeric("refunded_quantity", { precision: 12, scale: 3 }).notNull().default(sql`0`),
  pointsEarned: integer("points_earned").notNull().default(0),
  /** The catalog's unit cost when the purchase was recorded (null: no cost known), so margins stay true after costs change. */
  unitCostMinor: bigint("unit_cost_minor", { mode: "number" }),
  attributes: jsonb("attributes"),
}, (t) => [primaryKey({ columns: [t.programId, t.purchaseId, t.lineNo] })]);

/**
 * One row per refund of a purchase: what was refunded (money, lines), the
 * points it reversed, and the part of them already spent (clawback) that the
 * program's policy forfeited. Append-only history for the desk and audits.
 */
export const purchaseRefunds = pgTable("purchase_refunds", {
  programId: uuid("program_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
  purchaseId: uuid("purchase_id").notNull(),
  amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
  lines: jsonb("lines"),
  pointsReversed: integer("points_reversed").notNull(),
  clawbackPoints: integer("clawback_points").notNull().default(0),
  entryId: bigint("entry_id", { mode: "number" }),
  actorType: text("actor_type").notNull(),
  actorId: text("actor_id"),
  reason: text("reason"),
  /** The store whose counter processed the return (null: API or console), for the end-of-day report. */
  storeId: uuid("store_id"),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("purchase_refunds_purchase_idx").on(t.programId, t.purchaseId),
]);
