import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz, updatedAt } from "./columns";
import { programs } from "./tenancy";

export const webhookEndpointStatus = pgEnum("webhook_endpoint_status", ["active", "disabled"]);
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["pending", "succeeded", "failed"]);

export const webhookEndpoints = pgTable("webhook_endpoints", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  url: text("url").notNull(),
  description: text("description"),
  /**
   * HMAC signing needs the secret itself, so it cannot be hashed: it is stored
   * encrypted (AES-256-GCM, key derived from AUTH_SECRET), shown once, never returned again.
   */
  secretEncrypted: text("secret_encrypted").notNull(),
  /** The first characters of the secret, to tell secrets apart after a rotation. */
  secretHint: text("secret_hint").notNull(),
  events: text("events").array().notNull(),
  status: webhookEndpointStatus("status").notNull().default("active"),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  /** Start of the current run of failures (null while healthy): 24 h of it disables the endpoint. */
  failingSince: tstz("failing_since"),
  disabledReason: text("disabled_reason"),
  disabledAt: tstz("disabled_at"),
  createdBy: uuid("created_by"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.programId, t.id] })]);

/** Transactional outbox: written with the change it announces, delivered by the job queue. */
export const domainEvents = pgTable("domain_events", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
  type: text("type").notNull(),
  payload: jsonb("payload").notNull(),
  createdAt: createdAt(),
  dispatchedAt: tstz("dispatched_at"),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("domain_events_undispatched_idx").on(t.createdAt).where(sql`dispatched_at is null`),
]);

/**
 * One delivery of one event to one endpoint (a replay is a new delivery with the
 * next `replay` number). `next_attempt_at` drives the retry loop; `lease_token`
 * and `leased_until` let one worker of many own it while the request is in flight.
 */
export const webhookDeliveries = pgTable("webhook_deliveries", {
  programId: uuid("program_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
  endpointId: uuid("endpoint_id").notNull(),
  eventId: bigint("event_id", { mode: "number" }).notNull(),
  replay: integer("replay").notNull().default(0),
  status: webhookDeliveryStatus("status").notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: tstz("next_attempt_at"),
  leaseToken: uuid("lease_token"),
  leasedUntil: tstz("leased_until"),
  lastStatus: integer("last_status"),
  lastError: text("last_error"),
  createdAt: createdAt(),
  completedAt: tstz("completed_at"),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  uniqueIndex("webhook_deliveries_once_key").on(t.programId, t.endpointId, t.eventId, t.replay),
  index("webhook_deliveries_endpoint_idx").on(t.programId, t.endpointId, t.createdAt),
  index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
]);

/** The delivery log: every HTTP attempt with its outcome. */
export const webhookAttempts = pgTable("webhook_attempts", {
  programId: uuid("program_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
  deliveryId: uuid("delivery_id").notNull(),
  endpointId: uuid("endpoint_id").notNull(),
  attempt: integer("attempt").notNull(),
  responseStatus: integer("response_status"),
  error: text("error"),
  durationMs: integer("duration_ms").notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("webhook_attempts_delivery_idx").on(t.programId, t.deliveryId, t.attempt),
]);

/** Lots already announced by `points.expiring`, so the daily job announces each lot once. */
export const expiryNotices = pgTable("expiry_notices", {
  programId: uuid("program_id").notNull(),
  lotId: uuid("lot_id").notNull(),
  eventId: bigint("event_id", { mode: "number" }),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.programId, t.lotId] })]);
