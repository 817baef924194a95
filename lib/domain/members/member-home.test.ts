import { describe, expect, it } from "vitest";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import { expiringSoon, highlightRewards, nextReviewDate, pointsValueMinor, tierStanding } from "./member-home";

const now = new Date("2026-11-23T12:00:00Z");
const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
const tiers = defaultPlan().tiers; // bronze 0, silver 500, gold 1500

describe("expiringSoon", () => {
  it.each([
    ["nothing to expire", [], [], 0],
    ["keeps lots inside the window, soonest first", [{ expiresAt: day(40), points: 30 }, { expiresAt: day(5), points: 10 }], [5, 40], 40],
    ["drops lots after the window", [{ expiresAt: day(5), points: 10 }, { expiresAt: day(61), points: 99 }], [5], 10],
    ["keeps a lot exactly at the window's end", [{ expiresAt: day(60), points: 7 }], [60], 7],
    ["drops lots already expired and empty ones", [{ expiresAt: day(-1), points: 10 }, { expiresAt: day(3), points: 0 }], [], 0],
  ] as const)("%s", (_name, expiries, days, total) => {
    const result = expiringSoon(expiries, now, 60);
    expect(result.lots.map((l) => Math.round((l.expiresAt.getTime() - now.getTime()) / 86_400_000))).toEqual(days);
    expect(result.total).toBe(total);
  });
});

describe("pointsValueMinor", () => {
  it.each([
    ["no value set", 1000, undefined, null],
    ["zero value counts as unset", 1000, 0, null],
    ["one cent per point", 1234, 1000, 1234],
    ["a tenth of a cent per point, rounded down", 1239, 100, 123],
    ["no points are worth nothing", 0, 1000, 0],
  ] as const)("%s", (_name, points, milli, expected) => {
    expect(pointsValueMinor(points, milli)).toBe(expected);
  });
});

describe("nextReviewDate", () => {
  it.each([
    ["yearly: next January 1st", "year", "2026-11-23T12:00:00Z", "2027-01-01T00:00:00.000Z"],
    ["yearly on January 1st itself: the one after", "year", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00.000Z"],
    ["monthly: first of next month", "month", "2026-11-23T12:00:00Z", "2026-12-01T00:00:00.000Z"],
    ["monthly in December: January", "month", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00.000Z"],
  ] as const)("%s", (_name, every, at, expected) => {
    expect(nextReviewDate(every, new Date(at), "UTC").toISOString()).toBe(expected);
  });

  it.each([
    ["yearly: local midnight of January 1st in Mexico City", "year", "2026-12-31T23:00:00Z", "2027-01-01T06:00:00.000Z"],
    ["yearly: already January 1st in UTC but still December 31st locally", "year", "2027-01-01T03:00:00Z", "2027-01-01T06:00:00.000Z"],
    ["monthly: local midnight of the 1st", "month", "2026-11-30T23:00:00Z", "2026-12-01T06:00:00.000Z"],
  ] as const)("%s", (_name, every, at, expected) => {
    expect(nextReviewDate(every, new Date(at), "America/Mexico_City").toISOString()).toBe(expected);
  });
});

describe("tierStanding", () => {
  const review = { every: "year", graceMonths: 0 } as const;
  it.each([
    ["bronze needs nothing to keep", "bronze", 250, "silver", 250, null],
    ["silver short of its threshold must earn the rest by the review", "silver", 420, "gold", 1080, 80],
    ["silver above its threshold is safe", "silver", 800, "gold", 700, 0],
    ["gold at the top has no next tier", "gold", 1600, null, 0, 0],
  ] as const)("%s", (_name, current, qualifying, next, missingNext, missingKeep) => {
    const standing = tierStanding({ tiers, currentKey: current, qualifying, metric: "points", window: "rolling_12_months", review, now, timeZone: "UTC" });
    expect(standing.next?.key ?? null).toBe(next);
    expect(standing.missing).toBe(missingNext);
    expect(standing.keep?.missing ?? null).toBe(missingKeep);
    if (standing.keep) expect(standing.keep.reviewAt.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});

describe("highlightRewards", () => {
  const r = (id: string, price: number, affordable: boolean) => ({ id, price, affordable });
  it.each([
    ["none", [], []],
    ["within reach first, most valuable first", [r("a", 100, true), r("b", 300, true), r("c", 50, true)], ["b", "a", "c"]],
    ["then the closest out of reach", [r("far", 5000, false), r("near", 900, false), r("ok", 200, true)], ["ok", "near", "far"]],
    ["at most the limit", [r("a", 1, true), r("b", 2, true), r("c", 3, true), r("d", 4, true)], ["d", "c", "b"]],
  ] as const)("%s", (_name, rewards, expected) => {
    expect(highlightRewards(rewards, 3).map((x) => x.id)).toEqual(expected);
  });
});
