/**
 * When will a member buy a category again? Only for categories bought on a
 * regular cycle: at least `minPurchases` purchase days whose gaps vary
 * little (coefficient of variation — standard deviation / mean of the gaps —
 * at most `maxVariation`). The next date is the last purchase plus the mean
 * gap. Irregular buying gets no prediction rather than a misleading one.
 */
import { addDays, daysBetween, type Purchase } from "./customer-summary";

export type ReplenishmentOptions = { minPurchases?: number; maxVariation?: number };

export type Replenishment = {
  category: string;
  /** Distinct purchase days in the category. */
  purchases: number;
  meanIntervalDays: number;
  /** Coefficient of variation of the gaps (population standard deviation / mean). */
  variation: number;
  lastDate: string;
  nextDate: string;
};

export const DEFAULT_REPLENISHMENT = { minPurchases: 3, maxVariation: 0.35 } as const;

export function predictReplenishment(purchases: readonly Purchase[], category: string, options: ReplenishmentOptions = {}): Replenishment | null {
  const { minPurchases, maxVariation } = { ...DEFAULT_REPLENISHMENT, ...options };
  const days = [...new Set(purchases.filter((p) => p.category === category).map((p) => p.date))].sort();
  const last = days[days.length - 1];
  if (!last || days.length < Math.max(minPurchases, 2)) return null;
  const gaps = days.slice(1).map((day, i) => daysBetween(days[i]!, day));
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const variation = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length) / mean;
  if (variation > maxVariation) return null;
  return { category, purchases: days.length, meanIntervalDays: mean, variation, lastDate: last, nextDate: addDays(last, Math.round(mean)) };
}

/** Every category of the member that qualifies, soonest next date first. */
export function predictReplenishments(purchases: readonly Purchase[], options: ReplenishmentOptions = {}): Replenishment[] {
  const categories = new Set(purchases.flatMap((p) => (p.category ? [p.category] : [])));
  return [...categories]
    .map((category) => predictReplenishment(purchases, category, options))
    .filter((r): r is Replenishment => r !== null)
    .sort((p, q) => (p.nextDate < q.nextDate ? -1 : p.nextDate > q.nextDate ? 1 : p.category < q.category ? -1 : 1));
}
