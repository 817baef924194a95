/**
 * Customer lifetime value over a finite horizon, from the two models:
 * how many purchases (BG/NBD, eq. 10 of Fader, Hardie & Lee 2005) times how
 * much each (Gamma-Gamma expected average spend) times the margin, with
 * each period's purchases discounted back to today.
 *
 *   CLV = margin · E[spend] · Σₖ (E[Y(tₖ)] − E[Y(tₖ₋₁)]) · (1 + annualRate)^(−tₖ / 52)
 *
 * where tₖ = min(k · periodWeeks, horizonWeeks) are the period ends in weeks
 * from now. Discounting at the period's end (rather than continuously)
 * follows the convention of the lifetimes package; with periods of a month
 * the difference is small. Spend is assumed independent of the purchase
 * process (the Gamma-Gamma model's own assumption).
 */
import { expectedPurchases, type BgNbdParams, type RepeatHistory } from "./bg-nbd";

export const WEEKS_PER_YEAR = 52;
/** 52/12: a calendar month in weeks, on average. */
export const WEEKS_PER_MONTH = WEEKS_PER_YEAR / 12;

export type ClvInput = {
  params: BgNbdParams;
  history: RepeatHistory;
  /** Expected spend per purchase (e.g. expectedAverageSpend), in one currency unit. */
  expectedSpend: number;
  /** Share of revenue that is profit, 0–1 (1 for revenue-based CLV). */
  margin: number;
  horizonWeeks: number;
  /** Effective annual discount rate, e.g. 0.1 for 10% a year. */
  annualDiscountRate: number;
  /** Length of a discounting period; a month unless told otherwise. */
  periodWeeks?: number;
};

export type ClvResult = {
  /** Discounted value in the unit of expectedSpend. */
  value: number;
  /** Expected purchases over the horizon, undiscounted. */
  expectedPurchases: number;
  /** Expected purchases weighted by their discount factors. */
  discountedPurchases: number;
};

export function customerLifetimeValue(input: ClvInput): ClvResult {
  const { params, history, expectedSpend, margin, horizonWeeks, annualDiscountRate, periodWeeks = WEEKS_PER_MONTH } = input;
  if (!(horizonWeeks >= 0 && periodWeeks > 0)) throw new RangeError("CLV needs a horizon ≥ 0 and a period > 0 weeks");
  if (!(margin >= 0 && margin <= 1)) throw new RangeError(`Margin is a share 0–1, got ${margin}`);
  if (!(annualDiscountRate > -1)) throw new RangeError(`Discount rate must be above −100%, got ${annualDiscountRate}`);
  // Count periods with a little slack so 12 months of 52/12 weeks make 12 periods, not 12 and a sliver.
  const periods = Math.ceil(horizonWeeks / periodWeeks - 1e-9);
  let cumulative = 0;
  let discounted = 0;
  for (let k = 1; k <= periods; k++) {
    const end = k === periods ? horizonWeeks : Math.min(k * periodWeeks, horizonWeeks);
    const next = expectedPurchases(params, history, end);
    discounted += (next - cumulative) * Math.pow(1 + annualDiscountRate, -end / WEEKS_PER_YEAR);
    cumulative = next;
  }
  return { value: margin * expectedSpend * discounted, expectedPurchases: cumulative, discountedPurchases: discounted };
}
