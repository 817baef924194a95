/**
 * From a customer's purchases to the inputs of the customer-base models,
 * following the CDNOW conventions (docs/ANALYTICS.md): time in weeks, all
 * lines of one day are one purchase occasion, x = repeat occasions in the
 * calibration period, t_x = first → last occasion, T = first occasion → end
 * of the calibration period, and the spend model sees the mean value of the
 * repeat occasions.
 */

/** One purchase line. `date` is the local calendar day, YYYY-MM-DD; `amount` in any one unit (Lazo: minor units). */
export type Purchase = { date: string; amount: number; category?: string | null };

export type Occasion = { date: string; amount: number };

export type CustomerSummary = {
  /** Repeat occasions in the calibration period (occasions after the first). */
  x: number;
  /** Weeks from the first occasion to the last one in the calibration period. */
  tx: number;
  /** Weeks from the first occasion to the end of the calibration period. */
  T: number;
  /** Mean value of the repeat occasions in the calibration period; null when x = 0. */
  meanRepeatSpend: number | null;
  firstDate: string;
  lastDate: string;
  /** Occasions after the calibration end, up to and including `holdoutEnd` (0 when no holdout was asked for). */
  holdoutOccasions: number;
};

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayNumber(date: string): number {
  const ms = DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  return Math.round(ms / DAY_MS);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Lines of one day added up into one occasion, in date order. */
export function toOccasions(purchases: readonly Purchase[]): Occasion[] {
  const byDate = new Map<string, number>();
  for (const p of purchases) {
    dayNumber(p.date); // validates
    byDate.set(p.date, (byDate.get(p.date) ?? 0) + p.amount);
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, amount]) => ({ date, amount }));
}

/**
 * The model inputs of one customer for a calibration period ending on
 * `calibrationEnd` (inclusive). Null when the customer had not bought yet by
 * then: the models describe customers from their first purchase on.
 */
export function summarizeCustomer(purchases: readonly Purchase[], period: { calibrationEnd: string; holdoutEnd?: string }): CustomerSummary | null {
  const occasions = toOccasions(purchases);
  const calibration = occasions.filter((o) => o.date <= period.calibrationEnd);
  const first = calibration[0];
  const last = calibration[calibration.length - 1];
  if (!first || !last) return null;
  const repeats = calibration.slice(1);
  const holdoutEnd = period.holdoutEnd;
  return {
    x: repeats.length,
    tx: daysBetween(first.date, last.date) / 7,
    T: daysBetween(first.date, period.calibrationEnd) / 7,
    meanRepeatSpend: repeats.length > 0 ? repeats.reduce((sum, o) => sum + o.amount, 0) / repeats.length : null,
    firstDate: first.date,
    lastDate: last.date,
    holdoutOccasions: holdoutEnd ? occasions.filter((o) => o.date > period.calibrationEnd && o.date <= holdoutEnd).length : 0,
  };
}
