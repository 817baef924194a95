/**
 * The standard holdout check of a repeat-buying model (Fader, Hardie & Lee
 * 2005, Figure 4): calibrate on one period, then compare, per number of
 * repeat purchases in the calibration period, the mean number of purchases
 * customers actually made in the holdout period with the model's
 * conditional expectation (eq. 10) for the same customers.
 */
import { expectedPurchases, expectedRepeatPurchases, type BgNbdParams, type RepeatHistory } from "./bg-nbd";

export type HoldoutCustomer = RepeatHistory & { holdoutOccasions: number };

export type HoldoutBucket = {
  /** Calibration repeat purchases x; the last bucket holds every x ≥ this value. */
  frequency: number;
  /** "0", "1", … and "7+" for the open last bucket. */
  label: string;
  customers: number;
  actualMean: number;
  predictedMean: number;
};

export type HoldoutComparison = {
  buckets: HoldoutBucket[];
  customers: number;
  actualTotal: number;
  predictedTotal: number;
  /** (predicted − actual) / actual over all customers. */
  relativeError: number;
};

/**
 * Buckets 0, 1, …, maxFrequency − 1 and "maxFrequency+", each with its actual
 * and predicted mean holdout purchases; empty buckets are kept (customers 0,
 * means 0) so a chart has a stable x axis.
 */
export function holdoutComparison(params: BgNbdParams, customers: readonly HoldoutCustomer[], holdoutWeeks: number, maxFrequency = 7): HoldoutComparison {
  const sums = Array.from({ length: maxFrequency + 1 }, () => ({ customers: 0, actual: 0, predicted: 0 }));
  for (const customer of customers) {
    const bucket = sums[Math.min(customer.x, maxFrequency)]!;
    bucket.customers += 1;
    bucket.actual += customer.holdoutOccasions;
    bucket.predicted += expectedPurchases(params, customer, holdoutWeeks);
  }
  const buckets = sums.map((s, frequency) => ({
    frequency,
    label: frequency === maxFrequency ? `${frequency}+` : String(frequency),
    customers: s.customers,
    actualMean: s.customers > 0 ? s.actual / s.customers : 0,
    predictedMean: s.customers > 0 ? s.predicted / s.customers : 0,
  }));
  const actualTotal = sums.reduce((t, s) => t + s.actual, 0);
  const predictedTotal = sums.reduce((t, s) => t + s.predicted, 0);
  return {
    buckets,
    customers: customers.length,
    actualTotal,
    predictedTotal,
    relativeError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : 0,
  };
}

/** A customer on the cohort's clock: first purchase at `firstWeek`, repeat occasions at `repeatWeeks` (weeks since the cohort start). */
export type CohortCustomer = { firstWeek: number; repeatWeeks: readonly number[] };

export type TrackingPoint = { week: number; actual: number; predicted: number };

/**
 * Cumulative repeat purchases of a cohort, week by week (Fader, Hardie & Lee
 * 2005, Figure 2): actual against Σᵢ E[X(week − firstWeekᵢ)] (eq. 7), which
 * uses only the fitted parameters and each customer's start — no
 * calibration-period behaviour — so the holdout weeks are a clean test.
 */
export function cumulativeRepeatTracking(params: BgNbdParams, customers: readonly CohortCustomer[], weeks: number): TrackingPoint[] {
  // Week w holds the times [w − 1, w): a purchase on day d falls in week ⌊d/7⌋ + 1.
  const perWeek = new Array<number>(weeks + 1).fill(0);
  // Customers who started at the same moment share E[X(·)]: count them once per start.
  const starts = new Map<number, number>();
  for (const c of customers) {
    starts.set(c.firstWeek, (starts.get(c.firstWeek) ?? 0) + 1);
    for (const w of c.repeatWeeks) if (w >= 0 && w < weeks) perWeek[Math.floor(w) + 1]! += 1;
  }
  const points: TrackingPoint[] = [];
  let actual = 0;
  for (let week = 1; week <= weeks; week++) {
    actual += perWeek[week]!;
    let predicted = 0;
    for (const [firstWeek, count] of starts) predicted += count * expectedRepeatPurchases(params, week - firstWeek);
    points.push({ week, actual, predicted });
  }
  return points;
}
