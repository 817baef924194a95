import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { programs } from "./tenancy";

export const webhookEndpointStatus = pgEnum("webhook_endpoint_status", ["active", "disabled"]);

export const webhookEndpoints = pgTable("webhook_endpoints", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  url: text("url").notNull(),
  /** HMAC signing needs the secret itself; it is shown once and never returned again. */
  secret: text("secret").notNull(),
  events: text("events").array().notNull(),
  status: webhookEndpointStatus("status").notNull().default("active"),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  disabledReason: text("disabled_reason"),
  createdAt: createdAt(),
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
  index("domain_events_undispatched_idx").on(t.createdAt).where(sqlUndispatched()),
]);

export const webhookDeliveries = pgTable("webhook_deliveries", {
  programId: uuid("program_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
  endpointId: uuid("endpoint_id").notNull(),
  eventId: bigint("event_id", { mode: "number" }).notNull(),
  attempt: integer("attempt").notNull(),
  responseStatus: integer("response_status"),
  error: text("error"),
  durationMs: integer("duration_ms"),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("webhook_deliveries_endpoint_idx").on(t.programId, t.endpointId, t.createdAt),
]);

import { sql } from "drizzle-orm";
function sqlUndispatched() {
  return sql`dispatched_at is null`;
}
