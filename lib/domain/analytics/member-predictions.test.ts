import { describe, expect, it } from "vitest";
import { cdnowSampleSummaries } from "@/tests/support/cdnow-sample";
import { expectedPurchases, probabilityAlive } from "./bg-nbd";
import { customerLifetimeValue } from "./clv";
import { expectedAverageSpend } from "./gamma-gamma";
import { fitModels, predictMember } from "./member-predictions";

const models = { bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } };
const options = { asOf: "1997-09-30", horizonWeeks: 52, margin: 0.3, annualDiscountRate: 0.1 };

// CDNOW customer 1 plus a later purchase that asOf must ignore, and categories made up for the test.
const purchases = [
  { date: "1997-01-01", amount: 29.33, category: "rock" },
  { date: "1997-01-18", amount: 29.73, category: "jazz" },
  { date: "1997-08-02", amount: 14.96, category: "jazz" },
  { date: "1997-12-12", amount: 26.48, category: "rock" },
];

describe("predictMember", () => {
  it("combines the models on the member's history up to asOf", () => {
    const prediction = predictMember(models, purchases, options)!;
    const history = { x: 2, tx: 213 / 7, T: 272 / 7 };
    expect(prediction.summary).toMatchObject({ x: 2, meanRepeatSpend: (29.73 + 14.96) / 2 });
    expect(prediction.probabilityAlive).toBeCloseTo(probabilityAlive(models.bgNbd, history), 12);
    expect(prediction.expectedPurchases).toBeCloseTo(expectedPurchases(models.bgNbd, history, 52), 12);
    const spend = expectedAverageSpend(models.gammaGamma, { x: 2, meanSpend: 22.345 });
    expect(prediction.expectedSpend).toBeCloseTo(spend, 10);
    const clv = customerLifetimeValue({ params: models.bgNbd, history, expectedSpend: spend, margin: 0.3, horizonWeeks: 52, annualDiscountRate: 0.1 });
    expect(prediction.clv).toBeCloseTo(clv.value, 10);
    expect(prediction.favouriteCategory).toBe("jazz"); // 44.69 against 29.33: the December rock purchase is after asOf
    expect(prediction.replenishments).toEqual([]);
  });

  it("leaves spend and CLV out without a spend model, and a member without purchases out entirely", () => {
    const prediction = predictMember({ ...models, gammaGamma: null }, purchases, options)!;
    expect(prediction.expectedSpend).toBeNull();
    expect(prediction.clv).toBeNull();
    expect(predictMember(models, purchases, { ...options, asOf: "1996-12-31" })).toBeNull();
  });
});

describe("fitModels", () => {
  it("fits both models on the CDNOW sample", () => {
    const { bgNbd, gammaGamma } = fitModels(cdnowSampleSummaries());
    expect(bgNbd.params.r).toBeCloseTo(0.243, 2);
    expect(gammaGamma?.params.p).toBeCloseTo(6.25, 1);
  });

  it("has no spend model without repeat buyers", () => {
    const summaries = [0, 1, 2, 3].map((i) => ({ x: 0, tx: 0, T: 10 + i, meanRepeatSpend: null, firstDate: "2026-01-01", lastDate: "2026-01-01", holdoutOccasions: 0 }));
    expect(fitModels(summaries).gammaGamma).toBeNull();
  });
});
