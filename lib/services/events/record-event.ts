import { domainEvents } from "@/db/schema";
import type { Executor } from "@/db/types";
import type { EventType } from "@/lib/domain/webhooks/event-types";

export { EVENT_TYPES, type EventType } from "@/lib/domain/webhooks/event-types";

/**
 * Writes a domain event to the outbox. Call it with the transaction that makes
 * the change, so the event exists exactly when the change does; the webhook
 * dispatcher delivers it later. `occurredAt` defaults to the database clock;
 * services pass their own `now` so events agree with the rows they announce.
 * The payload is the public `data` of the webhook: keep its fields stable.
 */
export async function recordEvent(tx: Executor, programId: string, type: EventType, payload: Record<string, unknown>, occurredAt?: Date): Promise<void> {
  await tx.insert(domainEvents).values({ programId, type, payload, ...(occurredAt ? { createdAt: occurredAt } : {}) });
}
