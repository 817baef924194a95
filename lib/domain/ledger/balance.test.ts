import { describe, expect, it } from "vitest";
import { applyDelta, reversibleRemainder, ZERO_BALANCE } from "./balance";

describe("applyDelta", () => {
  it("adds each delta to its balance", () => {
    expect(applyDelta({ ...ZERO_BALANCE, available: 10 }, { available: -4, lifetimeRedeemed: 4 })).toMatchObject({ available: 6, lifetimeRedeemed: 4 });
  });

  it("refuses to make any balance negative", () => {
    expect(() => applyDelta(ZERO_BALANCE, { held: -1 })).toThrow(RangeError);
  });
});

describe("reversibleRemainder", () => {
  it.each([
    [100, 0, 100],
    [100, 40, 60],
    [100, 100, 0],
    [100, 130, 0],
  ])("of %i points with %i reversed is %i", (original, reversed, expected) => {
    expect(reversibleRemainder(original, reversed)).toBe(expected);
  });
});
