import { listTierReachedAt, lockTieredMembers } from "@/db/queries/members";
import { getLivePlanVersion } from "@/db/queries/plans";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import type { PlanDefinition, TierReview } from "@/lib/domain/plan/plan-definition";
import { latestReviewDate, qualificationWindow, reviewTier, tierReviewOf } from "@/lib/domain/plan/tier-review";
import { NotFoundError } from "@/lib/errors";
import { reviewAccountTiers } from "@/lib/services/business-accounts/review-account-tiers";
import { changeMemberTier } from "./change-member-tier";
import { qualifyingTotalsBetween } from "./qualifying-total";

export type ReviewTiersResult = { reviewed: number; downgraded: number };

/**
 * Applies the latest tier review of the program's live plan: members below
 * their tier's threshold at the review date drop to the tier their points (or
 * spend net of refunds, by the plan's metric) reach (history reason "review"),
 * unless an override or grace keeps them. Review dates and the calendar-year
 * window are on the program's local calendar.
 * Works in batches of members, each one transaction under the members' row
 * locks (a purchase upgrading one of them waits); the verdict depends only on
 * the review date, so running it daily, twice, or late changes nothing twice.
 * Business accounts with a tier are reviewed the same way, after the members.
 */
export async function reviewTiers(db: Executor, options: { programId: string; now?: Date; batchSize?: number }): Promise<ReviewTiersResult> {
  const { programId } = options;
  const now = options.now ?? new Date();
  const program = await getProgramById(db, programId);
  if (!program) throw new NotFoundError("program", programId);
  const total: ReviewTiersResult = { reviewed: 0, downgraded: 0 };
  const version = await getLivePlanVersion(db, { programId, at: now });
  const plan = version?.definition as PlanDefinition | undefined;
  if (!plan || !plan.tiers.length) return total;
  const { timeZone } = program;
  const review = tierReviewOf(plan);
  const window = qualificationWindow(plan.tierQualification, latestReviewDate(review.every, now, timeZone), timeZone);

  const context: BatchContext = { programId, timeZone, plan, review, window, now, limit: options.batchSize ?? 500 };
  for (let afterId: string | null = null; ; ) {
    const batch = await db.transaction((tx) => reviewBatch(tx, context, afterId));
    total.reviewed += batch.reviewed;
    total.downgraded += batch.downgraded;
    if (!batch.lastId) break;
    afterId = batch.lastId;
  }
  // Business accounts hold tiers of their own (on the whole account's total): the same review.
  const accounts = await reviewAccountTiers(db, context);
  return { reviewed: total.reviewed + accounts.reviewed, downgraded: total.downgraded + accounts.downgraded };
}

type BatchContext = { programId: string; timeZone: string; plan: PlanDefinition; review: TierReview; window: { since: Date; until: Date }; now: Date; limit: number };

/** One batch: lock the members, read their qualifying totals and tier history under the lock, apply the downgrades. */
async function reviewBatch(tx: Executor, c: BatchContext, afterId: string | null): Promise<ReviewTiersResult & { lastId: string | null }> {
  const { programId, now } = c;
  const members = await lockTieredMembers(tx, { programId, afterId, limit: c.limit });
  const memberIds = members.map((m) => m.id);
  const qualifying = await qualifyingTotalsBetween(tx, { programId, memberIds, metric: c.plan.tierQualification.metric, ...c.window });
  const reachedAt = await listTierReachedAt(tx, { programId, memberIds });
  let downgraded = 0;
  for (const member of members) {
    const decision = reviewTier({
      tiers: c.plan.tiers,
      currentTier: member.tierKey,
      qualifying: qualifying.get(member.id) ?? 0,
      reachedAt: reachedAt.get(member.id) ?? null,
      tierOverrideUntil: member.tierOverrideUntil,
      review: c.review,
      now,
      timeZone: c.timeZone,
    });
    if (decision.action !== "downgrade") continue;
    await changeMemberTier(tx, { programId, memberId: member.id, from: decision.from, to: decision.to, reason: "review", now });
    downgraded += 1;
  }
  return { lastId: memberIds.at(-1) ?? null, reviewed: members.length, downgraded };
}
