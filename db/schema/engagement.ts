import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz, updatedAt } from "./columns";
import { programs, type LocalizedText } from "./tenancy";

export const segments = pgTable("segments", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  name: text("name").notNull(),
  /** The AND/OR condition tree, validated by lib/validation. */
  definition: jsonb("definition").notNull(),
  memberCount: integer("member_count"),
  refreshedAt: tstz("refreshed_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.programId, t.id] })]);

export const segmentMembers = pgTable("segment_members", {
  programId: uuid("program_id").notNull(),
  segmentId: uuid("segment_id").notNull(),
  memberId: uuid("member_id").notNull(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.segmentId, t.memberId] }),
  index("segment_members_member_idx").on(t.programId, t.memberId),
]);

export type CampaignRunProgress = { startedAt: string; finishedAt: string | null; done: number; total: number; awarded: number; control: number; skipped: number };

export const campaignKind = pgEnum("campaign_kind", ["trigger", "bonus", "grant", "offer"]);
export const campaignStatus = pgEnum("campaign_status", ["draft", "scheduled", "running", "paused", "ended"]);

export const campaigns = pgTable("campaigns", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  name: text("name").notNull(),
  kind: campaignKind("kind").notNull(),
  status: campaignStatus("status").notNull().default("draft"),
  segmentId: uuid("segment_id"),
  /** Trigger, effect, channel and templates, validated by lib/validation. */
  definition: jsonb("definition").notNull(),
  controlShare: integer("control_share_pct").notNull().default(0),
  budgetPoints: integer("budget_points"),
  budgetMoneyMinor: bigint("budget_money_minor", { mode: "number" }),
  /** Most awards (offers' coupons, grants, trigger awards) the campaign may give; null: no count cap. */
  budgetCount: integer("budget_count"),
  spentPoints: integer("spent_points").notNull().default(0),
  spentMoneyMinor: bigint("spent_money_minor", { mode: "number" }).notNull().default(0),
  /** Awards given to treatment members so far (checked against budget_count under the campaign's row lock). */
  spentCount: integer("spent_count").notNull().default(0),
  startsAt: tstz("starts_at"),
  endsAt: tstz("ends_at"),
  /** The latest sweep over the audience (grants and offers): how far it got, for the console's progress bar. */
  runProgress: jsonb("run_progress").$type<CampaignRunProgress>(),
  /** Most awards one member may receive from this campaign over its life (null: once per trigger period). */
  frequencyCap: integer("frequency_cap"),
  createdBy: uuid("created_by"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.programId, t.id] })]);

export const campaignGroup = pgEnum("campaign_group", ["treatment", "control"]);

/** Who a campaign reached and in which arm; the arm is a hash of (campaign, member), so it never changes. */
export const campaignMembers = pgTable("campaign_members", {
  programId: uuid("program_id").notNull(),
  campaignId: uuid("campaign_id").notNull(),
  memberId: uuid("member_id").notNull(),
  group: campaignGroup("group").notNull(),
  assignedAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.campaignId, t.memberId] }),
  index("campaign_members_member_idx").on(t.programId, t.memberId),
]);

/** One row per member and period a campaign touched: the idempotency of triggers. */
export const campaignAwards = pgTable("campaign_awards", {
  programId: uuid("program_id").notNull(),
  campaignId: uuid("campaign_id").notNull(),
  memberId: uuid("member_id").notNull(),
  periodKey: text("period_key").notNull(),
  isControl: boolean("is_control").notNull().default(false),
  points: integer("points").notNull().default(0),
  entryId: bigint("entry_id", { mode: "number" }),
  couponId: uuid("coupon_id"),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.campaignId, t.memberId, t.periodKey] }),
  index("campaign_awards_member_idx").on(t.programId, t.memberId),
]);

/** The member's portal inbox. */
export const memberMessages = pgTable("member_messages", {
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
  campaignId: uuid("campaign_id"),
  /** Offers: the coupon the message carries, and its reward. */
  couponId: uuid("coupon_id"),
  rewardId: uuid("reward_id"),
  title: jsonb("title").$type<LocalizedText>().notNull(),
  body: jsonb("body").$type<LocalizedText>().notNull(),
  readAt: tstz("read_at"),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.memberId, t.id] }),
  // The inbox lists a member's messages newest first; the badge counts the unread ones.
  index("member_messages_member_created_idx").on(t.programId, t.memberId, t.createdAt),
]);
