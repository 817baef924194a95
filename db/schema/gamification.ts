import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { ChallengeRule } from "../../lib/domain/gamification/challenge";
import { createdAt, tstz, updatedAt } from "./columns";
import { members } from "./members";
import { programs, type LocalizedText } from "./tenancy";

/** purchases: N purchases (category, minimum ticket) within D days; profile: fill the profile; stores: N different stores within D days; streak: K consecutive weeks with a purchase. */
export const challengeKind = pgEnum("challenge_kind", ["purchases", "profile", "stores", "streak"]);
/** Only active challenges progress; a paused one keeps its members' progress and completions. */
export const challengeStatus = pgEnum("challenge_status", ["draft", "active", "paused"]);

/** A challenge a marketer set up: what to do (rule), when (dates), the badge it gives and its reward. */
export const challenges = pgTable("challenges", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  name: jsonb("name").$type<LocalizedText>().notNull(),
  description: jsonb("description").$type<LocalizedText>().notNull(),
  kind: challengeKind("kind").notNull(),
  status: challengeStatus("status").notNull().default("draft"),
  rule: jsonb("rule").$type<ChallengeRule>().notNull(),
  badgeName: jsonb("badge_name").$type<LocalizedText>().notNull(),
  /** One of the built-in badge icons (lib/domain/gamification/badges.ts). */
  badgeIcon: text("badge_icon").notNull(),
  rewardPoints: integer("reward_points").notNull().default(0),
  /** A catalog reward issued as a free coupon on completion (null: none). */
  rewardId: uuid("reward_id"),
  startsAt: tstz("starts_at").notNull(),
  endsAt: tstz("ends_at"),
  createdBy: uuid("created_by"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("challenges_program_status_idx").on(t.programId, t.status),
  check("challenges_reward_points_non_negative", sql`${t.rewardPoints} >= 0`),
]);

/**
 * One member's progress on one challenge (per period; "once" for now), kept
 * by the purchase and profile hooks. `completed_at` moves from null exactly
 * once, under the row's lock, in the transaction that pays the reward: the
 * once-only guard, together with the ledger idempotency key of the points.
 */
export const challengeProgress = pgTable("challenge_progress", {
  programId: uuid("program_id").notNull(),
  challengeId: uuid("challenge_id").notNull(),
  memberId: uuid("member_id").notNull(),
  periodKey: text("period_key").notNull().default("once"),
  progress: integer("progress").notNull().default(0),
  target: integer("target").notNull(),
  /** Streak challenges: the consecutive weeks up to now (0 when broken). */
  streak: integer("streak").notNull().default(0),
  completedAt: tstz("completed_at"),
  pointsAwarded: integer("points_awarded").notNull().default(0),
  entryId: bigint("entry_id", { mode: "number" }),
  couponId: uuid("coupon_id"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.challengeId, t.memberId, t.periodKey] }),
  index("challenge_progress_member_idx").on(t.programId, t.memberId),
  foreignKey({ columns: [t.programId, t.challengeId], foreignColumns: [challenges.programId, challenges.id] }),
  foreignKey({ columns: [t.programId, t.memberId], foreignColumns: [members.programId, members.id] }),
]);

/**
 * Members who chose to appear on their program's leaderboard (opt-in: no row,
 * not shown). Leaving deletes the row, so nothing of the choice lingers; an
 * anonymized member's row goes with their personal data.
 */
export const leaderboardEntries = pgTable("leaderboard_entries", {
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
  /** The name the member picked; null shows the masked default from their name ("Ana G."), worked out when shown so it follows a name change. */
  displayName: text("display_name"),
  joinedAt: tstz("joined_at").notNull().defaultNow(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.memberId] }),
  foreignKey({ columns: [t.programId, t.memberId], foreignColumns: [members.programId, members.id] }),
  check("leaderboard_entries_display_name_length", sql`${t.displayName} is null or char_length(${t.displayName}) between 2 and 24`),
]);
