import { claimIdempotencyKey, releaseIdempotencyClaim, storeIdempotentResponse, takeOverStaleClaim } from "@/db/queries/idempotency";
import type { Executor } from "@/db/types";
import { ConflictError, IdempotencyConflictError } from "@/lib/errors";
import { IDEMPOTENCY_TTL_MS, requestHash } from "@/lib/services/ledger/run-ledger-operation";

export type StoredResponse = { status: number; body: unknown };

/**
 * How long an unanswered claim counts as running. Longer than any request
 * takes; past it the claim's process is taken for dead and a retry runs.
 */
export const IDEMPOTENCY_LEASE_MS = 60_000;

/**
 * HTTP-level idempotency for API POSTs: the first request with a key runs and
 * its status and body are kept (8 days); a replay gets them back and runs
 * nothing; the same key with another body is a conflict; a replay while the
 * first is still running is told so. Refusals (4xx) are answers and replay;
 * a crash (thrown error or 5xx) is not: the claim is released so a retry runs
 * again, and a claim whose process died unanswered is taken over after the lease.
 * The ledger services carry their own keys too, so even a crash between running
 * and storing never credits twice.
 */
export async function runIdempotentRequest(
  db: Executor,
  p: { programId: string; keyId: string; idempotencyKey: string; method: string; path: string; body: unknown; now?: Date },
  execute: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const now = p.now ?? new Date();
  const key = `api:${p.keyId}:${p.idempotencyKey}`;
  const hash = requestHash(`${p.method} ${p.path}`, p.body);
  const claim = { programId: p.programId, key, requestHash: hash, claimedAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) };
  const stored = await db.transaction(async (tx) => {
    const row = await claimIdempotencyKey(tx, { programId: claim.programId, key, requestHash: hash, expiresAt: claim.expiresAt, createdAt: now });
    const abandoned = row && row.statusCode === null && row.requestHash === hash && row.createdAt.getTime() < now.getTime() - IDEMPOTENCY_LEASE_MS;
    if (abandoned && (await takeOverStaleClaim(tx, { ...claim, staleBefore: new Date(now.getTime() - IDEMPOTENCY_LEASE_MS) }))) return null;
    return row;
  });
  if (stored) {
    if (stored.requestHash !== hash) throw new IdempotencyConflictError(p.idempotencyKey);
    if (stored.statusCode === null) throw new ConflictError("request_in_progress", "A request with this Idempotency-Key is still being processed; retry shortly.", { retryAfterSeconds: 1 });
    return { status: stored.statusCode, body: stored.response, replayed: true };
  }
  let response: StoredResponse;
  try {
    response = await execute();
  } catch (error) {
    await release(db, claim);
    throw error;
  }
  if (response.status >= 500) {
    await release(db, claim);
    return { ...response, replayed: false };
  }
  await storeIdempotentResponse(db, { programId: p.programId, key, statusCode: response.status, response: response.body, claimedAt: now });
  return { ...response, replayed: false };
}

/** A failed release is left to the lease: the caller's own error is the one to report. */
async function release(db: Executor, claim: { programId: string; key: string; claimedAt: Date }): Promise<void> {
  await releaseIdempotencyClaim(db, claim).catch(() => undefined);
}
