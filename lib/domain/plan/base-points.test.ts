import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, basePoints, tierFor } from "./base-points";
import { defaultPlan } from "./plan-definition";

const perDollar = { points: 1, perMinor: 100, rounding: "floor" as const };

describe("basePoints", () => {
  it.each([
    [0, perDollar, 1, 0],
    [99, perDollar, 1, 0],
    [100, perDollar, 1, 1],
    [1999, perDollar, 1, 19],
    [1999, { ...perDollar, rounding: "round" as const }, 1, 20],
    [1901, { ...perDollar, rounding: "ceil" as const }, 1, 20],
    [400, perDollar, 1.25, 5],
    [1000, { points: 3, perMinor: 1000, rounding: "floor" as const }, 1, 3],
    [-500, perDollar, 1, 0],
  ])("gives %i minor units at %j ×%f → %i points", (amount, rate, multiplier, expected) => {
    expect(basePoints(amount, rate, multiplier)).toBe(expected);
  });

  it("is a non-negative integer, monotonic in the amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, extra) => {
        const a = basePoints(amount, perDollar, 1.5);
        expect(Number.isInteger(a)).toBe(true);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(basePoints(amount + extra, perDollar, 1.5)).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});

describe("tierFor", () => {
  const tiers = defaultPlan().tiers;
  it.each([
    [0, "bronze"],
    [499, "bronze"],
    [500, "silver"],
    [1500, "gold"],
  ])("puts %i qualifying points in %s", (points, key) => {
    expect(tierFor(tiers, points)?.key).toBe(key);
  });
});

describe("addMonths", () => {
  it.each([
    ["2026-01-31T10:00:00Z", 1, "2026-02-28T10:00:00.000Z"],
    ["2024-01-31T10:00:00Z", 1, "2024-02-29T10:00:00.000Z"],
    ["2026-03-15T00:00:00Z", 12, "2027-03-15T00:00:00.000Z"],
    ["2026-12-31T23:59:00Z", 2, "2027-02-28T23:59:00.000Z"],
  ])("%s + %i months = %s", (start, months, expected) => {
    expect(addMonths(new Date(start), months).toISOString()).toBe(expected);
  });
});
