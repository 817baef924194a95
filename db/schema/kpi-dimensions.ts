import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { tstz } from "./columns";

/*
 * The dashboard's member-level figures per purchase dimension, so a store or
 * channel filter reads a summary per member instead of a year of purchases.
 * A dimension is `channel:<channel>` or `store:<store id>` (SQL function
 * lazo_purchase_dimensions): every purchase belongs to its channel and, when it
 * has one, to its store. Written only by triggers on purchases (migration
 * kpi_dimension_triggers) in the writer's own transaction, under the same rules
 * as member_purchase_stats and kpi_member_months (a purchase counts unless it
 * is refunded in full; months local to the program's time zone), so always
 * exact; `rollups verify` compares them with a recomputation and
 * `rollups rebuild` rewrites them (docs/ANALYTICS.md, "Filters").
 */

/**
 * A member's last and second-latest counted purchase in a dimension: as
 * member_purchase_stats does for the whole program, it says whether the member
 * bought in a window (last ≥ start) and at least twice (previous ≥ start).
 * Its counting index, member_dimension_stats_count_idx (program_id, dimension)
 * holding both moments, is made in SQL: Drizzle cannot declare INCLUDE columns.
 */
export const memberDimensionStats = pgTable("member_dimension_stats", {
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
  dimension: text("dimension").notNull(),
  lastPurchaseAt: tstz("last_purchase_at").notNull(),
  previousPurchaseAt: tstz("previous_purchase_at"),
}, (t) => [primaryKey({ columns: [t.programId, t.memberId, t.dimension] })]);

/** kpi_member_months per dimension: the months a member bought in that store or channel, with the day of the first such purchase in each. */
export const kpiDimensionMemberMonths = pgTable("kpi_dimension_member_months", {
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
  dimension: text("dimension").notNull(),
  month: date("month", { mode: "string" }).notNull(),
  firstDay: date("first_day", { mode: "string" }).notNull(),
}, (t) => [primaryKey({ columns: [t.programId, t.memberId, t.dimension, t.month] })]);

/**
 * kpi_cohort_counts per dimension: a member's cohort here is their first month
 * in the dimension. Append-only signed changes like kpi_cohort_counts, folded
 * by the rollup refresh from the unfolded rows only; readers always sum.
 */
export const kpiDimensionCohortCounts = pgTable("kpi_dimension_cohort_counts", {
  programId: uuid("program_id").notNull(),
  dimension: text("dimension").notNull(),
  cohortMonth: date("cohort_month", { mode: "string" }).notNull(),
  month: date("month", { mode: "string" }).notNull(),
  firstDay: date("first_day", { mode: "string" }).notNull(),
  members: integer("members").notNull(),
  /** As kpi_cohort_counts.folded. */
  folded: boolean("folded").notNull().default(false),
}, (t) => [
  index("kpi_dimension_cohort_counts_cell_idx").on(t.programId, t.dimension, t.cohortMonth, t.month),
  index("kpi_dimension_cohort_counts_unfolded_idx").on(t.programId).where(sql`not ${t.folded}`),
]);

/*
 * The daily rollup per member dimension, so a tier or segment filter reads a
 * year of days instead of a year of those members' purchases and points. A
 * member dimension is `tier:<tier key>` (members.tier_key) or
 * `segment:<segment id>` (segment_members): a member belongs to it now, and
 * their whole history counts under it (as the other tier- and segment-filtered
 * figures do). Kept by the rollup refresh, not by triggers: the days a write
 * marks are recomputed with today's membership, and a member who changes tier
 * or segment (kpi_member_dimension_moves) has their history moved from one
 * dimension to the other (docs/ANALYTICS.md, "Tier and segment filters").
 */

/**
 * kpi_daily_rollups' member columns per member dimension × local day × store ×
 * channel (no non-member purchases: they belong to no tier or segment; no
 * distinct counts: moves add and subtract). A row can hold zeros after a move.
 */
export const kpiMemberDimensionRollups = pgTable("kpi_member_dimension_rollups", {
  programId: uuid("program_id").notNull(),
  dimension: text("dimension").notNull(),
  day: date("day", { mode: "string" }).notNull(),
  storeId: uuid("store_id").notNull(),
  channel: text("channel").notNull(),
  memberPurchases: integer("member_purchases").notNull().default(0),
  memberRevenueMinor: bigint("member_revenue_minor", { mode: "number" }).notNull().default(0),
  memberRefundedMinor: bigint("member_refunded_minor", { mode: "number" }).notNull().default(0),
  pointsIssued: bigint("points_issued", { mode: "number" }).notNull().default(0),
  pointsRedeemed: bigint("points_redeemed", { mode: "number" }).notNull().default(0),
  pointsExpired: bigint("points_expired", { mode: "number" }).notNull().default(0),
  pointsReversed: bigint("points_reversed", { mode: "number" }).notNull().default(0),
  newEnrolments: integer("new_enrolments").notNull().default(0),
  memberCostedPurchases: integer("member_costed_purchases").notNull().default(0),
  memberCostedRevenueMinor: bigint("member_costed_revenue_minor", { mode: "number" }).notNull().default(0),
  memberCostMinor: bigint("member_cost_minor", { mode: "number" }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.programId, t.dimension, t.day, t.storeId, t.channel] })]);

