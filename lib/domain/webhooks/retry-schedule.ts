/** Deliveries are retried for 24 hours after the event, then given up. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Default first retry delay; doubled after each failure up to MAX_DELAY_MS. */
export const DEFAULT_BACKOFF_BASE_MS = 30_000;
export const MAX_DELAY_MS = 2 * 60 * 60 * 1000;
/** An endpoint failing without a single success for this long is disabled. */
export const DISABLE_AFTER_MS = RETRY_WINDOW_MS;

export type RetryPlan = { retryAt: Date } | { giveUp: true };

/**
 * When to try again after failed attempt number `attempt` (1-based): exponential
 * backoff (base · 2^(attempt−1), capped at 2 h) with "equal jitter" — a random
 * point in the upper half of the delay — so many failed deliveries do not all
 * come back at the same instant. `random` is injected (0 ≤ r < 1) to keep this pure.
 * Past the 24 h window from `firstAt` the delivery is given up.
 */
export function planRetry(p: { attempt: number; firstAt: Date; now: Date; baseMs?: number; random: number }): RetryPlan {
  const base = p.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const exponent = Math.min(Math.max(p.attempt - 1, 0), 30);
  const delay = Math.min(base * 2 ** exponent, MAX_DELAY_MS);
  const jittered = Math.round(delay / 2 + (delay / 2) * Math.min(Math.max(p.random, 0), 1));
  const retryAt = p.now.getTime() + jittered;
  if (retryAt > p.firstAt.getTime() + RETRY_WINDOW_MS) return { giveUp: true };
  return { retryAt: new Date(retryAt) };
}

/**
 * Whether an endpoint that just failed again should be disabled: it has not had
 * one success since `failingSince` for the whole window. (Its deliveries keep
 * retrying through that time, so this means "down for a day", not "idle".)
 */
export function shouldDisableEndpoint(p: { failingSince: Date | null; now: Date }): boolean {
  return p.failingSince !== null && p.now.getTime() - p.failingSince.getTime() >= DISABLE_AFTER_MS;
}
