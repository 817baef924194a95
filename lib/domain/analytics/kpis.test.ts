import { describe, expect, it } from "vitest";
import {
  summarizeTierMoves,
  averageTicketMinor,
  breakageRate,
  bucketMargins,
  bucketPoints,
  bucketStart,
  grossMargin,
  histogram,
  liabilityMinor,
  monthsBetween,
  pickGranularity,
  purchaseFrequency,
  redemptionRate,
  repeatPurchaseRate,
  retentionMatrix,
} from "./kpis";

describe("ratios", () => {
  it.each([
    [{ revenueMinor: 10_000, purchases: 3 }, 3333],
    [{ revenueMinor: 10_001, purchases: 2 }, 5001],
    [{ revenueMinor: 0, purchases: 0 }, null],
  ])("computes the average ticket of %o as %s", (input, expected) => {
    expect(averageTicketMinor(input)).toBe(expected);
  });

  it.each([
    [{ buyers: 10, repeatBuyers: 4 }, 0.4],
    [{ buyers: 0, repeatBuyers: 0 }, null],
  ])("computes the repeat purchase rate of %o as %s", (input, expected) => {
    expect(repeatPurchaseRate(input)).toBe(expected);
  });

  it("computes purchases per buying member", () => {
    expect(purchaseFrequency({ memberPurchases: 25, buyers: 10 })).toBe(2.5);
    expect(purchaseFrequency({ memberPurchases: 0, buyers: 0 })).toBeNull();
  });

  it.each([
    [{ issued: 1000, reversed: 0, redeemed: 250 }, 0.25],
    [{ issued: 1000, reversed: 500, redeemed: 250 }, 0.5],
    [{ issued: 100, reversed: 100, redeemed: 10 }, null],
  ])("computes the redemption rate of %o net of reversals as %s", (input, expected) => {
    expect(redemptionRate(input)).toBe(expected);
  });

  it.each([
    [{ redeemed: 300, expired: 100 }, 0.25],
    [{ redeemed: 0, expired: 50 }, 1],
    [{ redeemed: 0, expired: 0 }, null],
  ])("computes breakage of %o as %s", (input, expected) => {
    expect(breakageRate(input)).toBe(expected);
  });

  it.each([
    [{ outstandingPoints: 12_345, pointValueMilli: 10_000 }, 123_450],
    [{ outstandingPoints: 1_000, pointValueMilli: 10 }, 10],
    [{ outstandingPoints: 3, pointValueMilli: 500 }, 2],
    [{ outstandingPoints: 0, pointValueMilli: 10_000 }, 0],
  ])("values the liability of %o at %s minor units", (input, expected) => {
    expect(liabilityMinor(input)).toBe(expected);
  });
});

describe("retention by monthly cohort", () => {
  it("counts whole months across years", () => {
    expect(monthsBetween("2026-11", "2027-02-15")).toBe(3);
    expect(monthsBetween("2026-05-31", "2026-05-01")).toBe(0);
  });

  it("divides each month's buyers by the cohort size and leaves the unseen future null", () => {
    const rows = retentionMatrix(
      [
        { cohort: "2026-01", offset: 0, members: 10 },
        { cohort: "2026-01", offset: 1, members: 4 },
        { cohort: "2026-01", offset: 2, members: 2 },
        { cohort: "2026-02", offset: 0, members: 5 },
        { cohort: "2026-03", offset: 0, members: 8 },
        { cohort: "2026-03", offset: 0, members: 2 },
      ],
      { lastMonth: "2026-03", offsets: 4 },
    );
    expect(rows).toEqual([
      { cohort: "2026-01", size: 10, shares: [1, 0.4, 0.2, null] },
      { cohort: "2026-02", size: 5, shares: [1, 0, null, null] },
      { cohort: "2026-03", size: 10, shares: [1, null, null, null] },
    ]);
  });
});

