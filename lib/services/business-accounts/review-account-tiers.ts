import { lockTieredBusinessAccounts, setBusinessAccountTier, sumAccountEarnedSince, sumAccountSpendSince } from "@/db/queries/business-accounts";
import type { Executor } from "@/db/types";
import type { PlanDefinition, TierReview } from "@/lib/domain/plan/plan-definition";
import { reviewTier } from "@/lib/domain/plan/tier-review";

/**
 * The tier review for business accounts, with the same verdict as members'
 * (lib/services/tiers/review-tiers.ts): an account below its tier's threshold
 * over the window ending at the review date drops to the tier its total
 * reaches, unless it reached its tier within the grace. One transaction under
 * the accounts' row locks; the verdict depends only on the review date, so
 * running it twice changes nothing twice.
 */
export async function reviewAccountTiers(
  db: Executor,
  c: { programId: string; timeZone: string; plan: PlanDefinition; review: TierReview; window: { since: Date; until: Date }; now: Date },
): Promise<{ reviewed: number; downgraded: number }> {
  return db.transaction(async (tx) => {
    const accounts = await lockTieredBusinessAccounts(tx, c.programId);
    let downgraded = 0;
    for (const account of accounts) {
      const qualifying =
        c.plan.tierQualification.metric === "spend"
          ? await sumAccountSpendSince(tx, { programId: c.programId, accountId: account.id, ...c.window })
          : await sumAccountEarnedSince(tx, { programId: c.programId, pointAccountId: account.pointAccountId, ...c.window });
      const decision = reviewTier({
        tiers: c.plan.tiers,
        currentTier: account.tierKey,
        qualifying,
        reachedAt: account.tierReachedAt,
        tierOverrideUntil: null,
        review: c.review,
        now: c.now,
        timeZone: c.timeZone,
      });
      if (decision.action !== "downgrade") continue;
      await setBusinessAccountTier(tx, { programId: c.programId, accountId: account.id, tierKey: decision.to, now: c.now });
      downgraded += 1;
    }
    return { reviewed: accounts.length, downgraded };
  });
}
