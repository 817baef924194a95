import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distribute } from "./distribute";

describe("distribute", () => {
  it.each([
    [10, [1, 1, 1], [4, 3, 3]],
    [5, [0, 2, 2], [0, 3, 2]],
    [7, [0, 0], [0, 0]],
    [0, [3, 4], [0, 0]],
    [3, [1, -1, 1], [2, 0, 1]],
  ])("splits %i over %j as %j", (total, weights, expected) => {
    expect(distribute(total, weights)).toEqual(expected);
  });

  it("always adds up to the total, in proportion within one point", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        const parts = distribute(total, weights);
        const sum = weights.reduce((s, w) => s + w, 0);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(sum > 0 ? total : 0);
        parts.forEach((p, i) => {
          expect(Number.isInteger(p) && p >= 0).toBe(true);
          if (sum > 0) expect(Math.abs(p - (weights[i]! * total) / sum)).toBeLessThan(1);
        });
      }),
    );
  });
});
