/**
 * Exchange rates between sister programs, as exact fractions of integers:
 * `numerator / denominator` points of the target per point of the source.
 * Credits round down, so a transfer can never create points beyond the rate.
 */
export type ExchangeRate = { numerator: number; denominator: number };

/** Biggest numerator or denominator we accept: keeps points × numerator far inside 2^53. */
export const MAX_RATE_TERM = 1_000_000;
/** Biggest single transfer, in source points (the same cap as any ledger operation). */
export const MAX_TRANSFER_POINTS = 10_000_000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The same rate in lowest terms (2/4 → 1/2), so equal rates compare equal. */
export function reduceRate(rate: ExchangeRate): ExchangeRate {
  const d = gcd(rate.numerator, rate.denominator);
  return { numerator: rate.numerator / d, denominator: rate.denominator / d };
}

export function isValidRate(rate: ExchangeRate): boolean {
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_RATE_TERM;
  return ok(rate.numerator) && ok(rate.denominator);
}

/** The way back: B → A at the reciprocal rate, so a round trip never gains points. */
export function inverseRate(rate: ExchangeRate): ExchangeRate {
  return { numerator: rate.denominator, denominator: rate.numerator };
}

/** Target points for `points` source points: floor(points × n / d), exact in integers. */
export function convertPoints(points: number, rate: ExchangeRate): number {
  return Math.floor((points * rate.numerator) / rate.denominator);
}

/**
 * Reads a decimal rate typed by a person ("0.5", "1,25", "2") into a fraction
 * with at most 4 decimals; null when it is not a positive number in range.
 */
export function parseDecimalRate(text: string): ExchangeRate | null {
  const match = /^\s*(\d{1,6})(?:[.,](\d{1,4}))?\s*$/.exec(text);
  if (!match) return null;
  const decimals = match[2] ?? "";
  const denominator = 10 ** decimals.length;
  const numerator = Number(match[1]) * denominator + Number(decimals || 0);
  if (numerator === 0) return null;
  const rate = reduceRate({ numerator, denominator });
  return isValidRate(rate) ? rate : null;
}

/** The rate as a decimal for display and forms: 1/2 → 0.5, 1/3 → 0.3333. */
export function rateAsDecimal(rate: ExchangeRate, maxDecimals = 4): number {
  const factor = 10 ** maxDecimals;
  return Math.round((rate.numerator / rate.denominator) * factor) / factor;
}
