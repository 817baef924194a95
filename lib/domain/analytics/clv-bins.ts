/**
 * The CLV distribution's bins, fixed at each prediction refresh: ten bins of
 * one "nice" width (1, 2 or 5 times a power of ten) that reach the program's
 * 95th percentile, the last one open-ended. Every member keeps their bin
 * (member_predictions.clv_bin), so the dashboard counts members per bin for any
 * tier or segment on the program's own scale without reading a million values.
 */
export const CLV_BINS = 10;

/** The bins' width for these CLVs (minor units), or null without any. */
export function clvBinWidth(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
  return niceStep(p95 / CLV_BINS);
}

/** A CLV's bin, 0 to CLV_BINS − 1 (the last holds the tail; a negative value falls in the first). */
export function clvBinOf(value: number, width: number): number {
  return Math.max(0, Math.min(CLV_BINS - 1, Math.floor(value / width)));
}

/** Bin i's bounds: [from, to), `to` null for the open-ended last bin. */
export function clvBinBounds(bin: number, width: number): { from: number; to: number | null } {
  return { from: bin * width, to: bin === CLV_BINS - 1 ? null : (bin + 1) * width };
}

/** 1, 2 or 5 times a power of ten, at least `raw` (and at least 1). */
function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}
