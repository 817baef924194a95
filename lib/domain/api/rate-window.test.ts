import { describe, expect, it } from "vitest";
import { decide, rateLimitHeaders, windowStart } from "./rate-window";

describe("fixed-window rate limit", () => {
  const now = new Date("2026-11-23T18:00:42.500Z");

  it("puts an instant in the minute it falls in", () => {
    expect(windowStart(now).toISOString()).toBe("2026-11-23T18:00:00.000Z");
  });

  it.each([
    [1, 3, true, 2],
    [3, 3, true, 0],
    [4, 3, false, 0],
  ])("hit %i of a limit of %i: allowed %s, %i remaining", (hits, limit, allowed, remaining) => {
    expect(decide({ hits, limit, now })).toEqual({ allowed, limit, remaining, resetSeconds: 18 });
  });

  it("says when the window resets, at least a second ahead", () => {
    expect(decide({ hits: 1, limit: 1, now: new Date("2026-11-23T18:00:59.999Z") }).resetSeconds).toBe(1);
    expect(rateLimitHeaders(decide({ hits: 2, limit: 5, now }))).toEqual({ "RateLimit-Limit": "5", "RateLimit-Remaining": "3", "RateLimit-Reset": "18" });
  });
});