describe("points over time", () => {
  it.each([
    ["2026-01-01", "2026-01-31", "day"],
    ["2026-01-01", "2026-12-31", "week"],
    ["1997-01-01", "1998-06-30", "month"],
  ] as const)("shows %s…%s by %s", (from, to, expected) => {
    expect(pickGranularity(from, to)).toBe(expected);
  });

  it("starts weeks on Monday and months on the 1st", () => {
    expect(bucketStart("2026-12-03", "week")).toBe("2026-11-30");
    expect(bucketStart("2026-11-30", "week")).toBe("2026-11-30");
    expect(bucketStart("2026-12-06", "week")).toBe("2026-11-30");
    expect(bucketStart("2026-12-03", "month")).toBe("2026-12-01");
  });

  it("sums days into ordered buckets", () => {
    expect(
      bucketPoints(
        [
          { day: "2026-02-03", issued: 5, redeemed: 1, expired: 0 },
          { day: "2026-01-31", issued: 10, redeemed: 0, expired: 2 },
          { day: "2026-02-20", issued: 1, redeemed: 1, expired: 1 },
        ],
        "month",
      ),
    ).toEqual([
      { day: "2026-01-01", issued: 10, redeemed: 0, expired: 2 },
      { day: "2026-02-01", issued: 6, redeemed: 2, expired: 1 },
    ]);
  });
});

describe("histogram", () => {
  it("puts every value in a bin and the tail in the last one", () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const bins = histogram([...values, 10_000], 5);
    expect(bins).toHaveLength(5);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(101);
    expect(bins[4]!.count).toBeGreaterThan(bins[0]!.count);
    expect(histogram([], 5)).toEqual([]);
  });
});

describe("gross margin", () => {
  const base = { revenueMinor: 10_000, refundedMinor: 0, costedPurchases: 2, costedRevenueMinor: 8_000, costMinor: 5_000 };
  it.each([
    ["costed lines", base, { marginMinor: 3_000, rate: 3_000 / 8_000, coverage: 0.8 }],
    ["refunds shrink the net sales the coverage is measured on", { ...base, refundedMinor: 2_000, costedRevenueMinor: 6_000, costMinor: 3_750 }, { marginMinor: 2_250, rate: 0.375, coverage: 0.75 }],
    ["a sale below cost", { ...base, costMinor: 9_000 }, { marginMinor: -1_000, rate: -0.125 }],
    ["line rounding past the ticket's amount caps the coverage at 100 %", { ...base, costedRevenueMinor: 10_002 }, { coverage: 1 }],
    ["refunds taking back all the costed revenue leave no rate", { ...base, refundedMinor: 10_000, costedRevenueMinor: 0, costMinor: 0 }, { marginMinor: 0, rate: null, coverage: null }],
  ])("computes %s", (_name, input, expected) => {
    expect(grossMargin(input)).toMatchObject(expected);
  });

  it("is unknown, not 0 %, when no purchase had a unit cost", () => {
    expect(grossMargin({ ...base, costedPurchases: 0, costedRevenueMinor: 0, costMinor: 0 })).toBeNull();
    // A refund in the period of a costed purchase from before it is not a margin of the period.
    expect(grossMargin({ ...base, costedPurchases: 0, costedRevenueMinor: -500, costMinor: -300 })).toBeNull();
  });

  it("sums members' and non-members' daily margins into buckets", () => {
    expect(bucketMargins([{ day: "2026-02-03", members: 5, nonMembers: -1 }, { day: "2026-01-31", members: 10, nonMembers: 0 }, { day: "2026-02-20", members: 1, nonMembers: 2 }], "month")).toEqual([
      { day: "2026-01-01", members: 10, nonMembers: 0 },
      { day: "2026-02-01", members: 6, nonMembers: 1 },
    ]);
  });
});

describe("tier migration", () => {
  const plan = ["bronze", "silver", "gold"];
  it("labels moves against the plan's order and adds up who went up and down", () => {
    const summary = summarizeTierMoves([
      { fromTier: "gold", toTier: "silver", members: 3 },
      { fromTier: null, toTier: "bronze", members: 40 },
      { fromTier: "bronze", toTier: "gold", members: 3 },
      { fromTier: "silver", toTier: null, members: 1 },
      { fromTier: "legacy", toTier: null, members: 2 },
    ], plan);
    expect(summary.rows.map((r) => [r.fromTier, r.toTier, r.direction])).toEqual([
      [null, "bronze", "up"],
      ["bronze", "gold", "up"],
      ["gold", "silver", "down"],
      ["legacy", null, "lateral"],
      ["silver", null, "down"],
    ]);
    expect(summary).toMatchObject({ up: 43, down: 4 });
  });

  it("is empty without moves", () => {
    expect(summarizeTierMoves([], plan)).toEqual({ rows: [], up: 0, down: 0 });
  });
});
