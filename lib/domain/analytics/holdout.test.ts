import { describe, expect, it } from "vitest";
import { CDNOW_HOLDOUT_WEEKS, cdnowSampleCohort, cdnowSampleSummaries } from "@/tests/support/cdnow-sample";
import { expectedPurchases, expectedRepeatPurchases, fitBgNbd } from "./bg-nbd";
import { cumulativeRepeatTracking, holdoutComparison } from "./holdout";

const PARAMS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

let cdnowFit: ReturnType<typeof fitBgNbd> | undefined;
const fitCdnow = () => (cdnowFit ??= fitBgNbd(cdnowSampleSummaries()));

describe("holdoutComparison", () => {
  it("buckets customers by calibration frequency, the last bucket open-ended", () => {
    const customers = [
      { x: 0, tx: 0, T: 30, holdoutOccasions: 1 },
      { x: 0, tx: 0, T: 20, holdoutOccasions: 0 },
      { x: 2, tx: 10, T: 30, holdoutOccasions: 3 },
      { x: 5, tx: 25, T: 30, holdoutOccasions: 4 },
    ];
    const result = holdoutComparison(PARAMS, customers, 39, 3);
    expect(result.buckets.map((b) => [b.label, b.customers, b.actualMean])).toEqual([
      ["0", 2, 0.5],
      ["1", 0, 0],
      ["2", 1, 3],
      ["3+", 1, 4],
    ]);
    const predicted0 = (expectedPurchases(PARAMS, customers[0]!, 39) + expectedPurchases(PARAMS, customers[1]!, 39)) / 2;
    expect(result.buckets[0]!.predictedMean).toBeCloseTo(predicted0, 12);
    expect(result.actualTotal).toBe(8);
    expect(result.relativeError).toBeCloseTo((result.predictedTotal - 8) / 8, 12);
  });

  it("follows the actual CDNOW holdout purchases per calibration frequency (weeks 1–39 → 40–78)", () => {
    const customers = cdnowSampleSummaries();
    const { params } = fitCdnow();
    const result = holdoutComparison(params, customers, CDNOW_HOLDOUT_WEEKS);
    // The data side, as in the papers and the BTYD walkthrough: bucket sizes and actual means.
    expect(result.buckets.map((b) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(result.buckets.map((b) => Number(b.actualMean.toFixed(4)))).toEqual([0.2367, 0.697, 1.3925, 1.56, 2.5323, 2.9474, 3.8621, 6.3594]);
    expect(result.actualTotal).toBe(1882);
    // The model side: rising with frequency and close to each bucket's actual mean.
    result.buckets.slice(1).forEach((b, i) => expect(b.predictedMean).toBeGreaterThan(result.buckets[i]!.predictedMean));
    for (const b of result.buckets) expect(Math.abs(b.predictedMean - b.actualMean) / b.actualMean).toBeLessThan(0.3);
    // In aggregate the BG/NBD under-forecasts this holdout by about 12% (1,653 vs 1,882), most of
    // it from the one- and two-purchase buckets, as in the paper's Figure 4.
    expect(result.relativeError).toBeGreaterThan(-0.15);
    expect(result.relativeError).toBeLessThan(-0.08);
  });
});

describe("cumulativeRepeatTracking", () => {
  it("counts a purchase on day d in week ⌊d/7⌋ + 1 and predicts Σ E[X(week − start)]", () => {
    const customers = [
      { firstWeek: 0, repeatWeeks: [0.5, 1, 2.9] },
      { firstWeek: 1, repeatWeeks: [3.5] },
    ];
    const points = cumulativeRepeatTracking(PARAMS, customers, 3);
    expect(points.map((p) => p.actual)).toEqual([1, 2, 3]);
    expect(points[2]!.predicted).toBeCloseTo(expectedRepeatPurchases(PARAMS, 3) + expectedRepeatPurchases(PARAMS, 2), 12);
  });

  it("tracks the CDNOW cohort's cumulative repeat purchases to within 5% at week 78", () => {
    const { params } = fitCdnow();
    const points = cumulativeRepeatTracking(params, cdnowSampleCohort(), 78);
    const at = (week: number) => points[week - 1]!;
    expect(at(39).actual).toBe(2457); // every calibration repeat purchase, Σ x
    expect(at(78).actual).toBe(2457 + 1882);
    expect(Math.abs(at(39).predicted / at(39).actual - 1)).toBeLessThan(0.03);
    expect(Math.abs(at(78).predicted / at(78).actual - 1)).toBeLessThan(0.05);
  });
});
