export type Percentiles = { p50: number; p95: number; p99: number; max: number; mean: number; count: number };

/** Exact percentiles (nearest rank) of latencies in milliseconds. */
export function percentiles(values: number[]): Percentiles {
  if (!values.length) return { p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN, count: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]!, mean: sum / sorted.length, count: sorted.length };
}
