import { bigint, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { members } from "./members";
import { programs } from "./tenancy";

/**
 * Engagement actions an integration reports (a quiz completed, a survey
 * answered…), one row per event id for ever: the unique (program, event_id)
 * key is what makes `POST /api/v1/events` idempotent beyond the 8 days of the
 * idempotency record. `result` is the answer the first call gave, for replays.
 */
export const customEvents = pgTable("custom_events", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  eventId: text("event_id").notNull(),
  memberId: uuid("member_id").notNull(),
  /** The point account credited (the member's, or their business account's pool). */
  pointAccountId: uuid("point_account_id").notNull(),
  type: text("type").notNull(),
  properties: jsonb("properties").notNull().default({}),
  occurredAt: tstz("occurred_at").notNull(),
  points: integer("points").notNull().default(0),
  entryId: bigint("entry_id", { mode: "number" }),
  result: jsonb("result").notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("custom_events_event_key").on(t.programId, t.eventId),
  index("custom_events_member_idx").on(t.programId, t.memberId, t.occurredAt),
  foreignKey({ columns: [t.programId, t.memberId], foreignColumns: [members.programId, members.id] }),
]);

/**
 * The once-only guard of event rules: a rule credits a member once per value of
 * its `oncePer` property (once per quiz id). Written in the crediting
 * transaction; the primary key refuses a second credit even in a race.
 */
export const eventRuleCredits = pgTable("event_rule_credits", {
  programId: uuid("program_id").notNull(),
  ruleId: text("rule_id").notNull(),
  memberId: uuid("member_id").notNull(),
  onceKey: text("once_key").notNull(),
  customEventId: uuid("custom_event_id").notNull(),
  points: integer("points").notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.programId, t.ruleId, t.memberId, t.onceKey] })]);
