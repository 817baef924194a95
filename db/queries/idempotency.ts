import { and, eq, lt, sql } from "drizzle-orm";
import { idempotencyKeys } from "../schema";
import type { Executor } from "../types";

export type StoredIdempotencyKey = { requestHash: string; statusCode: number | null; response: unknown };

/**
 * Claims a key inside the caller's transaction. Returns null when claimed; otherwise the
 * stored row. A concurrent claim of the same key blocks here until the first
 * transaction ends, so a retry racing its original sees the original's result.
 */
export async function claimIdempotencyKey(
  tx: Executor,
  params: { programId: string; key: string; requestHash: string; expiresAt: Date },
): Promise<StoredIdempotencyKey | null> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values(params)
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length) return null;
  const [row] = await tx
    .select({ requestHash: idempotencyKeys.requestHash, statusCode: idempotencyKeys.statusCode, response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.programId, params.programId), eq(idempotencyKeys.key, params.key)));
  if (!row) throw new Error(`Idempotency key ${params.key} vanished while claimed`);
  return row;
}

export async function storeIdempotentResponse(
  tx: Executor,
  params: { programId: string; key: string; statusCode: number; response: unknown },
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: params.statusCode, response: sql`${JSON.stringify(params.response)}::jsonb` })
    .where(and(eq(idempotencyKeys.programId, params.programId), eq(idempotencyKeys.key, params.key)));
}

export async function deleteExpiredIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ key: idempotencyKeys.key });
  return rows.length;
}
