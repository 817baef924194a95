import { describe, expect, it } from "vitest";
import { expectedPurchases } from "./bg-nbd";
import { customerLifetimeValue, WEEKS_PER_MONTH } from "./clv";

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const history = { x: 2, tx: 30.43, T: 38.86 };
const base = { params, history, expectedSpend: 24.66, margin: 0.3, annualDiscountRate: 0 };

describe("customerLifetimeValue", () => {
  it("without discounting is margin × spend × expected purchases over the horizon", () => {
    const result = customerLifetimeValue({ ...base, horizonWeeks: 52 });
    const purchases = expectedPurchases(params, history, 52);
    expect(result.expectedPurchases).toBeCloseTo(purchases, 12);
    expect(result.discountedPurchases).toBeCloseTo(purchases, 12);
    expect(result.value).toBeCloseTo(0.3 * 24.66 * purchases, 10);
  });

  it("discounts each period's purchases from the period's end", () => {
    // Two 26-week periods at 10% a year: the first half-year's purchases × 1.1^−½, the second's × 1.1^−1.
    const result = customerLifetimeValue({ ...base, horizonWeeks: 52, periodWeeks: 26, annualDiscountRate: 0.1 });
    const first = expectedPurchases(params, history, 26);
    const both = expectedPurchases(params, history, 52);
    const expected = first / Math.sqrt(1.1) + (both - first) / 1.1;
    expect(result.discountedPurchases).toBeCloseTo(expected, 12);
    expect(result.value).toBeCloseTo(0.3 * 24.66 * expected, 10);
  });

  it("makes exactly twelve monthly periods in a year and a shorter last period when the horizon says so", () => {
    const year = customerLifetimeValue({ ...base, horizonWeeks: 12 * WEEKS_PER_MONTH, annualDiscountRate: 0.1 });
    expect(year.expectedPurchases).toBeCloseTo(expectedPurchases(params, history, 52), 12);
    const partial = customerLifetimeValue({ ...base, horizonWeeks: 30, periodWeeks: 26, annualDiscountRate: 0.1 });
    const first = expectedPurchases(params, history, 26);
    expect(partial.discountedPurchases).toBeCloseTo(first / Math.sqrt(1.1) + (expectedPurchases(params, history, 30) - first) / Math.pow(1.1, 30 / 52), 12);
  });

  it("values a higher discount rate and a likely-gone customer lower", () => {
    const at = (annualDiscountRate: number) => customerLifetimeValue({ ...base, horizonWeeks: 156, annualDiscountRate }).value;
    expect(at(0.2)).toBeLessThan(at(0.1));
    expect(at(0.1)).toBeLessThan(at(0));
    const gone = customerLifetimeValue({ ...base, history: { x: 2, tx: 2, T: 38.86 }, horizonWeeks: 156, annualDiscountRate: 0.1 });
    expect(gone.value).toBeLessThan(at(0.1) / 5);
  });

  it("is zero over an empty horizon and refuses nonsense", () => {
    expect(customerLifetimeValue({ ...base, horizonWeeks: 0 }).value).toBe(0);
    expect(() => customerLifetimeValue({ ...base, horizonWeeks: 52, margin: 30 })).toThrow(/Margin/);
    expect(() => customerLifetimeValue({ ...base, horizonWeeks: -1 })).toThrow(RangeError);
    expect(() => customerLifetimeValue({ ...base, horizonWeeks: 52, annualDiscountRate: -1 })).toThrow(/Discount/);
  });
});
