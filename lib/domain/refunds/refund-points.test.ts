import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateLineRefunds, amountOfLineRefunds, pointsForAmountRefund, pointsForLineRefund, proportionalPoints, type LineState } from "./refund-points";

/** Runs a sequence of partial amount refunds and returns each reversal. */
function refundAmounts(earned: number, amountMinor: number, parts: number[]): number[] {
  let refundedMinor = 0;
  let reversedSoFar = 0;
  const out: number[] = [];
  for (const part of parts) {
    const refundMinor = Math.min(part, amountMinor - refundedMinor);
    const points = pointsForAmountRefund({ earned, amountMinor, refundedMinor, reversedSoFar, refundMinor });
    refundedMinor += refundMinor;
    reversedSoFar += points;
    out.push(points);
  }
  return out;
}

describe("refund points by amount", () => {
  it.each([
    [100, 10_000, [5_000], [50]],
    [100, 10_000, [3_333, 3_333, 3_334], [33, 33, 34]],
    [7, 300, [100, 100, 100], [2, 2, 3]],
    [0, 10_000, [10_000], [0]],
  ])("reverses %i points of a %i purchase refunded in parts %j as %j", (earned, amount, parts, expected) => {
    expect(refundAmounts(earned, amount, parts)).toEqual(expected);
  });

  it("never reverses more than earned, each step is non-negative, and a full refund reverses everything", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 100_000_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000_000_000 }), { maxLength: 12 }), (earned, amount, parts) => {
        const reversals = refundAmounts(earned, amount, [...parts, amount]);
        expect(reversals.every((r) => r >= 0)).toBe(true);
        expect(reversals.reduce((a, b) => a + b, 0)).toBe(earned);
      }),
    );
  });

  it("is monotonic: refunding more of the purchase never reverses fewer points", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (earned, amount, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(proportionalPoints(earned, lo, amount)).toBeLessThanOrEqual(proportionalPoints(earned, hi, amount));
        expect(proportionalPoints(earned, hi, amount)).toBeLessThanOrEqual(earned);
      }),
    );
  });

  it("splits equally however the same total is cut into partial refunds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 8 }), (earned, amount, parts) => {
        const total = Math.min(amount, parts.reduce((a, b) => a + b, 0));
        const sum = refundAmounts(earned, amount, parts).reduce((a, b) => a + b, 0);
        expect(sum).toBe(proportionalPoints(earned, total, amount));
      }),
    );
  });
});

const LINES: LineState[] = [
  { lineNo: 1, sku: "CAFE", quantityMilli: 2000, refundedMilli: 0, points: 40, unitPriceMinor: 5000 },
  { lineNo: 2, sku: "PAN", quantityMilli: 3000, refundedMilli: 0, points: 30, unitPriceMinor: 2000 },
  { lineNo: 3, sku: "CAFE", quantityMilli: 1000, refundedMilli: 0, points: 20, unitPriceMinor: 5000 },
];

describe("refund points by lines", () => {
  it("spreads a SKU's quantity over its lines in order and refuses what the purchase lacks", () => {
    expect(allocateLineRefunds(LINES, [{ sku: "CAFE", quantityMilli: 2500 }])).toEqual({ ok: true, refunds: [{ lineNo: 1, quantityMilli: 2000 }, { lineNo: 3, quantityMilli: 500 }] });
    expect(allocateLineRefunds(LINES, [{ sku: "TE", quantityMilli: 1000 }])).toEqual({ ok: false, index: 0, reason: "unknown_sku" });
    expect(allocateLineRefunds(LINES, [{ sku: "PAN", quantityMilli: 2000 }, { sku: "PAN", quantityMilli: 1001 }])).toEqual({ ok: false, index: 1, reason: "exceeds" });
  });

  it("reverses the refunded lines' share of the engine's per-line points, scaled to what was earned", () => {
    const refunds = [{ lineNo: 2, quantityMilli: 1500 }];
    expect(pointsForLineRefund({ earned: 90, reversedSoFar: 0, lines: LINES, refunds })).toBe(15);
    // A purchase-level bonus made the purchase earn 180 for 90 line points: the share doubles.
    expect(pointsForLineRefund({ earned: 180, reversedSoFar: 0, lines: LINES, refunds })).toBe(30);
    expect(amountOfLineRefunds(LINES, refunds)).toBe(3000);
  });

  it("never reverses more than earned across any sequence of line refunds, and all lines refunded reverse everything", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.record({ sku: fc.constantFrom("CAFE", "PAN"), quantityMilli: fc.integer({ min: 1, max: 3000 }) }), { maxLength: 10 }), (earned, requests) => {
        let lines = LINES.map((l) => ({ ...l }));
        let reversed = 0;
        const apply = (req: { sku: string; quantityMilli: number }[]) => {
          const allocation = allocateLineRefunds(lines, req);
          if (!allocation.ok) return;
          const points = pointsForLineRefund({ earned, reversedSoFar: reversed, lines, refunds: allocation.refunds });
          expect(points).toBeGreaterThanOrEqual(0);
          reversed += points;
          lines = lines.map((l) => ({ ...l, refundedMilli: l.refundedMilli + (allocation.refunds.find((r) => r.lineNo === l.lineNo)?.quantityMilli ?? 0) }));
          expect(reversed).toBeLessThanOrEqual(earned);
        };
        for (const r of requests) apply([r]);
        apply(lines.filter((l) => l.quantityMilli > l.refundedMilli).map((l) => ({ sku: l.sku!, quantityMilli: l.quantityMilli - l.refundedMilli })));
        expect(reversed).toBe(earned);
      }),
    );
  });
});
