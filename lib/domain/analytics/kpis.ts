/**
 * Loyalty KPIs as pure functions over integers (counts, points, minor units).
 * A ratio without a denominator is null, never 0 or NaN: the dashboard shows
 * "—" instead of a misleading number.
 */

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Revenue per purchase, rounded to the minor unit. */
export function averageTicketMinor(p: { revenueMinor: number; purchases: number }): number | null {
  return p.purchases > 0 ? Math.round(p.revenueMinor / p.purchases) : null;
}

/** Share of the members who bought in the period that bought at least twice. */
export function repeatPurchaseRate(p: { buyers: number; repeatBuyers: number }): number | null {
  return ratio(p.repeatBuyers, p.buyers);
}

/** Purchases per buying member in the period. */
export function purchaseFrequency(p: { memberPurchases: number; buyers: number }): number | null {
  return ratio(p.memberPurchases, p.buyers);
}

/** Points redeemed per point issued in the period (issuance net of reversals). */
export function redemptionRate(p: { issued: number; reversed: number; redeemed: number }): number | null {
  return ratio(p.redeemed, Math.max(0, p.issued - p.reversed));
}

/**
 * Breakage: of the points that left members' balances in the period by being
 * used or lost, the share that expired unused.
 */
export function breakageRate(p: { redeemed: number; expired: number }): number | null {
  return ratio(p.expired, p.redeemed + p.expired);
}

/**
 * What the outstanding points would cost if all were redeemed: points × the
 * program's cost per point (minor units × 1,000, `settings.pointValueMilli`).
 */
export function liabilityMinor(p: { outstandingPoints: number; pointValueMilli: number }): number {
  return Math.round((p.outstandingPoints * p.pointValueMilli) / 1000);
}

/** One group of purchases in a period (minor units): sales, refunds, and the part whose unit costs are known. */
export type MarginTotals = {
  revenueMinor: number;
  refundedMinor: number;
  /** Purchases with at least one line whose unit cost is known. */
  costedPurchases: number;
  /** Revenue of those lines, less what refunds took back of it. */
  costedRevenueMinor: number;
  /** Their cost, less the cost of what came back. */
  costMinor: number;
};

export type GrossMargin = {
  marginMinor: number;
  /** Margin over the costed revenue; null when that revenue is not positive. */
  rate: number | null;
  /** Share of the sales net of refunds whose cost is known, in [0, 1]; null without net sales. */
  coverage: number | null;
  costedPurchases: number;
  costedRevenueMinor: number;
  costMinor: number;
};

/**
 * Gross margin where unit costs are known: the revenue of the lines that carry a
 * unit cost minus that cost, net of refunds. Lines without a cost are left out,
 * not counted as free, so `coverage` says how much of the sales the rate speaks
 * for. null when no purchase of the group had a known cost: the dashboard then
 * says so instead of showing 0 %.
 */
export function grossMargin(t: MarginTotals): GrossMargin | null {
  if (t.costedPurchases <= 0) return null;
  const marginMinor = t.costedRevenueMinor - t.costMinor;
  const netSales = t.revenueMinor - t.refundedMinor;
  return {
    marginMinor,
    rate: ratio(marginMinor, t.costedRevenueMinor),
    // Lines are rounded one by one, so their sum may pass the ticket's amount by a cent or two.
    coverage: netSales > 0 ? Math.min(1, Math.max(0, t.costedRevenueMinor / netSales)) : null,
    costedPurchases: t.costedPurchases,
    costedRevenueMinor: t.costedRevenueMinor,
    costMinor: t.costMinor,
  };
}

/** Whole months from `from` to `to` (YYYY-MM or YYYY-MM-DD; only year and month count). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

export type CohortCount = { cohort: string; offset: number; members: number };
export type CohortRow = { cohort: string; size: number; shares: (number | null)[] };

/**
 * Retention by monthly cohort: members grouped by the month of their first
 * purchase; `shares[k]` is the part of the cohort that bought in month k after
 * it (k = 0 is 1 by construction). Months after `lastMonth` are unknown (null),
 * not zero.
 */
