import { sql } from "drizzle-orm";
import { bigint, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { organizations, programs } from "./tenancy";

export const role = pgEnum("role", ["owner", "admin", "marketer", "analyst", "staff"]);

/** Console and staff users (members sign in with one-time codes, see members). */
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  name: text("name"),
  /** Auth.js adapter columns. */
  emailVerified: tstz("email_verified"),
  image: text("image"),
  /** argon2id hash; null until an invited user sets a password. */
  passwordHash: text("password_hash"),
  /** Bumped by "sign out everywhere": sessions carry the version they were issued with. */
  sessionVersion: integer("session_version").notNull().default(1),
  locale: text("locale"),
  createdAt: createdAt(),
  disabledAt: tstz("disabled_at"),
}, (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)]);

/** A user's role in an organization, optionally narrowed to one program and some stores. */
export const memberships = pgTable("memberships", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull().references(() => users.id),
  organizationId: uuid("organization_id").notNull().references(() => organizations.id),
  programId: uuid("program_id").references(() => programs.id),
  role: role("role").notNull(),
  storeIds: uuid("store_ids").array().notNull().default(sql`'{}'::uuid[]`),
  /** Extra permissions granted on top of the role (e.g. points:adjust for a staff lead). */
  extraPermissions: text("extra_permissions").array().notNull().default(sql`'{}'::text[]`),
  createdAt: createdAt(),
}, (t) => [index("memberships_user_idx").on(t.userId)]);

export const apiKeys = pgTable("api_keys", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  name: text("name").notNull(),
  /** First characters of the key, shown in the console to tell keys apart. */
  prefix: text("prefix").notNull(),
  /** SHA-256 of the secret: keys are high-entropy, so a fast hash is enough and lookups stay O(1). */
  secretHash: text("secret_hash").notNull(),
  scopes: text("scopes").array().notNull(),
  /** Requests per minute for this key; null = LAZO_API_RATE_LIMIT (default 1,200). */
  rateLimitPerMinute: integer("rate_limit_per_minute"),
  createdBy: uuid("created_by"),
  createdAt: createdAt(),
  lastUsedAt: tstz("last_used_at"),
  revokedAt: tstz("revoked_at"),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
]);

/** Member sign-in codes: stored hashed, single-use, expiring, attempt-limited. */
export const oneTimeCodes = pgTable("one_time_codes", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  email: text("email").notNull(),
  codeHash: text("code_hash").notNull(),
  attempts: integer("attempts").notNull().default(0),
  expiresAt: tstz("expires_at").notNull(),
  usedAt: tstz("used_at"),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("one_time_codes_email_idx").on(t.programId, t.email),
]);

/** Sliding-window counters for login, code and coupon attempts (per account and per IP). */
export const rateLimitHits = pgTable("rate_limit_hits", {
  bucket: text("bucket").notNull(),
  id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
  at: tstz("at").notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.bucket, t.id] })]);

/**
 * Fixed one-minute windows of API requests per key: one upsert per request
 * (`hits + 1 … RETURNING hits`), shared by every app instance; old windows are
 * deleted by the hourly cleanup job.
 */
export const apiRateWindows = pgTable("api_rate_windows", {
  keyId: uuid("key_id").notNull(),
  windowStart: tstz("window_start").notNull(),
  hits: integer("hits").notNull().default(1),
}, (t) => [primaryKey({ columns: [t.keyId, t.windowStart] })]);

/** Development outbox: mail lands here when SMTP_URL is not set. */
export const emailOutbox = pgTable("email_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  programId: uuid("program_id"),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html"),
  createdAt: createdAt(),
  sentAt: tstz("sent_at"),
}, (t) => [index("email_outbox_to_idx").on(sql`lower(${t.to})`, t.createdAt)]);
