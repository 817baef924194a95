import { randomUUID } from "node:crypto";
import { claimDueDeliveries, fanOutEvents, insertWebhookAttempt, settleDelivery, type ClaimedDelivery } from "@/db/queries/webhook-deliveries";
import type { Executor } from "@/db/types";
import { planRetry } from "@/lib/domain/webhooks/retry-schedule";
import { readEnv } from "@/lib/env";
import { recordEndpointOutcome } from "./endpoint-health";
import { sendWebhook, WEBHOOK_TIMEOUT_MS, type FetchLike, type SendOutcome } from "./send-webhook";
import { openSecret } from "./signing-secret";

export type DispatchOptions = {
  now?: Date;
  fetch?: FetchLike;
  /** First retry delay (default LAZO_WEBHOOK_BACKOFF_MS or 30 s). */
  backoffBaseMs?: number;
  random?: () => number;
  batchSize?: number;
  timeoutMs?: number;
};

export type DispatchResult = { events: number; deliveries: number; attempted: number; succeeded: number; failed: number };

/** Fans out new outbox events, then sends every due delivery once. Safe on any number of instances at once. */
export async function dispatchWebhooks(db: Executor, options: DispatchOptions = {}): Promise<DispatchResult> {
  const now = options.now ?? new Date();
  const fanned = { events: 0, deliveries: 0 };
  for (;;) {
    const batch = await db.transaction((tx) => fanOutEvents(tx, { now, limit: options.batchSize ?? 500 }));
    fanned.events += batch.events;
    fanned.deliveries += batch.deliveries;
    if (batch.events < (options.batchSize ?? 500)) break;
  }
  const sent = await deliverDueWebhooks(db, { ...options, now });
  return { ...fanned, ...sent };
}

/**
 * Leases the due deliveries, POSTs them concurrently (no transaction is open
 * meanwhile), then records each attempt and schedules the retry or gives up.
 */
export async function deliverDueWebhooks(db: Executor, options: DispatchOptions = {}): Promise<Omit<DispatchResult, "events" | "deliveries">> {
  const now = options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const leaseToken = randomUUID();
  const claimed = await db.transaction((tx) =>
    claimDueDeliveries(tx, { now, leaseToken, leasedUntil: new Date(now.getTime() + timeoutMs + 60_000), limit: options.batchSize ?? 25 }),
  );
  const fetchImpl = options.fetch ?? (fetch as unknown as FetchLike);
  const outcomes = await Promise.all(claimed.map(async (delivery) => ({ delivery, outcome: await attempt(fetchImpl, delivery, now, timeoutMs) })));
  let succeeded = 0;
  for (const { delivery, outcome } of outcomes) {
    await recordOutcome(db, delivery, outcome, leaseToken, options);
    if (outcome.ok) succeeded += 1;
  }
  return { attempted: claimed.length, succeeded, failed: claimed.length - succeeded };
}

async function attempt(fetchImpl: FetchLike, d: ClaimedDelivery, now: Date, timeoutMs: number): Promise<SendOutcome> {
  let secret: string;
  try {
    secret = openSecret(d.secretEncrypted);
  } catch {
    return { ok: false, status: null, error: "The signing secret cannot be read (AUTH_SECRET changed?): rotate the secret.", durationMs: 0 };
  }
  const event = { id: d.eventId, type: d.eventType, programId: d.programId, createdAt: d.eventCreatedAt, payload: d.eventPayload };
  return sendWebhook(fetchImpl, { url: d.url, secret, event, now, timeoutMs });
}

async function recordOutcome(db: Executor, d: ClaimedDelivery, outcome: SendOutcome, leaseToken: string, options: DispatchOptions): Promise<void> {
  const now = options.now ?? new Date();
  const attemptNo = d.attempts + 1;
  const retry = outcome.ok ? null : planRetry({ attempt: attemptNo, firstAt: d.createdAt, now, baseMs: options.backoffBaseMs ?? readEnv().LAZO_WEBHOOK_BACKOFF_MS, random: (options.random ?? Math.random)() });
  await db.transaction(async (tx) => {
    await insertWebhookAttempt(tx, {
      programId: d.programId,
      deliveryId: d.deliveryId,
      endpointId: d.endpointId,
      attempt: attemptNo,
      responseStatus: outcome.status,
      error: outcome.error,
      durationMs: outcome.durationMs,
      createdAt: now,
    });
    const owned = await settleDelivery(tx, { programId: d.programId, deliveryId: d.deliveryId, leaseToken }, {
      status: outcome.ok ? "succeeded" : retry && "retryAt" in retry ? "pending" : "failed",
      attempts: attemptNo,
      nextAttemptAt: retry && "retryAt" in retry ? retry.retryAt : null,
      lastStatus: outcome.status,
      lastError: outcome.error,
      completedAt: outcome.ok || (retry && "giveUp" in retry) ? now : null,
    });
    // A lost lease means another worker owns the delivery now; its own result will count.
    if (owned) await recordEndpointOutcome(tx, { programId: d.programId, endpointId: d.endpointId, ok: outcome.ok, now });
  });
}
