import { describe, expect, it } from "vitest";
import { buildEndOfDayReport, endOfDayCsvRows, localDate, parseReportDate, plainMoney } from "./end-of-day";
import { pointsForAmount, pointsValueMinor } from "./points-payment";
import { readScannedCode } from "./scanned-code";

describe("buildEndOfDayReport", () => {
  const report = buildEndOfDayReport({
    ledger: [
      { actor: "user:b", kind: "earn", count: 2, points: 300, net: 300, positive: 300, negative: 0 },
      { actor: "user:a", kind: "earn", count: 1, points: 100, net: 100, positive: 100, negative: 0 },
      { actor: "user:a", kind: "redeem", count: 1, points: 50, net: -50, positive: 0, negative: 50 },
      { actor: "user:a", kind: "hold", count: 1, points: 40, net: 0, positive: 0, negative: 0 },
      { actor: "user:a", kind: "capture", count: 1, points: 30, net: -30, positive: 0, negative: 0 },
      { actor: "user:b", kind: "adjust", count: 2, points: 25, net: 5, positive: 15, negative: 10 },
    ],
    purchases: [
      { actor: "user:a", count: 1, amountMinor: 10_000 },
      { actor: "user:b", count: 2, amountMinor: 25_050 },
    ],
    refunds: [{ actor: "user:b", count: 1, amountMinor: 5_000, pointsReversed: 60, clawbackPoints: 10, net: -50 }],
    coupons: [{ actor: "user:a", count: 2 }],
  });

  it("sums each person's day, ordered by who they are", () => {
    expect(report.byActor.map((r) => r.actor)).toEqual(["user:a", "user:b"]);
    expect(report.byActor[0]!.activity).toMatchObject({ purchases: 1, purchaseAmountMinor: 10_000, pointsIssued: 100, redemptions: 2, pointsRedeemed: 80, couponsRedeemed: 2, netPoints: 20 });
    expect(report.byActor[1]!.activity).toMatchObject({ purchases: 2, pointsIssued: 300, returns: 1, pointsReversed: 60, clawbackPoints: 10, adjustments: 2, pointsAdded: 15, pointsRemoved: 10, netPoints: 255 });
  });

  it("totals equal the sum of the people, and net points equal the ledger's deltas", () => {
    expect(report.totals).toMatchObject({ purchases: 3, purchaseAmountMinor: 35_050, pointsIssued: 400, pointsRedeemed: 80, returns: 1, netPoints: 300 - 50 - 30 + 5 + 100 - 50 });
  });

  it("is empty for a quiet day", () => {
    expect(buildEndOfDayReport({ ledger: [], purchases: [], refunds: [], coupons: [] })).toEqual({ byActor: [], totals: expect.objectContaining({ purchases: 0, netPoints: 0 }) });
  });

  it("writes CSV rows with plain money and a total line", () => {
    const rows = endOfDayCsvRows(report, { date: "2026-11-23", storeCode: "S-1", currency: "MXN", minorDigits: 2, labelOf: (a) => a.replace("user:", "") });
    expect(rows[0]!.slice(0, 5)).toEqual(["date", "store", "staff", "purchases", "purchaseAmount_MXN"]);
    expect(rows.at(-1)!.slice(0, 5)).toEqual(["2026-11-23", "S-1", "TOTAL", "3", "350.50"]);
    expect(rows).toHaveLength(4);
  });
});

describe("plainMoney", () => {
  it.each([
    [0, 2, "0.00"],
    [5, 2, "0.05"],
    [123456, 2, "1234.56"],
    [-250, 2, "-2.50"],
    [1500, 0, "1500"],
    [1234, 3, "1.234"],
  ])("%i minor units with %i digits → %s", (minor, digits, text) => {
    expect(plainMoney(minor, digits)).toBe(text);
  });
});

describe("day on the program's calendar", () => {
  it.each([
    ["2026-11-24T05:59:00Z", "America/Mexico_City", "2026-11-23"],
    ["2026-11-24T06:00:00Z", "America/Mexico_City", "2026-11-24"],
    ["2026-11-23T23:30:00Z", "Asia/Tokyo", "2026-11-24"],
  ])("%s in %s is %s", (at, zone, day) => {
    expect(localDate(new Date(at), zone)).toBe(day);
  });

  it.each([
    ["2026-02-28", "2026-02-28"],
    ["2026-02-30", null],
    ["26-02-01", null],
    ["", null],
    [null, null],
  ])("parses %s as %s", (value, expected) => {
    expect(parseReportDate(value)).toBe(expected);
  });
});

describe("readScannedCode", () => {
  it.each([
    ["LZ-7KQ4M-9XPAB", "LZ-7KQ4M-9XPAB"],
    ["lz7kq4m9xpab", "LZ-7KQ4M-9XPAB"],
    ["  lz 7kq4m 9xpab\n", "LZ-7KQ4M-9XPAB"],
    ["https://lazo.example/c?code=LZ-7KQ4M-9XPAB", "LZ-7KQ4M-9XPAB"],
    ["PARTNER-1234", "PARTNER-1234"],
  ])("reads %j as the coupon %s", (raw, code) => {
    expect(readScannedCode(raw)).toEqual({ kind: "coupon", code });
  });

  it("recognises a member card's QR and an empty scan", () => {
    expect(readScannedCode("LZ1.3f1b8c2e-1111-4222-8333-444455556666.1790000000.abcdef")).toEqual({ kind: "member_card" });
    expect(readScannedCode("  \r\n")).toEqual({ kind: "empty" });
  });
});

describe("points as payment", () => {
  it.each([
    [1000, 1000, 1000],
    [1001, 1000, 1001],
    [1000, 10, 100_000],
    [1, 3, 334],
  ])("%i minor units at %i milli a point need %i points", (amount, milli, points) => {
    expect(pointsForAmount(amount, milli)).toBe(points);
    expect(pointsValueMinor(points, milli)!).toBeGreaterThanOrEqual(amount);
  });

  it("has no money value without a point value", () => {
    expect(pointsValueMinor(100, null)).toBeNull();
    expect(pointsValueMinor(100, 10)).toBe(1);
  });
});
