import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz, updatedAt } from "./columns";
import { members } from "./members";
import { programs } from "./tenancy";

/**
 * pending: waiting for the new member's first qualifying purchase and for its points to leave the return window;
 * rewarded: both sides credited; not_rewarded: the referrer's limit was reached (recorded, nothing credited);
 * cancelled: the qualifying purchase was refunded before the reward.
 */
export const referralStatus = pgEnum("referral_status", ["pending", "rewarded", "not_rewarded", "cancelled"]);

/**
 * One row per referred member (the unique referee key): the referral's whole
 * life, and the once-only guard of its reward (the status moves from pending
 * exactly once, under the row's lock, in the transaction that credits both sides).
 */
export const referrals = pgTable("referrals", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  referrerId: uuid("referrer_id").notNull(),
  refereeId: uuid("referee_id").notNull(),
  /** The code as it was used (the referrer's code at the time). */
  code: text("code").notNull(),
  status: referralStatus("status").notNull().default("pending"),
  /** Why it ended without points: limit_reached, purchase_refunded. */
  reason: text("reason"),
  qualifyingPurchaseId: uuid("qualifying_purchase_id"),
  qualifiedAt: tstz("qualified_at"),
  settledAt: tstz("settled_at"),
  referrerPoints: integer("referrer_points").notNull().default(0),
  refereePoints: integer("referee_points").notNull().default(0),
  referrerEntryId: bigint("referrer_entry_id", { mode: "number" }),
  refereeEntryId: bigint("referee_entry_id", { mode: "number" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("referrals_program_referee_key").on(t.programId, t.refereeId),
  index("referrals_program_referrer_idx").on(t.programId, t.referrerId, t.createdAt),
  // The release job's scan: pending referrals whose qualifying purchase is known.
  index("referrals_program_due_idx").on(t.programId).where(sql`${t.status} = 'pending' and ${t.qualifyingPurchaseId} is not null`),
  foreignKey({ columns: [t.programId, t.referrerId], foreignColumns: [members.programId, members.id] }),
  foreignKey({ columns: [t.programId, t.refereeId], foreignColumns: [members.programId, members.id] }),
  check("referrals_not_self", sql`${t.referrerId} <> ${t.refereeId}`),
  check("referrals_points_non_negative", sql`${t.referrerPoints} >= 0 and ${t.refereePoints} >= 0`),
]);
