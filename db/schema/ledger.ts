import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz, updatedAt } from "./columns";
import { programs } from "./tenancy";

/**
 * The points ledger. Invariants (checked by `ledger verify`):
 *  - account.available = Σ entry.available_delta = Σ remaining of its available lots
 *  - account.pending   = Σ entry.pending_delta   = Σ remaining of its pending lots
 *  - account.held      = Σ entry.held_delta      = Σ points of its active holds
 *  - lot.remaining     = lot.amount + Σ allocation.points, and 0 ≤ remaining ≤ amount
 *  - nothing is ever negative; entries and allocations are append-only.
 */
export const ledgerEntryKind = pgEnum("ledger_entry_kind", [
  "earn", "release", "redeem", "adjust", "reverse", "expire", "hold", "capture", "void",
]);
export const lotState = pgEnum("lot_state", ["pending", "available"]);
export const holdStatus = pgEnum("hold_status", ["active", "captured", "voided"]);
export const ledgerChannel = pgEnum("ledger_channel", ["pos", "ecommerce", "app", "portal", "console", "api", "import", "system"]);
export const actorType = pgEnum("actor_type", ["system", "user", "member", "api_key"]);

export const pointAccounts = pgTable("point_accounts", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  /** Owner: a member, or (B2B) a business account whose users share the pool. */
  memberId: uuid("member_id"),
  businessAccountId: uuid("business_account_id"),
  available: integer("available").notNull().default(0),
  pending: integer("pending").notNull().default(0),
  held: integer("held").notNull().default(0),
  lifetimeEarned: integer("lifetime_earned").notNull().default(0),
  lifetimeRedeemed: integer("lifetime_redeemed").notNull().default(0),
  lifetimeExpired: integer("lifetime_expired").notNull().default(0),
  lastActivityAt: tstz("last_activity_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("point_accounts_member_key").on(t.programId, t.memberId).where(sql`${t.memberId} is not null`),
  check("point_accounts_non_negative", sql`${t.available} >= 0 and ${t.pending} >= 0 and ${t.held} >= 0 and ${t.lifetimeEarned} >= 0 and ${t.lifetimeRedeemed} >= 0 and ${t.lifetimeExpired} >= 0`),
]);

export const ledgerEntries = pgTable("ledger_entries", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
  accountId: uuid("account_id").notNull(),
  memberId: uuid("member_id"),
  kind: ledgerEntryKind("kind").notNull(),
  /** Magnitude of the operation as asked (always > 0). */
  points: integer("points").notNull(),
  availableDelta: integer("available_delta").notNull().default(0),
  pendingDelta: integer("pending_delta").notNull().default(0),
  heldDelta: integer("held_delta").notNull().default(0),
  reason: text("reason"),
  channel: ledgerChannel("channel").notNull().default("system"),
  storeId: uuid("store_id"),
  orderRef: text("order_ref"),
  purchaseId: uuid("purchase_id"),
  reversesEntryId: bigint("reverses_entry_id", { mode: "number" }),
  holdId: uuid("hold_id"),
  lotId: uuid("lot_id"),
  actorType: actorType("actor_type").notNull().default("system"),
  actorId: text("actor_id"),
  idempotencyKey: text("idempotency_key"),
  /** Why these points: the rules that fired, the expiry that ran, the entry reversed… */
  explanation: jsonb("explanation"),
  occurredAt: tstz("occurred_at").notNull().defaultNow(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("ledger_entries_account_idx").on(t.programId, t.accountId, t.id),
  index("ledger_entries_member_idx").on(t.programId, t.memberId, t.id),
  index("ledger_entries_reverses_idx").on(t.programId, t.reversesEntryId).where(sql`${t.reversesEntryId} is not null`),
  index("ledger_entries_program_time_idx").on(t.programId, t.occurredAt),
  check("ledger_entries_points_positive", sql`${t.points} > 0`),
]);

export const pointLots = pgTable("point_lots", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  accountId: uuid("account_id").notNull(),
  sourceEntryId: bigint("source_entry_id", { mode: "number" }).notNull(),
  amount: integer("amount").notNull(),
  remaining: integer("remaining").notNull(),
  state: lotState("state").notNull(),
  pendingUntil: tstz("pending_until"),
  expiresAt: tstz("expires_at"),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("point_lots_account_idx").on(t.programId, t.accountId, t.expiresAt).where(sql`${t.remaining} > 0`),
  index("point_lots_expiry_idx").on(t.programId, t.expiresAt).where(sql`${t.remaining} > 0`),
  index("point_lots_release_idx").on(t.programId, t.pendingUntil).where(sql`${t.state} = 'pending' and ${t.remaining} > 0`),
  check("point_lots_bounds", sql`${t.amount} > 0 and ${t.remaining} >= 0 and ${t.remaining} <= ${t.amount}`),
]);

/** Which lots a debit drew from (negative) or a restore gave back to (positive). */
export const lotAllocations = pgTable("lot_allocations", {
  programId: uuid("program_id").notNull(),
  entryId: bigint("entry_id", { mode: "number" }).notNull(),
  lotId: uuid("lot_id").notNull(),
  points: integer("points").notNull(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.entryId, t.lotId] }),
  index("lot_allocations_lot_idx").on(t.programId, t.lotId),
  check("lot_allocations_nonzero", sql`${t.points} <> 0`),
]);

export const pointHolds = pgTable("point_holds", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  accountId: uuid("account_id").notNull(),
  memberId: uuid("member_id"),
  points: integer("points").notNull(),
  status: holdStatus("status").notNull().default("active"),
  holdEntryId: bigint("hold_entry_id", { mode: "number" }).notNull(),
  capturedPoints: integer("captured_points"),
  orderRef: text("order_ref"),
  expiresAt: tstz("expires_at"),
  createdAt: createdAt(),
  settledAt: tstz("settled_at"),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("point_holds_account_idx").on(t.programId, t.accountId).where(sql`${t.status} = 'active'`),
  check("point_holds_points_positive", sql`${t.points} > 0`),
]);

/**
 * Idempotency keys for every retryable write (ledger operations and API POSTs).
 * A replay returns the stored response; the same key with another request hash is a conflict.
 */
export const idempotencyKeys = pgTable("idempotency_keys", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  key: text("key").notNull(),
  requestHash: text("request_hash").notNull(),
  statusCode: integer("status_code"),
  response: jsonb("response"),
  createdAt: createdAt(),
  expiresAt: tstz("expires_at").notNull(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.key] }),
  index("idempotency_keys_expiry_idx").on(t.expiresAt),
]);
