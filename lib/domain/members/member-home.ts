import { tierProgress, type TierProgress } from "@/lib/domain/plan/tier-progress";
import type { TierDefinition, TierReview } from "@/lib/domain/plan/plan-definition";
import { nextReviewDate } from "@/lib/domain/plan/tier-review";

const DAY_MS = 86_400_000;

export type Expiry = { expiresAt: Date; points: number };

/**
 * The member's points that lapse within `withinDays` of `now`, soonest first,
 * with their exact dates and amounts (one row per expiry instant) and the total.
 */
export function expiringSoon(expiries: readonly Expiry[], now: Date, withinDays: number): { lots: Expiry[]; total: number } {
  const until = now.getTime() + withinDays * DAY_MS;
  const lots = expiries
    .filter((e) => e.points > 0 && e.expiresAt.getTime() > now.getTime() && e.expiresAt.getTime() <= until)
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  return { lots, total: lots.reduce((sum, e) => sum + e.points, 0) };
}

/**
 * What points are worth in money, in minor units, when the program sets a value
 * (`pointValueMilli` = minor units × 1,000 per point). Rounded down: a member is
 * never promised more than the program pays.
 */
export function pointsValueMinor(points: number, pointValueMilli: number | undefined): number | null {
  if (!pointValueMilli || pointValueMilli <= 0) return null;
  return Math.floor((Math.max(0, points) * pointValueMilli) / 1000);
}

export type TierStanding = TierProgress & {
  /** Qualifying total in the current window (points or spend in minor units). */
  qualifying: number;
  metric: "points" | "spend";
  window: "rolling_12_months" | "calendar_year";
  /** How the current tier is kept: its threshold, what is still missing, and the next review that judges it. */
  keep: { threshold: number; missing: number; reviewAt: Date } | null;
};

export { nextReviewDate };

/**
 * Where the member stands: progress to the next tier and what keeps the
 * current one at the next review. The lowest tier (threshold 0) needs nothing
 * to keep, so `keep` is null there.
 */
export function tierStanding(input: {
  tiers: readonly TierDefinition[];
  currentKey: string | null;
  qualifying: number;
  metric: "points" | "spend";
  window: "rolling_12_months" | "calendar_year";
  review: TierReview;
  now: Date;
  /** The program's time zone (review dates are local midnights). */
  timeZone: string;
}): TierStanding {
  const progress = tierProgress(input.tiers, input.currentKey, input.qualifying);
  const keep =
    progress.current && progress.current.threshold > 0
      ? { threshold: progress.current.threshold, missing: Math.max(0, progress.current.threshold - input.qualifying), reviewAt: nextReviewDate(input.review.every, input.now, input.timeZone) }
      : null;
  return { ...progress, qualifying: input.qualifying, metric: input.metric, window: input.window, keep };
}

/**
 * Which rewards the home highlights: those the member can redeem now, most
 * valuable first, then the ones closest to reach.
 */
export function highlightRewards<R extends { price: number; affordable: boolean }>(rewards: readonly R[], limit: number): R[] {
  const ready = rewards.filter((r) => r.affordable).sort((a, b) => b.price - a.price);
  const later = rewards.filter((r) => !r.affordable).sort((a, b) => a.price - b.price);
  return [...ready, ...later].slice(0, limit);
}
