import { describe, expect, it } from "vitest";
import { parseMoneyInput, parseQuantityInput } from "./money-input";

describe("parseMoneyInput", () => {
  it.each([
    ["150", 2, 15_000],
    ["150.5", 2, 15_050],
    ["150,50", 2, 15_050],
    ["1,234.50", 2, 123_450],
    ["1.234,50", 2, 123_450],
    ["1,234", 2, 123_400],
    ["$ 99.99", 2, 9_999],
    ["12.345", 2, 1_234_500],
    ["5000", 0, 5_000],
    ["5.000", 0, 5_000],
    ["1.5", 3, 1_500],
  ])("reads %s with %i decimals as %i", (text, digits, minor) => {
    expect(parseMoneyInput(text, digits)).toBe(minor);
  });

  it.each(["", "abc", "-5", "1.2.3x", "1.5", "12.3456"])("refuses %j for a currency without that many decimals", (text) => {
    expect(parseMoneyInput(text, text === "1.5" ? 0 : 2)).toBeNaN();
  });
});

describe("parseQuantityInput", () => {
  it("reads whole and decimal quantities and refuses the rest", () => {
    expect(parseQuantityInput("2")).toBe(2);
    expect(parseQuantityInput("0,250")).toBe(0.25);
    expect(parseQuantityInput("two")).toBeNaN();
  });
});
