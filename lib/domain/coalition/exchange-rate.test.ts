import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertPoints, inverseRate, isValidRate, MAX_RATE_TERM, MAX_TRANSFER_POINTS, parseDecimalRate, rateAsDecimal, reduceRate } from "./exchange-rate";

describe("convertPoints", () => {
  it.each([
    [100, { numerator: 1, denominator: 2 }, 50],
    [101, { numerator: 1, denominator: 2 }, 50],
    [1, { numerator: 1, denominator: 2 }, 0],
    [3, { numerator: 2, denominator: 1 }, 6],
    [10, { numerator: 1, denominator: 3 }, 3],
    [7, { numerator: 3, denominator: 7 }, 3],
    [MAX_TRANSFER_POINTS, { numerator: MAX_RATE_TERM, denominator: 1 }, MAX_TRANSFER_POINTS * MAX_RATE_TERM],
  ])("turns %i points at %o into %i", (points, rate, expected) => {
    expect(convertPoints(points, rate)).toBe(expected);
  });

  const rate = fc.record({ numerator: fc.integer({ min: 1, max: MAX_RATE_TERM }), denominator: fc.integer({ min: 1, max: MAX_RATE_TERM }) });
  const points = fc.integer({ min: 1, max: MAX_TRANSFER_POINTS });

  it("never credits more than the rate allows, and loses less than one point to rounding", () => {
    fc.assert(
      fc.property(points, rate, (p, r) => {
        const credited = convertPoints(p, r);
        // Exact integer comparisons: credited ≤ p·n/d < credited + 1.
        expect(BigInt(credited) * BigInt(r.denominator) <= BigInt(p) * BigInt(r.numerator)).toBe(true);
        expect((BigInt(credited) + 1n) * BigInt(r.denominator) > BigInt(p) * BigInt(r.numerator)).toBe(true);
      }),
    );
  });

  it("creates no points on a round trip at the reciprocal rate", () => {
    fc.assert(fc.property(points, rate, (p, r) => convertPoints(convertPoints(p, r), inverseRate(r)) <= p));
  });

  it("gives the same credit for split transfers or less than for one transfer", () => {
    fc.assert(
      fc.property(points, points, rate, (a, b, r) => convertPoints(a, r) + convertPoints(b, r) <= convertPoints(a + b, r)),
    );
  });
});

describe("rates", () => {
  it.each([
    ["0.5", { numerator: 1, denominator: 2 }],
    ["0,25", { numerator: 1, denominator: 4 }],
    ["2", { numerator: 2, denominator: 1 }],
    ["1.3333", { numerator: 13333, denominator: 10000 }],
    [" 3 ", { numerator: 3, denominator: 1 }],
  ])("reads %s", (text, rate) => expect(parseDecimalRate(text)).toEqual(rate));

  it.each(["0", "0.0", "-1", "abc", "", "1.23456", "1e3", "1234567"])("refuses %s", (text) => expect(parseDecimalRate(text)).toBeNull());

  it("reduces to lowest terms and shows decimals", () => {
    expect(reduceRate({ numerator: 4, denominator: 8 })).toEqual({ numerator: 1, denominator: 2 });
    expect(rateAsDecimal({ numerator: 1, denominator: 3 })).toBe(0.3333);
    expect(isValidRate({ numerator: 0, denominator: 1 })).toBe(false);
    expect(isValidRate({ numerator: 1, denominator: MAX_RATE_TERM + 1 })).toBe(false);
  });
});
