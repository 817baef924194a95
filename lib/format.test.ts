import { describe, expect, it } from "vitest";
import { currencyMinorDigits, formatDate, formatMoney, formatPercent, formatPoints, numberLocale } from "./format";

// Intl separates currency and number with U+00A0 in some locales; compare on plain spaces.
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, " ");

describe("formatPoints", () => {
  it.each([
    [1234567, "en", "1,234,567"],
    [1234567, "es-419", "1,234,567"],
    [1234567, "es", "1.234.567"],
    [0, "en", "0"],
    [-250, "en", "-250"],
  ])("formats %d in %s as %s", (points, locale, expected) => {
    expect(formatPoints(points, locale)).toBe(expected);
  });
});

describe("currencyMinorDigits", () => {
  it.each([
    ["USD", 2],
    ["MXN", 2],
    ["JPY", 0],
    ["CLP", 0],
    ["KWD", 3],
  ])("knows %s has %d minor digits", (currency, digits) => {
    expect(currencyMinorDigits(currency)).toBe(digits);
  });
});

describe("formatMoney", () => {
  it.each([
    [123456, "USD", "en-US", "$1,234.56"],
    [123456, "MXN", "es-MX", "$1,234.56"],
    [123456, "USD", "es-419", "USD 1,234.56"],
    [1500, "JPY", "en-US", "¥1,500"],
    [1500, "CLP", "es-CL", "$1.500"],
    [12345, "KWD", "en-US", "KWD 12.345"],
    [5, "USD", "en-US", "$0.05"],
  ])("shows %d minor units of %s in %s as %s", (minor, currency, locale, expected) => {
    expect(plain(formatMoney(minor, currency, locale))).toBe(expected);
  });
});

describe("formatPercent", () => {
  it("rounds to whole percents", () => {
    expect(formatPercent(0.4267, "en")).toBe("43%");
  });
});

describe("formatDate", () => {
  it("uses the program's time zone, not the server's", () => {
    const lateUtc = new Date("2024-03-01T03:30:00Z");
    expect(formatDate(lateUtc, "en-US", "America/Mexico_City")).toBe("Feb 29, 2024");
    expect(formatDate(lateUtc, "en-US", "UTC")).toBe("Mar 1, 2024");
  });

  it("writes Spanish month names", () => {
    expect(formatDate("2024-03-15T12:00:00Z", "es-MX", "America/Mexico_City")).toBe("15 mar 2024");
  });
});

describe("numberLocale", () => {
  it.each([
    ["es", undefined, "es-419"],
    ["es", "es-MX", "es-MX"],
    ["es", "en-US", "es-419"],
    ["en", "en-US", "en-US"],
    ["en", "es-MX", "en"],
  ])("formats UI %s with program locale %s as %s", (ui, program, expected) => {
    expect(numberLocale(ui, program)).toBe(expected);
  });
});
