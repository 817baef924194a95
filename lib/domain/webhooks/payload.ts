/** The envelope every webhook carries; `data` depends on `type` (see docs/WEBHOOKS.md). */
export type WebhookPayload = {
  id: string;
  type: string;
  occurredAt: string;
  programId: string;
  data: Record<string, unknown>;
};

/** Public id of an outbox event: stable across retries and replays, so receivers can de-duplicate on it. */
export function eventPublicId(eventId: number): string {
  return `evt_${eventId}`;
}

export function buildWebhookPayload(event: { id: number; type: string; programId: string; createdAt: Date; payload: unknown }): WebhookPayload {
  return {
    id: eventPublicId(event.id),
    type: event.type,
    occurredAt: event.createdAt.toISOString(),
    programId: event.programId,
    data: (event.payload ?? {}) as Record<string, unknown>,
  };
}

/** The exact bytes that are signed and sent. */
export function serializePayload(payload: WebhookPayload): string {
  return JSON.stringify(payload);
}
