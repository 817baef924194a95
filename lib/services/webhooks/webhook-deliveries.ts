import { getWebhookDelivery, insertDelivery, insertDirectEvent, listDeliveryAttempts, listEndpointDeliveries } from "@/db/queries/webhook-deliveries";
import { getWebhookEndpoint, listWebhookEndpoints as listRows } from "@/db/queries/webhook-endpoints";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { eventPublicId } from "@/lib/domain/webhooks/payload";
import { TEST_EVENT_TYPE } from "@/lib/domain/webhooks/event-types";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { idSchema, parseInput } from "@/lib/validation/common";
import { viewEndpoint, type WebhookEndpointView } from "./endpoint-view";
import { loadWebhookProgram } from "./manage-endpoints";

export type EndpointSummary = WebhookEndpointView & { lastDeliveryAt: string | null; lastDeliveryStatus: number | null; pendingDeliveries: number; failedDeliveries: number };

export async function listWebhookEndpoints(db: Executor, actor: Actor, input: { programId: string }): Promise<EndpointSummary[]> {
  const program = await loadWebhookProgram(db, actor, input.programId);
  return (await listRows(db, program.id)).map((row) => ({
    ...viewEndpoint(row),
    lastDeliveryAt: row.lastDeliveryAt?.toISOString() ?? null,
    lastDeliveryStatus: row.lastDeliveryStatus,
    pendingDeliveries: row.pendingDeliveries,
    failedDeliveries: row.failedDeliveries,
  }));
}

export type DeliveryAttemptView = { attempt: number; responseStatus: number | null; error: string | null; durationMs: number; at: string };
export type DeliveryView = {
  id: string;
  eventId: string;
  eventType: string;
  replay: number;
  status: "pending" | "succeeded" | "failed";
  attempts: DeliveryAttemptView[];
  nextAttemptAt: string | null;
  createdAt: string;
};

/** An endpoint with its newest deliveries (50) and every attempt of each: the console's delivery log. */
export async function getWebhookEndpointDetail(db: Executor, actor: Actor, input: { programId: string; endpointId: string }): Promise<{ endpoint: WebhookEndpointView; deliveries: DeliveryView[] }> {
  const program = await loadWebhookProgram(db, actor, input.programId);
  const endpoint = await getWebhookEndpoint(db, { programId: program.id, endpointId: parseInput(idSchema, input.endpointId) });
  if (!endpoint) throw new NotFoundError("webhook endpoint", input.endpointId);
  const deliveries = await listEndpointDeliveries(db, { programId: program.id, endpointId: endpoint.id, limit: 50 });
  const attempts = await listDeliveryAttempts(db, { programId: program.id, deliveryIds: deliveries.map((d) => d.id) });
  return {
    endpoint: viewEndpoint(endpoint),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      eventId: eventPublicId(d.eventId),
      eventType: d.eventType,
      replay: d.replay,
      status: d.status,
      nextAttemptAt: d.status === "pending" ? (d.nextAttemptAt?.toISOString() ?? null) : null,
      createdAt: d.createdAt.toISOString(),
      attempts: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({ attempt: a.attempt, responseStatus: a.responseStatus, error: a.error, durationMs: a.durationMs, at: a.createdAt.toISOString() })),
    })),
  };
}

async function activeEndpoint(tx: Executor, programId: string, endpointId: string) {
  const endpoint = await getWebhookEndpoint(tx, { programId, endpointId });
  if (!endpoint) throw new NotFoundError("webhook endpoint", endpointId);
  if (endpoint.status !== "active") throw new UnprocessableError("endpoint_disabled", "Enable the endpoint before sending to it.");
  return endpoint;
}

/** Sends an event again to the same endpoint: a new delivery (same event id, so receivers can de-duplicate), due now. */
export async function replayWebhookDelivery(db: Executor, actor: Actor, input: { programId: string; deliveryId: string }, now = new Date()): Promise<{ deliveryId: string }> {
  const program = await loadWebhookProgram(db, actor, input.programId);
  const deliveryId = parseInput(idSchema, input.deliveryId);
  return db.transaction(async (tx) => {
    const original = await getWebhookDelivery(tx, { programId: program.id, deliveryId });
    if (!original) throw new NotFoundError("webhook delivery", deliveryId);
    await activeEndpoint(tx, program.id, original.endpointId);
    const replay = await insertDelivery(tx, { programId: program.id, endpointId: original.endpointId, eventId: original.eventId, now });
    await recordAudit(tx, actor, { program, action: "webhook.replay", targetType: "webhook_endpoint", targetId: original.endpointId, after: { eventId: eventPublicId(original.eventId), deliveryId: replay.id, replay: replay.replay } });
    return { deliveryId: replay.id };
  });
}

/** A `webhook.test` event for one endpoint only, delivered (and logged) like any other. */
export async function sendTestWebhook(db: Executor, actor: Actor, input: { programId: string; endpointId: string }, now = new Date()): Promise<{ deliveryId: string }> {
  const program = await loadWebhookProgram(db, actor, input.programId);
  const endpointId = parseInput(idSchema, input.endpointId);
  return db.transaction(async (tx) => {
    await activeEndpoint(tx, program.id, endpointId);
    const eventId = await insertDirectEvent(tx, { programId: program.id, type: TEST_EVENT_TYPE, payload: { message: "Test event from Lazo", endpointId }, now });
    const delivery = await insertDelivery(tx, { programId: program.id, endpointId, eventId, now });
    await recordAudit(tx, actor, { program, action: "webhook.test", targetType: "webhook_endpoint", targetId: endpointId, after: { eventId: eventPublicId(eventId) } });
    return { deliveryId: delivery.id };
  });
}
