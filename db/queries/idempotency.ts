import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { idempotencyKeys } from "../schema";
import type { Executor } from "../types";

export type StoredIdempotencyKey = { requestHash: string; statusCode: number | null; response: unknown; createdAt: Date };

/**
 * Claims a key inside the caller's transaction. Returns null when claimed; otherwise the
 * stored row. A concurrent claim of the same key blocks here until the first
 * transaction ends, so a retry racing its original sees the original's result.
 */
export async function claimIdempotencyKey(
  tx: Executor,
  params: { programId: string; key: string; requestHash: string; expiresAt: Date; createdAt?: Date },
): Promise<StoredIdempotencyKey | null> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values(params)
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length) return null;
  const [row] = await tx
    .select({ requestHash: idempotencyKeys.requestHash, statusCode: idempotencyKeys.statusCode, response: idempotencyKeys.response, createdAt: idempotencyKeys.createdAt })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.programId, params.programId), eq(idempotencyKeys.key, params.key)));
  if (!row) throw new Error(`Idempotency key ${params.key} vanished while claimed`);
  return row;
}

/** `claimedAt` (a claim's created_at) stores only into that claim, never into one another request took over since. */
export async function storeIdempotentResponse(
  tx: Executor,
  params: { programId: string; key: string; statusCode: number; response: unknown; claimedAt?: Date },
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: params.statusCode, response: sql`${JSON.stringify(params.response)}::jsonb` })
    .where(and(eq(idempotencyKeys.programId, params.programId), eq(idempotencyKeys.key, params.key), params.claimedAt ? eq(idempotencyKeys.createdAt, params.claimedAt) : undefined));
}

/**
 * Takes over a claim still unanswered since before `staleBefore` (its process
 * died): it becomes this request's claim, made at `claimedAt`. Of two racing
 * takers the second re-reads the row after the first's update, finds it fresh
 * and gets false.
 */
export async function takeOverStaleClaim(
  tx: Executor,
  params: { programId: string; key: string; requestHash: string; staleBefore: Date; claimedAt: Date; expiresAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(idempotencyKeys)
    .set({ createdAt: params.claimedAt, expiresAt: params.expiresAt })
    .where(
      and(
        eq(idempotencyKeys.programId, params.programId),
        eq(idempotencyKeys.key, params.key),
        eq(idempotencyKeys.requestHash, params.requestHash),
        isNull(idempotencyKeys.statusCode),
        lt(idempotencyKeys.createdAt, params.staleBefore),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

/** Gives up an unanswered claim made at `claimedAt`, so the same key runs again; an answered or taken-over claim stays. */
export async function releaseIdempotencyClaim(db: Executor, params: { programId: string; key: string; claimedAt: Date }): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.programId, params.programId), eq(idempotencyKeys.key, params.key), isNull(idempotencyKeys.statusCode), eq(idempotencyKeys.createdAt, params.claimedAt)));
}

export async function deleteExpiredIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ key: idempotencyKeys.key });
  return rows.length;
}
