import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
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
