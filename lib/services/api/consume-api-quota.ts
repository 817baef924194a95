import { hitApiRateWindow } from "@/db/queries/api-rate-windows";
import type { Executor } from "@/db/types";
import { decide, windowStart, type RateDecision } from "@/lib/domain/api/rate-window";
import { readEnv } from "@/lib/env";

let defaultLimit: number | undefined;

/** Requests per minute for keys without their own limit (LAZO_API_RATE_LIMIT, default 1,200). */
export function defaultApiRateLimit(): number {
  defaultLimit ??= readEnv().LAZO_API_RATE_LIMIT;
  return defaultLimit;
}

/**
 * Counts a request against its key's one-minute window (one upsert in
 * Postgres, so every app instance shares the count) and says whether it may run.
 */
export async function consumeApiQuota(db: Executor, p: { keyId: string; limit: number | null; now?: Date }): Promise<RateDecision> {
  const now = p.now ?? new Date();
  const hits = await hitApiRateWindow(db, { keyId: p.keyId, windowStart: windowStart(now) });
  return decide({ hits, limit: p.limit ?? defaultApiRateLimit(), now });
}
