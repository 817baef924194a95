import { sql } from "drizzle-orm";
import { jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, integer, index } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";

/**
 * Organizations and programs are the tenancy roots. Organizations are small
 * reference data (Citus: reference tables); every other tenant row carries
 * `program_id` as the first column of its key so it can be distributed.
 */
export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull(),
  name: text("name").notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("organizations_slug_key").on(t.slug)]);

import type { LocalizedText } from "../../lib/localized-text";

export type { LocalizedText };

/** Program-wide settings that are not part of a plan version. */
export type ProgramSettings = {
  /** Money value of one point in minor units × 1,000 (e.g. 1,000 = one cent = USD 0.01 per point). Edited in Settings → Program. */
  pointValueMilli?: number;
  /** What happens when a refund reverses points already spent. */
  clawbackPolicy?: "negative_forbidden_forfeit" | "strict";
  /** Referral rewards (lib/domain/referrals/referral-rules.ts fills in the defaults). Edited in Settings → Program. */
  referrals?: { referrerPoints?: number; refereePoints?: number; limitPerReferrer?: number | null; minPurchaseMinor?: number };
  /** The opt-in challenges leaderboard in the portal (off unless set). Edited in the console's Challenges page. */
  leaderboard?: { enabled: boolean };
};

export const programs = pgTable("programs", {
  id: uuid("id").primaryKey().defaultRandom(),
  organizationId: uuid("organization_id").notNull().references(() => organizations.id),
  slug: text("slug").notNull(),
  name: text("name").notNull(),
  /** ISO 4217 code; amounts are stored in its minor units. */
  currency: text("currency").notNull(),
  /** BCP 47 tag that formats numbers, dates and money (es-MX, en-US…). */
  locale: text("locale").notNull(),
  timeZone: text("time_zone").notNull(),
  pointName: jsonb("point_name").$type<LocalizedText>().notNull().default(sql`'{"es":"puntos","en":"points"}'::jsonb`),
  settings: jsonb("settings").$type<ProgramSettings>().notNull().default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("programs_slug_key").on(t.slug),
  index("programs_organization_idx").on(t.organizationId),
]);

export const stores = pgTable("stores", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  code: text("code").notNull(),
  name: text("name").notNull(),
  city: text("city"),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("stores_program_code_key").on(t.programId, t.code),
]);