export function retentionMatrix(counts: CohortCount[], p: { lastMonth: string; offsets: number }): CohortRow[] {
  const byCohort = new Map<string, Map<number, number>>();
  for (const c of counts) {
    const row = byCohort.get(c.cohort) ?? new Map<number, number>();
    row.set(c.offset, (row.get(c.offset) ?? 0) + c.members);
    byCohort.set(c.cohort, row);
  }
  return [...byCohort.keys()].sort().map((cohort) => {
    const row = byCohort.get(cohort)!;
    const size = row.get(0) ?? 0;
    const horizon = monthsBetween(cohort, p.lastMonth);
    const shares = Array.from({ length: p.offsets }, (_, k) => (k > horizon || size === 0 ? null : (row.get(k) ?? 0) / size));
    return { cohort, size, shares };
  });
}

export type Granularity = "day" | "week" | "month";

/** Daily points up to two months, weekly up to about 13 months, monthly beyond. */
export function pickGranularity(fromDay: string, toDay: string): Granularity {
  const days = (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000 + 1;
  if (days <= 62) return "day";
  if (days <= 400) return "week";
  return "month";
}

/** The first day of the day's bucket: itself, its ISO week's Monday, or the 1st of its month. */
export function bucketStart(day: string, granularity: Granularity): string {
  if (granularity === "day") return day;
  if (granularity === "month") return `${day.slice(0, 7)}-01`;
  const t = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - weekday * 86_400_000).toISOString().slice(0, 10);
}

export type PointsDay = { day: string; issued: number; redeemed: number; expired: number };

/** Sums daily points into buckets, in date order. */
export function bucketPoints(days: PointsDay[], granularity: Granularity): PointsDay[] {
  return bucketSums(days, granularity);
}

/** Sums every numeric field of daily rows into buckets of `granularity`, in date order. */
function bucketSums<T extends { day: string }>(days: T[], granularity: Granularity): T[] {
  const buckets = new Map<string, T>();
  for (const d of days) {
    const key = bucketStart(d.day, granularity);
    const b = buckets.get(key);
    if (!b) buckets.set(key, { ...d, day: key });
    else for (const k of Object.keys(d) as (keyof T)[]) if (k !== "day") (b[k] as number) += d[k] as number;
  }
  return [...buckets.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export type HistogramBin = { from: number; to: number; count: number };

/** Equal-width bins from 0 to the 95th percentile; the last bin also holds the tail above it. */
export function histogram(values: number[], bins: number): HistogramBin[] {
  if (values.length === 0 || bins < 1) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const top = Math.max(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0, 1);
  const width = top / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
  for (const v of sorted) out[Math.min(bins - 1, Math.max(0, Math.floor(v / width)))]!.count += 1;
  return out;
}

export type MarginDay = { day: string; members: number; nonMembers: number };

/** Sums daily margins (minor units) of members and non-members into buckets, in date order. */
export function bucketMargins(days: MarginDay[], granularity: Granularity): MarginDay[] {
  return bucketSums(days, granularity);
}

export type TierMoveRow = { fromTier: string | null; toTier: string | null; members: number; direction: "up" | "down" | "lateral" };

/**
 * Tier moves ranked and labelled against the plan's order (lowest tier first;
 * no tier is below every tier; a tier no longer in the plan counts as no tier):
 * each move is up, down or lateral (between two tiers of the same rank, or
 * no tier to a retired one), with the members who went up and down in total.
 */
export function summarizeTierMoves(moves: readonly { fromTier: string | null; toTier: string | null; members: number }[], planOrder: readonly string[]): { rows: TierMoveRow[]; up: number; down: number } {
  const rank = (key: string | null) => (key === null ? -1 : planOrder.indexOf(key));
  const rows = moves.map((m): TierMoveRow => {
    const [from, to] = [rank(m.fromTier), rank(m.toTier)];
    return { ...m, direction: to > from ? "up" : to < from ? "down" : "lateral" };
  });
  rows.sort((a, b) => b.members - a.members || rank(a.fromTier) - rank(b.fromTier) || rank(a.toTier) - rank(b.toTier));
  const total = (d: TierMoveRow["direction"]) => rows.filter((r) => r.direction === d).reduce((s, r) => s + r.members, 0);
  return { rows, up: total("up"), down: total("down") };
}
