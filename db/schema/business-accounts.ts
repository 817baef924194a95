import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz, updatedAt } from "./columns";
import { members } from "./members";
import { programs } from "./tenancy";

/**
 * What a user of a business account may do, each level including the ones before:
 * earn (their purchases earn into the pool), redeem (spend the pool, within their
 * limit), manage (also add and remove users, set permissions and limits, see everyone's activity).
 */
export const businessUserRole = pgEnum("business_user_role", ["earn", "redeem", "manage"]);

/**
 * A company whose employees (members) earn into one shared pool: the pool is a
 * point account of the ledger (point_accounts.business_account_id = id), so
 * every balance change stays one ledger transaction. Tiers qualify on the
 * account's spend (business_account_purchases), and the tier lives here.
 */
export const businessAccounts = pgTable("business_accounts", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  name: text("name").notNull(),
  /** The integrating system's id for the company (CRM, ERP); unique per program. */
  externalId: text("external_id"),
  /** The pool's point account. */
  pointAccountId: uuid("point_account_id").notNull(),
  tierKey: text("tier_key"),
  /** When the account reached its tier (upgrade or review): a review spares tiers reached within its grace. */
  tierReachedAt: tstz("tier_reached_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("business_accounts_external_key").on(t.programId, t.externalId).where(sql`${t.externalId} is not null`),
  uniqueIndex("business_accounts_point_account_key").on(t.programId, t.pointAccountId),
]);

/** The members who buy for an account; a member belongs to at most one account per program. */
export const businessAccountUsers = pgTable("business_account_users", {
  programId: uuid("program_id").notNull(),
  accountId: uuid("account_id").notNull(),
  memberId: uuid("member_id").notNull(),
  role: businessUserRole("role").notNull().default("earn"),
  /** Points this user may redeem per calendar month (program's time zone); null = no limit. */
  monthlyRedemptionLimit: integer("monthly_redemption_limit"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.accountId, t.memberId] }),
  uniqueIndex("business_account_users_member_key").on(t.programId, t.memberId),
  foreignKey({ columns: [t.programId, t.accountId], foreignColumns: [businessAccounts.programId, businessAccounts.id] }),
  foreignKey({ columns: [t.programId, t.memberId], foreignColumns: [members.programId, members.id] }),
  check("business_account_users_limit_non_negative", sql`${t.monthlyRedemptionLimit} is null or ${t.monthlyRedemptionLimit} >= 0`),
]);

/**
 * Which purchases were made for an account (by which user): the account's spend
 * for its tier, and its activity, even after the user left the account.
 */
export const businessAccountPurchases = pgTable("business_account_purchases", {
  programId: uuid("program_id").notNull(),
  purchaseId: uuid("purchase_id").notNull(),
  accountId: uuid("account_id").notNull(),
  memberId: uuid("member_id").notNull(),
  occurredAt: tstz("occurred_at").notNull(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.purchaseId] }),
  index("business_account_purchases_account_idx").on(t.programId, t.accountId, t.occurredAt),
  foreignKey({ columns: [t.programId, t.accountId], foreignColumns: [businessAccounts.programId, businessAccounts.id] }),
]);
