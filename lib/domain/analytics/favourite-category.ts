/**
 * A member's favourite category: where most of their spend (or most of their
 * visits) goes. Lines without a category are ignored.
 */
import type { Purchase } from "./customer-summary";

export type CategoryStat = {
  category: string;
  /** Total spend in the category. */
  spend: number;
  /** Days with at least one line in the category. */
  occasions: number;
  lastDate: string;
};

export function categoryStats(purchases: readonly Purchase[]): CategoryStat[] {
  const stats = new Map<string, { spend: number; days: Set<string>; lastDate: string }>();
  for (const { category, amount, date } of purchases) {
    if (!category) continue;
    const stat = stats.get(category) ?? { spend: 0, days: new Set<string>(), lastDate: date };
    stat.spend += amount;
    stat.days.add(date);
    if (date > stat.lastDate) stat.lastDate = date;
    stats.set(category, stat);
  }
  return [...stats.entries()].map(([category, s]) => ({ category, spend: s.spend, occasions: s.days.size, lastDate: s.lastDate }));
}

/**
 * The category first by `by` (spend or occasions), then by the other
 * measure, then the more recent, then the name — so the answer never depends
 * on the order of the purchases. Null when no line has a category.
 */
export function favouriteCategory(purchases: readonly Purchase[], by: "spend" | "occasions" = "spend"): CategoryStat | null {
  const other = by === "spend" ? "occasions" : "spend";
  const ranked = categoryStats(purchases).sort(
    (p, q) => q[by] - p[by] || q[other] - p[other] || (q.lastDate > p.lastDate ? 1 : q.lastDate < p.lastDate ? -1 : 0) || (p.category < q.category ? -1 : 1),
  );
  return ranked[0] ?? null;
}
