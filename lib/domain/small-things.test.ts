import { describe, expect, it } from "vitest";
import { isValidCardNumber, luhnCheckDigit, makeCardNumber } from "./card-number";
import { canonicalJson } from "./canonical-json";
import { currencyDigits, isKnownCurrency, isKnownTimeZone, toMinorUnits } from "./money";

describe("card numbers", () => {
  it("computes the Luhn digit of a known number", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3);
  });

  it("makes 16-digit numbers that pass the check and catch a typo", () => {
    let i = 0;
    const card = makeCardNumber(() => i++ % 10);
    expect(card).toMatch(/^7\d{15}$/);
    expect(isValidCardNumber(card)).toBe(true);
    const typo = card.slice(0, 5) + String((Number(card[5]) + 1) % 10) + card.slice(6);
    expect(isValidCardNumber(typo)).toBe(false);
  });
});

describe("canonicalJson", () => {
  it("is the same text whatever the key order, and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(canonicalJson({ a: { d: [2, { y: 2, z: 1 }] }, b: 1 }));
    expect(canonicalJson({ at: new Date("2026-01-01T00:00:00Z") })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
  });
});

describe("money", () => {
  it.each([
    ["USD", 2],
    ["MXN", 2],
    ["CLP", 0],
    ["KWD", 3],
  ])("%s has %i minor digits", (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });

  it("converts to minor units and refuses extra decimals", () => {
    expect(toMinorUnits(12.34, "USD")).toBe(1234);
    expect(toMinorUnits(0.1 + 0.2, "USD")).toBe(30);
    expect(toMinorUnits(1500, "CLP")).toBe(1500);
    expect(() => toMinorUnits(12.345, "USD")).toThrow(RangeError);
    expect(() => toMinorUnits(10.5, "CLP")).toThrow(RangeError);
  });

  it("knows real currencies and time zones only", () => {
    expect(isKnownCurrency("MXN")).toBe(true);
    expect(isKnownCurrency("XYZ")).toBe(false);
    expect(isKnownTimeZone("America/Santiago")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
  });
});
