/**
 * The money value of one point, as the program settings store it:
 * `pointValueMilli` = minor units × 1,000 (USD 0.01 a point = 1 cent = 1,000).
 * The form takes a decimal in the program's currency ("0.01"), so the finest
 * step it can hold is a thousandth of a minor unit: a currency with 2 decimals
 * takes up to 5, one with none (CLP) up to 3. Pure string arithmetic: no floats.
 */

/** A point may be worth up to a million minor units (USD 10,000): far above any real program, well inside int4. */
export const MAX_POINT_VALUE_MILLI = 1_000_000_000;

/** The points the settings page prices as an example ("1,000 puntos = USD 10.00"). */
export const EXAMPLE_POINTS = 1_000;

export type PointValueProblem = "format" | "negative" | "precision" | "too_large";

export type ParsedPointValue = { ok: true; milli: number | null } | { ok: false; problem: PointValueProblem; maxDecimals: number };

/** Decimals a point value may have in a currency with `currencyDigits` minor digits. */
export function pointValueDecimals(currencyDigits: number): number {
  return currencyDigits + 3;
}

/**
 * "0.01" (or "0,01") in a currency with `currencyDigits` decimals → milli-minor
 * units. Empty means "not set" (null). No thousands separators: a point's value
 * is small, and "1.000" must not silently mean a thousand.
 */
export function parsePointValue(text: string, currencyDigits: number): ParsedPointValue {
  const maxDecimals = pointValueDecimals(currencyDigits);
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, milli: null };
  const match = /^(-?)(\d*)(?:[.,](\d*))?$/.exec(trimmed);
  if (!match || (match[2] === "" && !match[3])) return { ok: false, problem: "format", maxDecimals };
  const [, sign, whole, fraction = ""] = match;
  const digits = fraction.replace(/0+$/, "");
  if (sign === "-" && /[1-9]/.test(`${whole}${digits}`)) return { ok: false, problem: "negative", maxDecimals };
  if (digits.length > maxDecimals) return { ok: false, problem: "precision", maxDecimals };
  const wholePart = whole!.replace(/^0+/, "");
  // More than 10 integer digits is beyond the cap anyway; checking the length keeps Number() exact.
  if (wholePart.length > 10) return { ok: false, problem: "too_large", maxDecimals };
  const milli = Number(`${wholePart}${digits.padEnd(maxDecimals, "0")}` || "0");
  if (milli > MAX_POINT_VALUE_MILLI) return { ok: false, problem: "too_large", maxDecimals };
  return { ok: true, milli };
}

/**
 * Milli-minor units → the decimal the form shows, with at least the currency's
 * decimals and no trailing zeros beyond them (1,000 in USD → "0.01", 5 → "0.00005").
 */
export function formatPointValue(milli: number, currencyDigits: number): string {
  const maxDecimals = pointValueDecimals(currencyDigits);
  const padded = String(Math.trunc(milli)).padStart(maxDecimals + 1, "0");
  const whole = padded.slice(0, padded.length - maxDecimals);
  const fraction = padded.slice(padded.length - maxDecimals).replace(/0+$/, "").padEnd(currencyDigits, "0");
  return fraction ? `${whole}.${fraction}` : whole;
}

/** The largest value the form accepts, as a decimal ("10000.00000" → "10000"). */
export function maxPointValueText(currencyDigits: number): string {
  return String(MAX_POINT_VALUE_MILLI / 10 ** pointValueDecimals(currencyDigits));
}

/** What `points` are worth in minor units, rounded to the nearest (the example line; liability rounds the same way). */
export function pointsWorthMinor(points: number, milli: number): number {
  return Math.round((points * milli) / 1000);
}
