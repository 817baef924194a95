import { describe, expect, it } from "vitest";
import { endOfFollowingPeriod, inactivityExpiryDate, isInactive, lotExpiry } from "./expiry-policy";

const d = (iso: string) => new Date(iso);
const MX = "America/Mexico_City"; // UTC-6 all year (no DST since 2022)

describe("endOfFollowingPeriod", () => {
  it.each([
    ["a point earned mid-2026 lives until 2027 ends", "2026-06-15T18:00:00Z", "year", MX, "2028-01-01T06:00:00.000Z"],
    ["the first local minute of 2026", "2026-01-01T06:00:00Z", "year", MX, "2028-01-01T06:00:00.000Z"],
    ["New Year's Eve in Mexico City is still 2026 there (already 2027 in UTC)", "2027-01-01T05:30:00Z", "year", MX, "2028-01-01T06:00:00.000Z"],
    ["Q1 earn → end of Q2", "2026-02-10T12:00:00Z", "quarter", MX, "2026-07-01T06:00:00.000Z"],
    ["last local day of Q1 → still end of Q2", "2026-04-01T05:00:00Z", "quarter", MX, "2026-07-01T06:00:00.000Z"],
    ["Q3 earn → end of Q4", "2026-08-01T12:00:00Z", "quarter", "UTC", "2027-01-01T00:00:00.000Z"],
    ["Q4 earn → end of next year's Q1", "2026-11-30T12:00:00Z", "quarter", "UTC", "2027-04-01T00:00:00.000Z"],
    ["a zone with daylight saving (Santiago, UTC-3 in January)", "2026-05-05T12:00:00Z", "year", "America/Santiago", "2028-01-01T03:00:00.000Z"],
  ] as const)("%s", (_name, earned, period, zone, expected) => {
    expect(endOfFollowingPeriod(d(earned), period, zone).toISOString()).toBe(expected);
  });
});

describe("lotExpiry", () => {
  it.each([
    ["rolling 12 months", { kind: "rolling", months: 12 }, "2026-03-31T10:00:00.000Z"],
    ["end of the following year (earned 2025 → end of 2026)", { kind: "end_of_period", period: "year" }, "2027-01-01T06:00:00.000Z"],
    ["inactivity: lots carry no date", { kind: "inactivity", months: 6 }, null],
    ["never", { kind: "none" }, null],
  ] as const)("%s", (_name, policy, expected) => {
    expect(lotExpiry(policy, d("2025-03-31T10:00:00Z"), MX)?.toISOString() ?? null).toBe(expected);
  });
});

describe("inactivity", () => {
  it.each([
    ["the day before N months have passed", "2026-01-15T12:00:00Z", 6, "2026-07-15T11:59:59Z", false],
    ["exactly N months later", "2026-01-15T12:00:00Z", 6, "2026-07-15T12:00:00Z", true],
    ["long after", "2025-01-01T00:00:00Z", 12, "2026-11-01T00:00:00Z", true],
    ["clamped to the shorter month's end (Aug 31 + 6 = Feb 28)", "2026-08-31T09:00:00Z", 6, "2027-02-28T09:00:00Z", true],
    ["recent activity", "2026-10-01T00:00:00Z", 3, "2026-11-23T00:00:00Z", false],
  ] as const)("%s", (_name, last, months, now, inactive) => {
    expect(isInactive(d(last), months, d(now))).toBe(inactive);
  });

  it("dates the lapse N months after the last activity", () => {
    expect(inactivityExpiryDate(d("2026-05-20T15:00:00Z"), 18).toISOString()).toBe("2027-11-20T15:00:00.000Z");
  });
});
