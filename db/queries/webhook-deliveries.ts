import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { selectRows } from "../rows";
import { domainEvents, webhookAttempts, webhookDeliveries, webhookEndpoints } from "../schema";
import type { Executor } from "../types";

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

/**
 * Fans a batch of undispatched outbox events out to the active endpoints
 * subscribed to their type — one delivery per endpoint × event — and marks
 * them dispatched, in one statement. Events are claimed with
 * FOR UPDATE SKIP LOCKED, so concurrent runners take different batches, and the
 * unique (endpoint, event, replay) key makes a repeated fan-out a no-op.
 */
export async function fanOutEvents(tx: Executor, p: { now: Date; limit: number }): Promise<{ events: number; deliveries: number }> {
  const now = p.now.toISOString();
  const [row] = await selectRows<{ events: number; deliveries: number }>(tx, sql`
    with ev as (
      select program_id, id, type from ${domainEvents}
       where dispatched_at is null
       order by created_at, id
       limit ${p.limit}
       for update skip locked),
    ins as (
      insert into ${webhookDeliveries} (program_id, endpoint_id, event_id, next_attempt_at, created_at)
      select ev.program_id, e.id, ev.id, ${now}::timestamptz, ${now}::timestamptz
        from ev join ${webhookEndpoints} e on e.program_id = ev.program_id and e.status = 'active' and ev.type = any(e.events)
      on conflict do nothing
      returning 1),
    upd as (
      update ${domainEvents} d set dispatched_at = ${now}::timestamptz
        from ev where d.program_id = ev.program_id and d.id = ev.id
      returning 1)
    select (select count(*) from upd)::int as events, (select count(*) from ins)::int as deliveries`);
  return { events: Number(row?.events ?? 0), deliveries: Number(row?.deliveries ?? 0) };
}

export type ClaimedDelivery = {
  programId: string;
  deliveryId: string;
  endpointId: string;
  eventId: number;
  attempts: number;
  createdAt: Date;
  url: string;
  secretEncrypted: string;
  eventType: string;
  eventPayload: unknown;
  eventCreatedAt: Date;
};

/**
 * Leases due deliveries of active endpoints to this worker: the rows are
 * picked with FOR UPDATE SKIP LOCKED and stamped with a lease token and an
 * expiry, then the transaction ends — no lock is held while the HTTP request
 * runs. A worker that dies loses its lease at `leasedUntil`, and another retries.
 */
export async function claimDueDeliveries(tx: Executor, p: { now: Date; leaseToken: string; leasedUntil: Date; limit: number }): Promise<ClaimedDelivery[]> {
  const now = p.now.toISOString();
  const rows = await selectRows<Record<string, unknown>>(tx, sql`
    with due as (
      select d.program_id, d.id from ${webhookDeliveries} d
        join ${webhookEndpoints} e on e.program_id = d.program_id and e.id = d.endpoint_id and e.status = 'active'
       where d.status = 'pending' and d.next_attempt_at <= ${now}::timestamptz
         and (d.leased_until is null or d.leased_until < ${now}::timestamptz)
       order by d.next_attempt_at
       limit ${p.limit}
       for update of d skip locked),
    leased as (
      update ${webhookDeliveries} d set lease_token = ${p.leaseToken}, leased_until = ${p.leasedUntil.toISOString()}::timestamptz
        from due where d.program_id = due.program_id and d.id = due.id
      returning d.program_id, d.id, d.endpoint_id, d.event_id, d.attempts, d.created_at)
    select l.program_id, l.id, l.endpoint_id, l.event_id, l.attempts, l.created_at,
           e.url, e.secret_encrypted, ev.type, ev.payload, ev.created_at as event_created_at
      from leased l
      join ${webhookEndpoints} e on e.program_id = l.program_id and e.id = l.endpoint_id
      join ${domainEvents} ev on ev.program_id = l.program_id and ev.id = l.event_id`);
  return rows.map((r) => ({
    programId: String(r.program_id),
    deliveryId: String(r.id),
    endpointId: String(r.endpoint_id),
    eventId: Number(r.event_id),
    attempts: Number(r.attempts),
    createdAt: new Date(r.created_at as string),
    url: String(r.url),
    secretEncrypted: String(r.secret_encrypted),
    eventType: String(r.type),
    eventPayload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload,
    eventCreatedAt: new Date(r.event_created_at as string),
  }));
}

export async function insertWebhookAttempt(db: Executor, values: typeof webhookAttempts.$inferInsert): Promise<void> {
  await db.insert(webhookAttempts).values(values);
}

/** Settles a leased delivery; does nothing (returns false) when the lease was lost to another worker. */
export async function settleDelivery(
  db: Executor,
  p: { programId: string; deliveryId: string; leaseToken: string },
  values: Pick<WebhookDeliveryRow, "status" | "attempts" | "nextAttemptAt" | "lastStatus" | "lastError" | "completedAt">,
): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ ...values, leaseToken: null, leasedUntil: null })
    .where(and(eq(webhookDeliveries.programId, p.programId), eq(webhookDeliveries.id, p.deliveryId), eq(webhookDeliveries.leaseToken, p.leaseToken)))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

export async function getWebhookDelivery(db: Executor, p: { programId: string; deliveryId: string }): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.programId, p.programId), eq(webhookDeliveries.id, p.deliveryId)));
  return row;
}

/** A new delivery of an existing event to one endpoint (a replay, or a test event), due now. */
export async function insertDelivery(db: Executor, p: { programId: string; endpointId: string; eventId: number; now: Date }): Promise<WebhookDeliveryRow> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      programId: p.programId,
      endpointId: p.endpointId,
      eventId: p.eventId,
      replay: sql`(select coalesce(max(replay) + 1, 0) from ${webhookDeliveries} where program_id = ${p.programId} and endpoint_id = ${p.endpointId} and event_id = ${p.eventId})`,
      nextAttemptAt: p.now,
      createdAt: p.now,
    })
    .returning();
  return row!;
}

export type DeliveryLogRow = WebhookDeliveryRow & { eventType: string; eventCreatedAt: Date };

export async function listEndpointDeliveries(db: Executor, p: { programId: string; endpointId: string; limit: number }): Promise<DeliveryLogRow[]> {
  return db
    .select({ delivery: webhookDeliveries, eventType: domainEvents.type, eventCreatedAt: domainEvents.createdAt })
    .from(webhookDeliveries)
    .innerJoin(domainEvents, and(eq(domainEvents.programId, webhookDeliveries.programId), eq(domainEvents.id, webhookDeliveries.eventId)))
    .where(and(eq(webhookDeliveries.programId, p.programId), eq(webhookDeliveries.endpointId, p.endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.replay))
    .limit(p.limit)
    .then((rows) => rows.map((r) => ({ ...r.delivery, eventType: r.eventType, eventCreatedAt: r.eventCreatedAt })));
}

export async function listDeliveryAttempts(db: Executor, p: { programId: string; deliveryIds: string[] }): Promise<WebhookAttemptRow[]> {
  if (!p.deliveryIds.length) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.programId, p.programId), inArray(webhookAttempts.deliveryId, p.deliveryIds)))
    .orderBy(asc(webhookAttempts.attempt));
}

/** Records an event that only one endpoint receives (the console's test event), already dispatched. */
export async function insertDirectEvent(db: Executor, p: { programId: string; type: string; payload: unknown; now: Date }): Promise<number> {
  const [row] = await db.insert(domainEvents).values({ programId: p.programId, type: p.type, payload: p.payload, createdAt: p.now, dispatchedAt: p.now }).returning({ id: domainEvents.id });
  return row!.id;
}
