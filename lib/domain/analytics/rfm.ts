/**
 * RFM: recency, frequency and monetary scores 1–5 by quintile over a
 * population, and the usual named segments on top of them.
 */
import { daysBetween, toOccasions, type Purchase } from "./customer-summary";

export type RfmInput = {
  id: string;
  /** Days from the last purchase to `asOf` (smaller is better). */
  recencyDays: number;
  /** Purchase occasions (lines of one day count once). */
  frequency: number;
  /** Total spend, in one currency unit. */
  monetary: number;
};

export type RfmScore = { id: string; r: number; f: number; m: number; segment: RfmSegment };

/** Stable keys: the console translates them, exports and APIs carry them as they are. */
export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose_them",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** A customer's RFM inputs from their purchases as of a day (YYYY-MM-DD); null without purchases by then. */
export function rfmInputFromPurchases(id: string, purchases: readonly Purchase[], asOf: string): RfmInput | null {
  const occasions = toOccasions(purchases).filter((o) => o.date <= asOf);
  const last = occasions[occasions.length - 1];
  if (!last) return null;
  return { id, recencyDays: daysBetween(last.date, asOf), frequency: occasions.length, monetary: occasions.reduce((s, o) => s + o.amount, 0) };
}

/**
 * Quintile score of each value: 1 + ⌊5 · (customers strictly worse) / n⌋.
 * Ties share a score, so a value most customers share (one purchase) does
 * not get spread over several scores by an arbitrary order.
 */
function quintileScores(values: readonly number[], better: "higher" | "lower"): number[] {
  const sign = better === "higher" ? 1 : -1;
  const sorted = values.map((v) => sign * v).sort((p, q) => p - q);
  return values.map((v) => 1 + Math.floor((5 * countBelow(sorted, sign * v)) / sorted.length));
}

/** How many entries of an ascending array are strictly below `value` (binary search). */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function rfmScores(customers: readonly RfmInput[]): RfmScore[] {
  if (customers.length === 0) return [];
  const r = quintileScores(customers.map((c) => c.recencyDays), "lower");
  const f = quintileScores(customers.map((c) => c.frequency), "higher");
  const m = quintileScores(customers.map((c) => c.monetary), "higher");
  return customers.map((c, i) => ({ id: c.id, r: r[i]!, f: f[i]!, m: m[i]!, segment: rfmSegment(r[i]!, f[i]!, m[i]!) }));
}

/**
 * The common 11-segment grid on R and FM = round((F + M) / 2), half up —
 * the R×F grid that RFM tools share, with M folded into F so a big spender
 * who buys rarely is not "hibernating" only for buying rarely:
 *
 *   R \ FM   1                2                3                4                5
 *   5        new              potential_loyal. potential_loyal. champions        champions
 *   4        promising        potential_loyal. potential_loyal. loyal            loyal
 *   3        about_to_sleep   about_to_sleep   need_attention   loyal            loyal
 *   2        hibernating      hibernating      at_risk          at_risk          cant_lose_them
 *   1        lost             hibernating      at_risk          at_risk          cant_lose_them
 */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  for (const score of [r, f, m]) if (!(Number.isInteger(score) && score >= 1 && score <= 5)) throw new RangeError(`RFM scores are 1–5, got ${r}, ${f}, ${m}`);
  const fm = Math.round((f + m) / 2);
  if (r >= 4) {
    if (fm >= 4) return r === 5 ? "champions" : "loyal";
    if (fm >= 2) return "potential_loyalists";
    return r === 5 ? "new" : "promising";
  }
  if (r === 3) return fm >= 4 ? "loyal" : fm === 3 ? "need_attention" : "about_to_sleep";
  if (fm === 5) return "cant_lose_them";
  if (fm >= 3) return "at_risk";
  return r === 1 && fm === 1 ? "lost" : "hibernating";
}
