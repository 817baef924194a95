import { bigint, date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";

/**
 * Members per tier (anonymized members left out), as signed changes: triggers
 * on members (migration kpi_totals_triggers) append one row per program and
 * tier a statement changes, in the writer's own transaction, so the count of a
 * tier is the sum of its rows and is always exact. Append-only, like
 * kpi_cohort_counts: writers never wait on each other's counts, and the rollup
 * refresh folds each tier back into one row. The dashboard reads it for the
 * tier distribution instead of counting a million members.
 */
export const kpiTierCounts = pgTable("kpi_tier_counts", {
  programId: uuid("program_id").notNull(),
  /** null: members without a tier. */
  tierKey: text("tier_key"),
  /** A change to the number of members in the tier. */
  members: integer("members").notNull(),
}, (t) => [index("kpi_tier_counts_program_idx").on(t.programId, t.tierKey)]);

/**
 * The points members hold (available + pending over every point account: the
 * liability), as signed changes appended by triggers on point_accounts in the
 * writer's transaction and folded by the rollup refresh; the sum of a
 * program's rows is the sum of its accounts.
 */
export const kpiOutstandingPoints = pgTable("kpi_outstanding_points", {
  programId: uuid("program_id").notNull(),
  /** A change to the points held. */
  points: bigint("points", { mode: "number" }).notNull(),
}, (t) => [index("kpi_outstanding_points_program_idx").on(t.programId)]);

/**
 * Tier moves per local day (program time zone): how many members went from a
 * tier to another (null: no tier), as signed changes appended by triggers on
 * member_tier_history in the writer's transaction and folded by the rollup
 * refresh. The dashboard's tier migration reads a range's days here instead of
 * every tier change of a million members.
 */
export const kpiTierMoves = pgTable("kpi_tier_moves", {
  programId: uuid("program_id").notNull(),
  day: date("day", { mode: "string" }).notNull(),
  fromTier: text("from_tier"),
  toTier: text("to_tier"),
  /** A change to the number of moves. */
  members: integer("members").notNull(),
}, (t) => [index("kpi_tier_moves_day_idx").on(t.programId, t.day)]);