/**
 * A member joined (+1) or left (−1) a member dimension: appended by triggers
 * on members (a tier change) and segment_members (a segment refresh) in the
 * writer's transaction, claimed by the rollup refresh, which moves the member's
 * history accordingly. Append-only, like kpi_rollup_marks.
 */
export const kpiMemberDimensionMoves = pgTable("kpi_member_dimension_moves", {
  id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
  dimension: text("dimension").notNull(),
  sign: smallint("sign").notNull(),
}, (t) => [index("kpi_member_dimension_moves_program_idx").on(t.programId)]);

/*
 * The member-level figures per member dimension (tier, segment): buyers,
 * repeat buyers and active members, outstanding points and the cohort
 * heatmap, as sums over members kept by the rollup refresh. Writes to a
 * member's summary (member_purchase_stats), account (point_accounts) or
 * member-months (kpi_member_months) append the member to kpi_member_touches
 * (triggers); the refresh takes the touched and moved members, subtracts what
 * kpi_member_counted says each one counted for, in the dimensions they were
 * in, and adds what they count for now, in the dimensions they are in now.
 * docs/ANALYTICS.md, "Tier and segment filters".
 */

/** Keys a total does not use hold this date (primary key columns cannot be null). */
export const NO_KEY_DAY = "-infinity";

/**
 * Sums per member dimension: `last` and `previous` count members by the local
 * day of their latest and second-latest counted purchase (k1); `outstanding`
 * sums their available + pending points; `cohort` counts the heatmap's cells
 * (k1 cohort month, k2 month, k3 the first day in that month); `tier:<key>`
 * (`tier:` for none) counts the members in each tier, anonymized ones left out;
 * `move:<from>><to>` counts tier changes by local day (k1; an empty key: no tier).
 */
export const kpiMemberDimensionTotals = pgTable("kpi_member_dimension_totals", {
  programId: uuid("program_id").notNull(),
  dimension: text("dimension").notNull(),
  metric: text("metric").notNull(),
  k1: date("k1", { mode: "string" }).notNull(),
  k2: date("k2", { mode: "string" }).notNull(),
  k3: date("k3", { mode: "string" }).notNull(),
  value: bigint("value", { mode: "number" }).notNull(),
}, (t) => [primaryKey({ columns: [t.programId, t.dimension, t.metric, t.k1, t.k2, t.k3] })]);

/** What kpi_member_dimension_totals counts for each member now (in the member's dimensions): the refresh's memory. */
export const kpiMemberCounted = pgTable("kpi_member_counted", {
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
  lastDay: date("last_day", { mode: "string" }),
  previousDay: date("previous_day", { mode: "string" }),
  outstanding: bigint("outstanding", { mode: "number" }).notNull().default(0),
  months: date("months", { mode: "string" }).array().notNull(),
  firstDays: date("first_days", { mode: "string" }).array().notNull(),
  tierKey: text("tier_key"),
  /** Counted in the members per tier (not anonymized). */
  listed: boolean("listed").notNull().default(false),
  /** The member's tier changes (member_tier_history): local days, from and to. */
  moveDays: date("move_days", { mode: "string" }).array().notNull().default(sql`'{}'`),
  moveFrom: text("move_from").array().notNull().default(sql`'{}'`),
  moveTo: text("move_to").array().notNull().default(sql`'{}'`),
  /** The member's CLV bin (member_predictions.clv_bin). */
  clvBin: smallint("clv_bin"),
  /** Per store and channel the member bought in (member_dimension_stats): the dimension and the local days of the last two purchases there. */
  storeChannels: text("store_channels").array().notNull().default(sql`'{}'`),
  storeChannelLastDays: date("store_channel_last_days", { mode: "string" }).array().notNull().default(sql`'{}'`),
  storeChannelPreviousDays: date("store_channel_previous_days", { mode: "string" }).array().notNull().default(sql`'{}'`),
}, (t) => [primaryKey({ columns: [t.programId, t.memberId] })]);

/** A member enrolled, anonymized, or whose summary, account, member-months or tier history changed since the last refresh (append-only, like kpi_rollup_marks). */
export const kpiMemberTouches = pgTable("kpi_member_touches", {
  id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
}, (t) => [index("kpi_member_touches_program_idx").on(t.programId)]);
