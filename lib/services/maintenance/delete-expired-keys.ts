import { deleteApiRateWindowsBefore } from "@/db/queries/api-rate-windows";
import { deleteExpiredIdempotencyKeys } from "@/db/queries/idempotency";
import type { Executor } from "@/db/types";

/** Idempotency keys are promised for 7 days and kept 8; older ones go. */
export function deleteExpiredIdempotencyKeysNow(db: Executor, now: Date): Promise<number> {
  return deleteExpiredIdempotencyKeys(db, now);
}

/** API rate-limit windows are one minute long; anything older than an hour is history. */
export function deleteOldApiRateWindows(db: Executor, now: Date): Promise<number> {
  return deleteApiRateWindowsBefore(db, new Date(now.getTime() - 60 * 60_000));
}
