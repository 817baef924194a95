import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLV_BINS, clvBinBounds, clvBinOf, clvBinWidth } from "./clv-bins";

describe("CLV bins", () => {
  it("picks a nice width whose ten bins reach the 95th percentile", () => {
    // 100 members: the 95th percentile is the 96th value, 9,600 → a tenth is 960 → width 1,000.
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) * 100);
    expect(clvBinWidth(values)).toBe(1_000);
    expect(clvBinWidth([])).toBeNull();
    expect(clvBinWidth([0, 0, 3])).toBe(1);
  });

  it("puts every value in exactly the bin whose bounds hold it, the tail in the last", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
        const width = clvBinWidth(values)!;
        expect([1, 2, 5].includes(width / 10 ** Math.floor(Math.log10(width)))).toBe(true);
        for (const v of values) {
          const bin = clvBinOf(v, width);
          const { from, to } = clvBinBounds(bin, width);
          expect(bin).toBeGreaterThanOrEqual(0);
          expect(bin).toBeLessThan(CLV_BINS);
          expect(v).toBeGreaterThanOrEqual(from);
          if (to !== null) expect(v).toBeLessThan(to);
        }
        // The ten bins' span reaches at least 95% of the members: only the tail lies beyond it.
        const spanned = values.filter((v) => v <= CLV_BINS * width).length;
        expect(spanned / values.length).toBeGreaterThanOrEqual(0.95);
      }),
    );
  });
});
