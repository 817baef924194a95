import { bigint, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { tstz } from "./columns";

/**
 * Each member's purchases summed up (refunded ones left out; partly refunded
 * ones count for what was kept), so the segment builder answers "last
 * purchase" over a million members without grouping millions of purchases.
 * Written only by triggers on purchases (migration
 * member_purchase_stats_triggers), in the same transaction as every insert,
 * COPY, refund or delete of a purchase, so it is always exact; never write it
 * from application code. A member with no row, or with `purchases` 0 (every
 * purchase refunded), has never bought.
 *
 * Its segment index, member_purchase_stats_segment_idx (program_id,
 * member_id) holding every other column, is made in SQL (migration
 * segment_stats_first_kept): Drizzle cannot declare INCLUDE columns.
 */
export const memberPurchaseStats = pgTable("member_purchase_stats", {
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
  firstPurchaseAt: tstz("first_purchase_at"),
  lastPurchaseAt: tstz("last_purchase_at"),
  /**
   * When the member's second-latest counted purchase was made (equal to last_purchase_at when two share that
   * moment; null with fewer than two): a member bought at least twice since T exactly when this is ≥ T.
   */
  previousPurchaseAt: tstz("previous_purchase_at"),
  purchases: integer("purchases").notNull().default(0),
  /** Amount kept (amount − refunded) of the counted purchases, in minor units. */
  keptMinor: bigint("kept_minor", { mode: "number" }).notNull().default(0),
  /**
   * Amount kept of the purchases made at first_purchase_at (one, unless several share that moment):
   * a window that starts after the first purchase holds at most kept_minor − first_kept_minor.
   */
  firstKeptMinor: bigint("first_kept_minor", { mode: "number" }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.programId, t.memberId] })]);
