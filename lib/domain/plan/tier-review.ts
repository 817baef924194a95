import { zonedDayStart } from "@/lib/domain/audit/zoned-day";
import { localTime } from "@/lib/domain/rules/local-time";
import { addMonths, tierFor } from "./base-points";
import { DEFAULT_TIER_REVIEW, type PlanDefinition, type TierDefinition, type TierReview } from "./plan-definition";

const DAY_MS = 86_400_000;

export type TierReviewInput = {
  /** The live plan's tiers (any order; thresholds ascending by rank). */
  tiers: readonly TierDefinition[];
  currentTier: string | null;
  /** Qualifying points (or spend in minor units) over the window that ended at the latest review date (`qualificationWindow`). */
  qualifying: number;
  /** When the member reached their current tier (latest tier-history row into it); null = unknown, long ago. */
  reachedAt: Date | null;
  tierOverrideUntil: Date | null;
  review: TierReview;
  now: Date;
  /** The program's time zone: review dates are local midnights. */
  timeZone: string;
};

export type TierReviewDecision =
  | { action: "keep"; reason: "no_tier" | "unknown_tier" | "override" | "reached_since_review" | "grace" | "qualifies" }
  | { action: "downgrade"; from: string; to: string | null; reason: "below_threshold"; reviewDate: Date };

export function tierReviewOf(plan: PlanDefinition): TierReview {
  return plan.tierReview ?? DEFAULT_TIER_REVIEW;
}

/** The first local instant of the year (or month) `at` falls in, on the program's calendar. */
export function localPeriodStart(period: "month" | "year", at: Date, timeZone: string): Date {
  const [year, month] = localTime(at, timeZone).date.split("-") as [string, string];
  return zonedDayStart(`${year}-${period === "month" ? month : "01"}-01`, timeZone);
}

/** The latest review date on or before `now`: the 1st of the month, or January 1st, at local midnight in the program's time zone. */
export function latestReviewDate(every: TierReview["every"], now: Date, timeZone: string): Date {
  return localPeriodStart(every, now, timeZone);
}

/** The first review date strictly after `now` (1st of next month, or next January 1st, local midnight). */
export function nextReviewDate(every: TierReview["every"], now: Date, timeZone: string): Date {
  const [year, month] = localTime(now, timeZone).date.split("-").map(Number) as [number, number];
  if (every === "year") return zonedDayStart(`${year + 1}-01-01`, timeZone);
  return zonedDayStart(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`, timeZone);
}

/**
 * The qualification window a review at `at` looks at: [since, until), ending at
 * the review. Evaluating the total as of the review date (not as of the run)
 * is what keeps downgrades to review dates: a run on March 3rd reaches the
 * same verdict as the January 1st run, so a missed or repeated run is harmless
 * and points that lapse between reviews cost nothing until the next one.
 * Rolling = the 365 days before (as purchases upgrade); calendar year = the
 * program's local calendar year of the instant before the review, so a
 * January 1st review judges the year that just ended.
 */
export function qualificationWindow(qualification: PlanDefinition["tierQualification"], at: Date, timeZone: string): { since: Date; until: Date } {
  if (qualification.window === "rolling_12_months") return { since: new Date(at.getTime() - 365 * DAY_MS), until: at };
  return { since: localPeriodStart("year", new Date(at.getTime() - 1), timeZone), until: at };
}

/**
 * Where the window running at `now` starts, for upgrades on purchase and the
 * progress members see: 365 days back, or January 1st of the program's local year.
 */
export function qualificationSince(qualification: PlanDefinition["tierQualification"], now: Date, timeZone: string): Date {
  return qualification.window === "rolling_12_months" ? new Date(now.getTime() - 365 * DAY_MS) : localPeriodStart("year", now, timeZone);
}

/**
 * Whether a member keeps their tier at the latest review or drops to the tier
 * their qualifying total (points or spend) reaches (possibly several levels, possibly none).
 * Never upgrades: purchases do that the moment they qualify. Idempotent: after
 * a downgrade the member has reached the new tier since the review, and their
 * points qualify for it.
 */
export function reviewTier(input: TierReviewInput): TierReviewDecision {
  if (input.currentTier === null) return { action: "keep", reason: "no_tier" };
  const current = input.tiers.find((t) => t.key === input.currentTier);
  // A tier the live plan no longer has is for the plan change to map, not for a review to guess.
  if (!current) return { action: "keep", reason: "unknown_tier" };
  if (input.tierOverrideUntil && input.tierOverrideUntil > input.now) return { action: "keep", reason: "override" };
  const reviewDate = latestReviewDate(input.review.every, input.now, input.timeZone);
  if (input.reachedAt && input.reachedAt >= reviewDate) return { action: "keep", reason: "reached_since_review" };
  // Reached less than graceMonths before the review: kept until the next review.
  if (input.reachedAt && input.reachedAt > addMonths(reviewDate, -input.review.graceMonths)) return { action: "keep", reason: "grace" };
  if (input.qualifying >= current.threshold) return { action: "keep", reason: "qualifies" };
  return { action: "downgrade", from: current.key, to: tierFor(input.tiers, input.qualifying)?.key ?? null, reason: "below_threshold", reviewDate };
}
