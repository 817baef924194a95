import { addMonths, tierFor } from "./base-points";
import { DEFAULT_TIER_REVIEW, type PlanDefinition, type TierDefinition, type TierReview } from "./plan-definition";

const DAY_MS = 86_400_000;

export type TierReviewInput = {
  /** The live plan's tiers (any order; thresholds ascending by rank). */
  tiers: readonly TierDefinition[];
  currentTier: string | null;
  /** Qualifying points over the window that ended at the latest review date (`qualificationWindow`). */
  qualifying: number;
  /** When the member reached their current tier (latest tier-history row into it); null = unknown, long ago. */
  reachedAt: Date | null;
  tierOverrideUntil: Date | null;
  review: TierReview;
  now: Date;
};

export type TierReviewDecision =
  | { action: "keep"; reason: "no_tier" | "unknown_tier" | "override" | "reached_since_review" | "grace" | "qualifies" }
  | { action: "downgrade"; from: string; to: string | null; reason: "below_threshold"; reviewDate: Date };

export function tierReviewOf(plan: PlanDefinition): TierReview {
  return plan.tierReview ?? DEFAULT_TIER_REVIEW;
}

/** The latest review date on or before `now`: the 1st of the month, or January 1st, at midnight UTC. */
export function latestReviewDate(every: TierReview["every"], now: Date): Date {
  return every === "month" ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) : new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
}

/**
 * The qualification window a review at `at` looks at: [since, until), ending at
 * the review. Evaluating the points as of the review date (not as of the run)
 * is what keeps downgrades to review dates: a run on March 3rd reaches the
 * same verdict as the January 1st run, so a missed or repeated run is harmless
 * and points that lapse between reviews cost nothing until the next one.
 * Rolling = the 365 days before (as purchases upgrade); calendar year = the
 * calendar year of the instant before the review, so a January 1st review
 * judges the year that just ended.
 */
export function qualificationWindow(qualification: PlanDefinition["tierQualification"], at: Date): { since: Date; until: Date } {
  if (qualification.window === "rolling_12_months") return { since: new Date(at.getTime() - 365 * DAY_MS), until: at };
  return { since: new Date(Date.UTC(new Date(at.getTime() - 1).getUTCFullYear(), 0, 1)), until: at };
}

/**
 * Whether a member keeps their tier at the latest review or drops to the tier
 * their qualifying points reach (possibly several levels, possibly none).
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
  const reviewDate = latestReviewDate(input.review.every, input.now);
  if (input.reachedAt && input.reachedAt >= reviewDate) return { action: "keep", reason: "reached_since_review" };
  // Reached less than graceMonths before the review: kept until the next review.
  if (input.reachedAt && input.reachedAt > addMonths(reviewDate, -input.review.graceMonths)) return { action: "keep", reason: "grace" };
  if (input.qualifying >= current.threshold) return { action: "keep", reason: "qualifies" };
  return { action: "downgrade", from: current.key, to: tierFor(input.tiers, input.qualifying)?.key ?? null, reason: "below_threshold", reviewDate };
}
