import { integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tstz } from "./columns";
import { users } from "./identity";

/**
 * The tables Auth.js's Drizzle adapter expects. Lazo signs people in with its
 * own credentials providers and JWT sessions, so these stay mostly empty; they
 * are here so an OAuth provider (e.g. a company's Google login for the console)
 * can be added without a schema change.
 */
export const authAccounts = pgTable("auth_accounts", {
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  type: text("type").notNull(),
  provider: text("provider").notNull(),
  providerAccountId: text("provider_account_id").notNull(),
  refresh_token: text("refresh_token"),
  access_token: text("access_token"),
  expires_at: integer("expires_at"),
  token_type: text("token_type"),
  scope: text("scope"),
  id_token: text("id_token"),
  session_state: text("session_state"),
}, (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })]);

export const authSessions = pgTable("auth_sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  expires: tstz("expires").notNull(),
});

export const authVerificationTokens = pgTable("auth_verification_tokens", {
  identifier: text("identifier").notNull(),
  token: text("token").notNull(),
  expires: tstz("expires").notNull(),
}, (t) => [primaryKey({ columns: [t.identifier, t.token] })]);

/** Password reset and invitation links: the token is stored hashed, used once, and expires. */
export const passwordTokens = pgTable("password_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  purpose: text("purpose").$type<"reset" | "invite">().notNull(),
  expiresAt: tstz("expires_at").notNull(),
  usedAt: tstz("used_at"),
  createdAt: tstz("created_at").notNull().defaultNow(),
});

/**
 * Sessions ended by signing out, kept until they would have expired anyway.
 * Sessions are stateless JWTs refreshed on every response, so a request still
 * in flight while someone signs out would hand the cookie back; the session id
 * listed here is refused whatever cookie carries it.
 */
export const endedSessions = pgTable("ended_sessions", {
  sid: text("sid").primaryKey(),
  expiresAt: tstz("expires_at").notNull(),
});
