import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { programs } from "./tenancy";

/** Stands for "no store" in the rollup key (primary key columns cannot be null). */
export const NO_STORE_ID = "00000000-0000-0000-0000-000000000000";

/**
 * Daily KPI rollup per program × local day (program time zone) × store × channel.
 * Derived data: any row can be recomputed from purchases, purchase_refunds,
 * purchase_lines, ledger_entries and members (lib/services/kpis/refresh-kpi-rollups.ts).
 * `members_purchasing` counts distinct members within the row only (not additive across rows).
 */
export const kpiDailyRollups = pgTable("kpi_daily_rollups", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  day: date("day", { mode: "string" }).notNull(),
  storeId: uuid("store_id").notNull(),
  /** A purchase, ledger or enrolment channel (pos, ecommerce, app, portal, import, system…). */
  channel: text("channel").notNull(),
  purchases: integer("purchases").notNull().default(0),
  memberPurchases: integer("member_purchases").notNull().default(0),
  membersPurchasing: integer("members_purchasing").notNull().default(0),
  revenueMinor: bigint("revenue_minor", { mode: "number" }).notNull().default(0),
  memberRevenueMinor: bigint("member_revenue_minor", { mode: "number" }).notNull().default(0),
  refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
  pointsIssued: bigint("points_issued", { mode: "number" }).notNull().default(0),
  pointsRedeemed: bigint("points_redeemed", { mode: "number" }).notNull().default(0),
  pointsExpired: bigint("points_expired", { mode: "number" }).notNull().default(0),
  pointsReversed: bigint("points_reversed", { mode: "number" }).notNull().default(0),
  newEnrolments: integer("new_enrolments").notNull().default(0),
  /** Refunds of member purchases, on the refund's day (refunded_minor counts every refund). */
  memberRefundedMinor: bigint("member_refunded_minor", { mode: "number" }).notNull().default(0),
  /**
   * Gross margin where unit costs are known (docs/ANALYTICS.md, "Gross margin"): purchases with at least one
   * line whose unit cost was snapshotted, the revenue of those lines and their cost — on the purchase's day,
   * less what refunds took back on the refund's day (so the money columns are net and may be negative on a day).
   */
  costedPurchases: integer("costed_purchases").notNull().default(0),
  memberCostedPurchases: integer("member_costed_purchases").notNull().default(0),
  costedRevenueMinor: bigint("costed_revenue_minor", { mode: "number" }).notNull().default(0),
  memberCostedRevenueMinor: bigint("member_costed_revenue_minor", { mode: "number" }).notNull().default(0),
  costMinor: bigint("cost_minor", { mode: "number" }).notNull().default(0),
  memberCostMinor: bigint("member_cost_minor", { mode: "number" }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.programId, t.day, t.storeId, t.channel] })]);

/**
 * Days whose rollup is stale. Statement triggers on the base tables append a
 * mark in the same transaction as the write; the refresh claims the marks it
 * can see and recomputes those days. Append-only, no unique key: a write never
 * waits on another write's mark.
 */
export const kpiRollupMarks = pgTable("kpi_rollup_marks", {
  id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
  programId: uuid("program_id").notNull(),
  day: date("day", { mode: "string" }).notNull(),
}, (t) => [index("kpi_rollup_marks_program_idx").on(t.programId)]);
