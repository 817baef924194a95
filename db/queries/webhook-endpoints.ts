import { and, desc, eq, sql } from "drizzle-orm";
import { selectRows } from "../rows";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../schema";
import type { Executor } from "../types";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

export async function insertWebhookEndpoint(db: Executor, values: typeof webhookEndpoints.$inferInsert): Promise<WebhookEndpointRow> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  return row!;
}

export async function getWebhookEndpoint(db: Executor, p: { programId: string; endpointId: string; lock?: boolean }): Promise<WebhookEndpointRow | undefined> {
  const query = db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.programId, p.programId), eq(webhookEndpoints.id, p.endpointId)));
  const [row] = p.lock ? await query.for("update") : await query;
  return row;
}

export type EndpointSummaryRow = WebhookEndpointRow & { lastDeliveryAt: Date | null; lastDeliveryStatus: number | null; pendingDeliveries: number; failedDeliveries: number };

/** Endpoints of a program with their latest attempt and the count of deliveries still waiting or given up. */
export async function listWebhookEndpoints(db: Executor, programId: string): Promise<EndpointSummaryRow[]> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.programId, programId))
    .orderBy(desc(webhookEndpoints.createdAt));
  if (!rows.length) return [];
  const stats = await selectRows<{ endpoint_id: string; last_at: string | null; last_status: number | null; pending: number; failed: number }>(db, sql`
    select e.id as endpoint_id,
           (select a.created_at from ${webhookAttempts} a where a.program_id = e.program_id and a.endpoint_id = e.id order by a.created_at desc limit 1) as last_at,
           (select a.response_status from ${webhookAttempts} a where a.program_id = e.program_id and a.endpoint_id = e.id order by a.created_at desc limit 1) as last_status,
           (select count(*) from ${webhookDeliveries} d where d.program_id = e.program_id and d.endpoint_id = e.id and d.status = 'pending')::int as pending,
           (select count(*) from ${webhookDeliveries} d where d.program_id = e.program_id and d.endpoint_id = e.id and d.status = 'failed')::int as failed
      from ${webhookEndpoints} e where e.program_id = ${programId}`);
  const byId = new Map(stats.map((s) => [s.endpoint_id, s]));
  return rows.map((row) => {
    const s = byId.get(row.id);
    return {
      ...row,
      lastDeliveryAt: s?.last_at ? new Date(s.last_at) : null,
      lastDeliveryStatus: s?.last_status ?? null,
      pendingDeliveries: Number(s?.pending ?? 0),
      failedDeliveries: Number(s?.failed ?? 0),
    };
  });
}

export async function updateWebhookEndpoint(
  db: Executor,
  p: { programId: string; endpointId: string; now: Date },
  values: Partial<Pick<WebhookEndpointRow, "events" | "description" | "status" | "disabledReason" | "disabledAt" | "secretEncrypted" | "secretHint" | "consecutiveFailures" | "failingSince">>,
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...values, updatedAt: p.now })
    .where(and(eq(webhookEndpoints.programId, p.programId), eq(webhookEndpoints.id, p.endpointId)))
    .returning();
  return row;
}

/** Removes an endpoint with its deliveries and their log (the audit log keeps the record of the removal). */
export async function deleteWebhookEndpoint(db: Executor, p: { programId: string; endpointId: string }): Promise<void> {
  await db.delete(webhookAttempts).where(and(eq(webhookAttempts.programId, p.programId), eq(webhookAttempts.endpointId, p.endpointId)));
  await db.delete(webhookDeliveries).where(and(eq(webhookDeliveries.programId, p.programId), eq(webhookDeliveries.endpointId, p.endpointId)));
  await db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.programId, p.programId), eq(webhookEndpoints.id, p.endpointId)));
}
