import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, tstz } from "./columns";
import { programs } from "./tenancy";

export const planVersionStatus = pgEnum("plan_version_status", ["draft", "published", "retired"]);

/**
 * A plan version holds the whole earning plan as a validated document
 * (base rate, rules, tiers, expiry policy): published versions are immutable,
 * and a purchase is evaluated against the version live at its time.
 */
export const planVersions = pgTable("plan_versions", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  version: integer("version").notNull(),
  status: planVersionStatus("status").notNull().default("draft"),
  name: text("name").notNull(),
  definition: jsonb("definition").notNull(),
  /** Limits a published version to chosen stores or a segment before full rollout. */
  pilot: jsonb("pilot"),
  createdBy: uuid("created_by"),
  createdAt: createdAt(),
  publishedAt: tstz("published_at"),
  publishedBy: uuid("published_by"),
  /** Live from this instant until the next published version's effective_from. */
  effectiveFrom: tstz("effective_from"),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("plan_versions_program_version_key").on(t.programId, t.version),
  index("plan_versions_live_idx").on(t.programId, t.effectiveFrom).where(sql`${t.status} = 'published'`),
  // One draft per program: the plan designer edits it until it is published or discarded.
  uniqueIndex("plan_versions_one_draft_key").on(t.programId).where(sql`${t.status} = 'draft'`),
]);

/** Points issued per rule, so a program-wide budget per rule holds. */
export const ruleBudgetUsage = pgTable("rule_budget_usage", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  ruleId: text("rule_id").notNull(),
  pointsIssued: integer("points_issued").notNull().default(0),
}, (t) => [primaryKey({ columns: [t.programId, t.ruleId] })]);

/** Points each rule gave each member per local day: the basis of per-member daily and monthly caps. */
export const memberRuleUsage = pgTable("member_rule_usage", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  memberId: uuid("member_id").notNull(),
  ruleId: text("rule_id").notNull(),
  day: date("day", { mode: "string" }).notNull(),
  points: integer("points").notNull().default(0),
}, (t) => [primaryKey({ columns: [t.programId, t.memberId, t.ruleId, t.day] })]);
