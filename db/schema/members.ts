import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz, updatedAt } from "./columns";
import { programs } from "./tenancy";

export const memberStatus = pgEnum("member_status", ["active", "suspended", "anonymized"]);
export const enrolmentChannel = pgEnum("enrolment_channel", ["pos", "ecommerce", "app", "portal", "import", "api", "console"]);

export const members = pgTable("members", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  /** The integrating system's id for this member (CRM, e-commerce). */
  externalId: text("external_id"),
  /** Printed on the card and encoded in the barcode; unique per program. */
  cardNumber: text("card_number").notNull(),
  email: text("email"),
  phone: text("phone"),
  name: text("name"),
  birthday: date("birthday", { mode: "string" }),
  city: text("city"),
  locale: text("locale"),
  status: memberStatus("status").notNull().default("active"),
  enrolmentChannel: enrolmentChannel("enrolment_channel").notNull().default("portal"),
  enrolledAt: tstz("enrolled_at").notNull().defaultNow(),
  consentTermsAt: tstz("consent_terms_at"),
  consentMarketing: boolean("consent_marketing").notNull().default(false),
  consentPersonalization: boolean("consent_personalization").notNull().default(false),
  /**
   * Key of the member's current tier in the live plan; null before the first qualification.
   * Indexed with id and status by members_program_tier_idx, made in SQL (migration members_tier_index:
   * Drizzle cannot declare INCLUDE columns), so the dashboard counts tiers from the index alone.
   */
  tierKey: text("tier_key"),
  tierOverrideUntil: tstz("tier_override_until"),
  referralCode: text("referral_code"),
  referredBy: uuid("referred_by"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("members_program_external_key").on(t.programId, t.externalId).where(sql`${t.externalId} is not null`),
  uniqueIndex("members_program_card_key").on(t.programId, t.cardNumber),
  uniqueIndex("members_program_referral_key").on(t.programId, t.referralCode).where(sql`${t.referralCode} is not null`),
  index("members_program_email_idx").on(t.programId, sql`lower(${t.email})`),
  index("members_program_phone_idx").on(t.programId, t.phone),
]);

/**
 * The distinct words of member names, per program: the desk's fuzzy name search
 * matches what the cashier typed against these words (a few thousand even at
 * millions of members) and then takes the members holding the matched words
 * from a GIN index, instead of ranking every member's name by trigram distance.
 * Kept by triggers on members (migration 0016); a word no longer used stays,
 * and finds nobody.
 */
export const memberNameWords = pgTable("member_name_words", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  word: text("word").notNull(),
}, (t) => [primaryKey({ columns: [t.programId, t.word] })]);

export const memberTierHistory = pgTable("member_tier_history", {
  programId: uuid("program_id").notNull(),
  memberId: uuid("member_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
  fromTier: text("from_tier"),
  toTier: text("to_tier"),
  reason: text("reason").notNull(),
  actorId: uuid("actor_id"),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.memberId, t.id] }),
  foreignKey({ columns: [t.programId, t.memberId], foreignColumns: [members.programId, members.id] }),
]);
