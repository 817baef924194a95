import { deleteExpiredIdempotencyKeys } from "@/db/queries/idempotency";
import type { Executor } from "@/db/types";

/** Idempotency keys are promised for 7 days and kept 8; older ones go. */
export function deleteExpiredIdempotencyKeysNow(db: Executor, now: Date): Promise<number> {
  return deleteExpiredIdempotencyKeys(db, now);
}
