import { claimIdempotencyKey, storeIdempotentResponse } from "@/db/queries/idempotency";
import type { Executor } from "@/db/types";
import { ConflictError, IdempotencyConflictError } from "@/lib/errors";
import { IDEMPOTENCY_TTL_MS, requestHash } from "@/lib/services/ledger/run-ledger-operation";

export type StoredResponse = { status: number; body: unknown };

/**
 * HTTP-level idempotency for API POSTs: the first request with a key runs and
 * its status and body are kept (8 days); a replay gets them back and runs
 * nothing; the same key with another body is a conflict; a replay while the
 * first is still running is told so. The ledger services carry their own keys
 * too, so even a crash between running and storing never credits twice.
 */
export async function runIdempotentRequest(
  db: Executor,
  p: { programId: string; keyId: string; idempotencyKey: string; method: string; path: string; body: unknown; now?: Date },
  execute: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const now = p.now ?? new Date();
  const key = `api:${p.keyId}:${p.idempotencyKey}`;
  const hash = requestHash(`${p.method} ${p.path}`, p.body);
  const stored = await db.transaction((tx) => claimIdempotencyKey(tx, { programId: p.programId, key, requestHash: hash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) }));
  if (stored) {
    if (stored.requestHash !== hash) throw new IdempotencyConflictError(p.idempotencyKey);
    if (stored.statusCode === null) throw new ConflictError("request_in_progress", "A request with this Idempotency-Key is still being processed; retry shortly.");
    return { status: stored.statusCode, body: stored.response, replayed: true };
  }
  const response = await execute();
  await storeIdempotentResponse(db, { programId: p.programId, key, statusCode: response.status, response: response.body });
  return { ...response, replayed: false };
}
