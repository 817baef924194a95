import { describe, expect, it } from "vitest";
import { formatPointValue, maxPointValueText, parsePointValue, pointsWorthMinor } from "./point-value";

describe("parsePointValue", () => {
  it.each([
    ["0.01", 2, 1_000],
    ["0,01", 2, 1_000],
    ["0.05", 2, 5_000],
    ["1", 2, 100_000],
    [".5", 2, 50_000],
    ["0.00001", 2, 1],
    ["0.010000", 2, 1_000],
    ["0", 2, 0],
    ["-0", 2, 0],
    ["1.5", 0, 1_500],
    ["0.001", 0, 1],
    ["0.000001", 3, 1],
    ["0.0001", 3, 100],
    ["10000", 2, 1_000_000_000],
    ["  0.02 ", 2, 2_000],
  ])("reads %j with %i currency decimals as %i milli", (text, digits, milli) => {
    expect(parsePointValue(text, digits)).toEqual({ ok: true, milli });
  });

  it("reads an empty field as not set", () => {
    expect(parsePointValue("  ", 2)).toEqual({ ok: true, milli: null });
  });

  it.each([
    ["abc", 2, "format"],
    ["1.000,5", 2, "format"],
    ["1,000.5", 2, "format"],
    ["1e3", 2, "format"],
    [".", 2, "format"],
    ["-", 2, "format"],
    ["-0.01", 2, "negative"],
    ["0.000001", 2, "precision"],
    ["0.0001", 0, "precision"],
    ["10000.00001", 2, "too_large"],
    ["99999999999", 2, "too_large"],
  ])("refuses %j (%i decimals) as %s", (text, digits, problem) => {
    expect(parsePointValue(text, digits)).toMatchObject({ ok: false, problem, maxDecimals: digits + 3 });
  });
});

describe("formatPointValue", () => {
  it.each([
    [1_000, 2, "0.01"],
    [5_000, 2, "0.05"],
    [1, 2, "0.00001"],
    [0, 2, "0.00"],
    [100_000, 2, "1.00"],
    [1_500, 0, "1.5"],
    [3_000, 0, "3"],
    [1_000_000_000, 2, "10000.00"],
  ])("shows %i milli with %i decimals as %s", (milli, digits, text) => {
    expect(formatPointValue(milli, digits)).toBe(text);
  });

  it("round-trips every value it shows", () => {
    for (const milli of [0, 1, 7, 999, 1_000, 12_345, 1_000_000_000]) {
      for (const digits of [0, 2, 3]) expect(parsePointValue(formatPointValue(milli, digits), digits)).toEqual({ ok: true, milli });
    }
  });
});

describe("the example line and the cap", () => {
  it("prices 1,000 points at USD 0.01 as 1,000 cents", () => {
    expect(pointsWorthMinor(1_000, 1_000)).toBe(1_000);
    expect(pointsWorthMinor(1_000, 5)).toBe(5);
    expect(pointsWorthMinor(3, 500)).toBe(2);
  });

  it("states the largest value in the currency", () => {
    expect(maxPointValueText(2)).toBe("10000");
    expect(maxPointValueText(0)).toBe("1000000");
  });
});
