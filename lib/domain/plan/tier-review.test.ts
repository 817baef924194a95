import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultPlan, type TierReview } from "./plan-definition";
import { latestReviewDate, qualificationSince, qualificationWindow, reviewTier, tierReviewOf, type TierReviewInput } from "./tier-review";

const tiers = defaultPlan().tiers; // bronze 0, silver 500, gold 1500
const yearly: TierReview = { every: "year", graceMonths: 0 };
const d = (iso: string) => new Date(iso);

const gold = (patch: Partial<TierReviewInput> = {}): TierReviewInput => ({
  tiers,
  currentTier: "gold",
  qualifying: 700,
  reachedAt: d("2025-03-01T00:00:00Z"),
  tierOverrideUntil: null,
  review: yearly,
  now: d("2026-01-01T03:30:00Z"),
  timeZone: "UTC",
  ...patch,
});

describe("latestReviewDate", () => {
  it.each([
    ["year", "2026-07-15T12:00:00Z", "2026-01-01T00:00:00.000Z"],
    ["year", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z"],
    ["year", "2025-12-31T23:59:59Z", "2025-01-01T00:00:00.000Z"],
    ["month", "2026-07-15T12:00:00Z", "2026-07-01T00:00:00.000Z"],
    ["month", "2026-03-01T00:00:00Z", "2026-03-01T00:00:00.000Z"],
    ["month", "2026-02-28T23:59:59Z", "2026-02-01T00:00:00.000Z"],
  ] as const)("every %s at %s is %s", (every, now, expected) => {
    expect(latestReviewDate(every, d(now), "UTC").toISOString()).toBe(expected);
  });

  it.each([
    ["year", "2026-01-01T03:00:00Z", "2025-01-01T06:00:00.000Z"],
    ["year", "2026-01-01T06:00:00Z", "2026-01-01T06:00:00.000Z"],
    ["month", "2026-07-01T05:59:59Z", "2026-06-01T06:00:00.000Z"],
    ["month", "2026-07-01T06:00:00Z", "2026-07-01T06:00:00.000Z"],
  ] as const)("every %s at %s in Mexico City is %s (local midnight)", (every, now, expected) => {
    expect(latestReviewDate(every, d(now), "America/Mexico_City").toISOString()).toBe(expected);
  });
});

describe("qualificationWindow", () => {
  it.each([
    ["rolling_12_months", "2026-01-01T00:00:00Z", "2025-01-01T00:00:00.000Z"],
    ["rolling_12_months", "2025-01-01T00:00:00Z", "2024-01-02T00:00:00.000Z"],
    ["calendar_year", "2026-01-01T00:00:00Z", "2025-01-01T00:00:00.000Z"],
    ["calendar_year", "2026-03-01T00:00:00Z", "2026-01-01T00:00:00.000Z"],
  ] as const)("%s for a review at %s starts at %s and ends at the review", (window, at, since) => {
    const result = qualificationWindow({ metric: "points", window }, d(at), "UTC");
    expect(result.since.toISOString()).toBe(since);
    expect(result.until.toISOString()).toBe(d(at).toISOString());
  });

  it("judges the program's local calendar year, not UTC's", () => {
    // January 1st 2026, local midnight in Mexico City (UTC−6).
    const result = qualificationWindow({ metric: "spend", window: "calendar_year" }, d("2026-01-01T06:00:00Z"), "America/Mexico_City");
    expect(result.since.toISOString()).toBe("2025-01-01T06:00:00.000Z");
    expect(result.until.toISOString()).toBe("2026-01-01T06:00:00.000Z");
  });
});

describe("qualificationSince", () => {
  it.each([
    ["rolling_12_months", "UTC", "2026-03-01T00:00:00Z", "2025-03-01T00:00:00.000Z"],
    ["calendar_year", "UTC", "2026-03-01T00:00:00Z", "2026-01-01T00:00:00.000Z"],
    // 21:00 on December 31st in Mexico City: the local year is still 2025.
    ["calendar_year", "America/Mexico_City", "2026-01-01T03:00:00Z", "2025-01-01T06:00:00.000Z"],
    ["calendar_year", "America/Mexico_City", "2026-01-01T06:00:00Z", "2026-01-01T06:00:00.000Z"],
    ["calendar_year", "Asia/Tokyo", "2025-12-31T15:00:00Z", "2025-12-31T15:00:00.000Z"],
  ] as const)("%s in %s at %s starts at %s", (window, timeZone, now, since) => {
    expect(qualificationSince({ metric: "points", window }, d(now), timeZone).toISOString()).toBe(since);
  });
});

describe("tierReviewOf", () => {
  it("defaults to a yearly review without grace", () => {
    expect(tierReviewOf(defaultPlan())).toEqual({ every: "year", graceMonths: 0 });
    expect(tierReviewOf({ ...defaultPlan(), tierReview: { every: "month", graceMonths: 2 } })).toEqual({ every: "month", graceMonths: 2 });
  });
});

describe("reviewTier", () => {
  it.each<[string, Partial<TierReviewInput>, ReturnType<typeof reviewTier>]>([
    ["a member without a tier", { currentTier: null }, { action: "keep", reason: "no_tier" }],
    ["a tier the plan no longer has", { currentTier: "platinum" }, { action: "keep", reason: "unknown_tier" }],
    ["a gold member whose points still reach gold", { qualifying: 1500 }, { action: "keep", reason: "qualifies" }],
    ["a gold member with an override in force", { tierOverrideUntil: d("2026-01-02T00:00:00Z") }, { action: "keep", reason: "override" }],
    ["a gold member who reached gold after the review", { reachedAt: d("2026-01-01T01:00:00Z") }, { action: "keep", reason: "reached_since_review" }],
    ["a gold member who reached gold within the grace months", { reachedAt: d("2025-11-15T00:00:00Z"), review: { every: "year", graceMonths: 3 } }, { action: "keep", reason: "grace" }],
    [
      "a gold member below gold at the review",
      {},
      { action: "downgrade", from: "gold", to: "silver", reason: "below_threshold", reviewDate: d("2026-01-01T00:00:00Z") },
    ],
    [
      "a gold member whose points only reach bronze (two levels down)",
      { qualifying: 100, now: d("2026-06-30T00:00:00Z") },
      { action: "downgrade", from: "gold", to: "bronze", reason: "below_threshold", reviewDate: d("2026-01-01T00:00:00Z") },
    ],
    [
      "a member whose points reach no tier",
      { tiers: tiers.map((t) => ({ ...t, threshold: t.threshold + 100 })), qualifying: 50 },
      { action: "downgrade", from: "gold", to: null, reason: "below_threshold", reviewDate: d("2026-01-01T00:00:00Z") },
    ],
    [
      "an override that has ended",
      { tierOverrideUntil: d("2026-01-01T03:30:00Z") },
      { action: "downgrade", from: "gold", to: "silver", reason: "below_threshold", reviewDate: d("2026-01-01T00:00:00Z") },
    ],
    [
      "a member who reached gold exactly the grace months before the review",
      { reachedAt: d("2025-10-01T00:00:00Z"), review: { every: "year", graceMonths: 3 } },
      { action: "downgrade", from: "gold", to: "silver", reason: "below_threshold", reviewDate: d("2026-01-01T00:00:00Z") },
    ],
    [
      "a member with no tier history",
      { reachedAt: null },
      { action: "downgrade", from: "gold", to: "silver", reason: "below_threshold", reviewDate: d("2026-01-01T00:00:00Z") },
    ],
    [
      "a monthly review",
      { review: { every: "month", graceMonths: 1 }, reachedAt: d("2026-04-20T00:00:00Z"), now: d("2026-06-01T03:30:00Z") },
      { action: "downgrade", from: "gold", to: "silver", reason: "below_threshold", reviewDate: d("2026-06-01T00:00:00Z") },
    ],
    ["a monthly review within grace", { review: { every: "month", graceMonths: 2 }, reachedAt: d("2026-04-20T00:00:00Z"), now: d("2026-06-01T03:30:00Z") }, { action: "keep", reason: "grace" }],
  ])("decides for %s", (_, patch, expected) => {
    expect(reviewTier(gold(patch))).toEqual(expected);
  });

  it("never upgrades, and a second run at the same moment keeps what the first decided", () => {
    const ranks = tiers.map((t) => t.key);
    fc.assert(
      fc.property(
        fc.constantFrom(...ranks),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom("month" as const, "year" as const),
        fc.date({ min: d("2024-01-01T00:00:00Z"), max: d("2027-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 900 }),
        (currentTier, qualifying, graceMonths, every, now, daysAgo) => {
          const input = gold({ currentTier, qualifying, review: { every, graceMonths }, now, reachedAt: new Date(now.getTime() - daysAgo * 86_400_000) });
          const first = reviewTier(input);
          if (first.action === "keep") return;
          expect(ranks.indexOf(first.to ?? "")).toBeLessThan(ranks.indexOf(currentTier));
          // The apply step records the tier change at `now`.
          expect(reviewTier({ ...input, currentTier: first.to, reachedAt: now }).action).toBe("keep");
          expect(reviewTier({ ...input, currentTier: first.to, reachedAt: null }).action).toBe("keep");
        },
      ),
    );
  });
});
