import { clearHits, countHits, insertHit } from "@/db/queries/rate-limits";
import type { Executor } from "@/db/types";
import { readEnv } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";

/**
 * Sliding-window limits kept in Postgres (so every app instance shares them).
 * A limit counts failures: `assertUnderLimit` before trying, `recordFailure`
 * after a wrong password or code, `clearFailures` after a success.
 */
export type Limit = { bucket: string; max: number; windowMs: number };

export const LIMITS = {
  loginByEmail: (email: string): Limit => ({ bucket: `login:email:${email.toLowerCase()}`, max: 5, windowMs: 60_000 }),
  loginByIp: (ip: string): Limit => ({ bucket: `login:ip:${ip}`, max: 20, windowMs: 60_000 }),
  codeRequestsByEmail: (programId: string, email: string): Limit => ({ bucket: `code-request:${programId}:${email.toLowerCase()}`, max: 5, windowMs: 15 * 60_000 }),
  codeRequestsByIp: (ip: string): Limit => ({ bucket: `code-request:ip:${ip}`, max: readEnv().LAZO_CODE_REQUESTS_PER_IP, windowMs: 15 * 60_000 }),
  // Wrong one-time codes, across codes: a fresh code every time must not reset the count (each code allows 5 tries).
  codeVerifyByEmail: (programId: string, email: string): Limit => ({ bucket: `code-verify:${programId}:${email.toLowerCase()}`, max: 10, windowMs: 15 * 60_000 }),
  // Per address, generous for a store's shared connection: only wrong codes count.
  codeVerifyByIp: (ip: string): Limit => ({ bucket: `code-verify:ip:${ip}`, max: 30, windowMs: 15 * 60_000 }),
  couponAttemptsByActor: (actorId: string): Limit => ({ bucket: `coupon:${actorId}`, max: 10, windowMs: 60_000 }),
};

export async function assertUnderLimit(db: Executor, limits: Limit[], now = new Date()): Promise<void> {
  for (const limit of limits) {
    const { count, oldest } = await countHits(db, { bucket: limit.bucket, since: new Date(now.getTime() - limit.windowMs) });
    if (count >= limit.max) {
      const retryAfter = oldest ? Math.max(1, Math.ceil((oldest.getTime() + limit.windowMs - now.getTime()) / 1000)) : Math.ceil(limit.windowMs / 1000);
      throw new RateLimitedError(retryAfter, `Too many attempts. Try again in ${retryAfter} seconds.`);
    }
  }
}

export async function recordFailure(db: Executor, limits: Limit[], now = new Date()): Promise<void> {
  for (const limit of limits) await insertHit(db, { bucket: limit.bucket, at: now });
}

export async function clearFailures(db: Executor, limit: Limit): Promise<void> {
  await clearHits(db, limit.bucket);
}
