/**
 * Fixed-window rate limiting, pure: which window an instant falls in, and what
 * the RateLimit headers say after a request was counted in it.
 */
export const RATE_WINDOW_SECONDS = 60;

export type RateDecision = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export function windowStart(now: Date, windowSeconds = RATE_WINDOW_SECONDS): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** `hits` counts this request too; the request is allowed while hits ≤ limit. */
export function decide(p: { hits: number; limit: number; now: Date; windowSeconds?: number }): RateDecision {
  const seconds = p.windowSeconds ?? RATE_WINDOW_SECONDS;
  const end = windowStart(p.now, seconds).getTime() + seconds * 1000;
  const resetSeconds = Math.max(1, Math.ceil((end - p.now.getTime()) / 1000));
  return { allowed: p.hits <= p.limit, limit: p.limit, remaining: Math.max(0, p.limit - p.hits), resetSeconds };
}

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers, the separate-fields form). */
export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  return { "RateLimit-Limit": String(d.limit), "RateLimit-Remaining": String(d.remaining), "RateLimit-Reset": String(d.resetSeconds) };
}
