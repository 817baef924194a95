/** One arm's per-member metric, summarised: members, Σx and Σx² (so SQL can aggregate it). */
export type ArmSummary = { n: number; sum: number; sumSquares: number };

export type Lift = {
  treatmentMean: number;
  controlMean: number;
  /** treatment − control, per member. */
  difference: number;
  /** 95 % confidence interval of the difference (normal approximation, Welch's standard error); null when an arm has < 2 members. */
  ci: { low: number; high: number } | null;
  /** difference / control mean, or null when the control mean is 0. */
  relative: number | null;
};

const Z95 = 1.959963984540054;

export function summarize(values: readonly number[]): ArmSummary {
  let sum = 0;
  let sumSquares = 0;
  for (const v of values) {
    sum += v;
    sumSquares += v * v;
  }
  return { n: values.length, sum, sumSquares };
}

function meanAndVariance(a: ArmSummary): { mean: number; variance: number } {
  if (a.n === 0) return { mean: 0, variance: 0 };
  const mean = a.sum / a.n;
  // Sample variance; clamped because Σx² − n·mean² can go a hair negative in floating point.
  const variance = a.n > 1 ? Math.max(0, (a.sumSquares - a.n * mean * mean) / (a.n - 1)) : 0;
  return { mean, variance };
}

/**
 * Incremental effect per member of treatment over control, with a 95 %
 * interval. Works for proportions too (participation: x ∈ {0, 1}).
 */
export function computeLift(treatment: ArmSummary, control: ArmSummary): Lift {
  const t = meanAndVariance(treatment);
  const c = meanAndVariance(control);
  const difference = t.mean - c.mean;
  const ci =
    treatment.n >= 2 && control.n >= 2
      ? (() => {
          const se = Math.sqrt(t.variance / treatment.n + c.variance / control.n);
          return { low: difference - Z95 * se, high: difference + Z95 * se };
        })()
      : null;
  return { treatmentMean: t.mean, controlMean: c.mean, difference, ci, relative: c.mean === 0 ? null : difference / c.mean };
}
