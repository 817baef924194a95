import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";

/**
 * The local calendar months (program time zone) in which a member bought:
 * one row per member and month with at least one purchase not refunded in
 * full — the rule of member_purchase_stats. A member's cohort is their
 * earliest month here. Written only by triggers on purchases (migration
 * kpi_cohort_triggers) in the writer's own transaction, so it is always exact;
 * `rollups verify` compares it with a recomputation and `rollups rebuild`
 * rewrites it. Changing a program's time zone leaves it (like
 * kpi_daily_rollups) on the old months until `rollups rebuild`.
 */
export const kpiMemberMonths = pgTable("kpi_member_months", {
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
  month: date("month", { mode: "string" }).notNull(),
  /** The local day of the member's first counted purchase in the month (a range ending mid-month counts the member iff it is on or before its end). */
  firstDay: date("first_day", { mode: "string" }).notNull(),
}, (t) => [primaryKey({ columns: [t.programId, t.memberId, t.month] })]);

/**
 * The cohort heatmap: how many members of a cohort (month of their first
 * purchase) bought in a month, split by the day of their first purchase in
 * that month so a range ending mid-month is read exactly, as signed changes.
 * The triggers that keep kpi_member_months append one row per cell
 * (cohort, month, first day) a statement changes,
 * so concurrent writers never wait on each other's counts (a long import would
 * otherwise hold every busy cell until it commits); the count of a cell is the
 * sum of its rows, and the rollup refresh folds each cell back into one row and
 * drops cells that sum to 0. Readers always sum (docs/ANALYTICS.md, "Cohort heatmap").
 */
export const kpiCohortCounts = pgTable("kpi_cohort_counts", {
  programId: uuid("program_id").notNull(),
  cohortMonth: date("cohort_month", { mode: "string" }).notNull(),
  month: date("month", { mode: "string" }).notNull(),
  /** The members' first day of purchase in the month (kpi_member_months.first_day): a month's count to a day sums the rows up to it. */
  firstDay: date("first_day", { mode: "string" }).notNull(),
  /** A change to the number of members (negative when members leave the cell). */
  members: integer("members").notNull(),
  /**
   * True for the one row per cell the refresh folds into; rows appended by the triggers are false, and the
   * refresh reads only those (a partial index) and their cells, so folding costs what was written, not the table.
   */
  folded: boolean("folded").notNull().default(false),
}, (t) => [
  index("kpi_cohort_counts_cell_idx").on(t.programId, t.cohortMonth, t.month),
  index("kpi_cohort_counts_unfolded_idx").on(t.programId).where(sql`not ${t.folded}`),
]);
