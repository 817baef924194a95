import { findAccountByPointAccount, insertAccountPurchase, setBusinessAccountTier, sumAccountEarnedSince, sumAccountSpendSince, type Membership } from "@/db/queries/business-accounts";
import type { Executor } from "@/db/types";
import { tierFor } from "@/lib/domain/plan/base-points";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { qualificationSince } from "@/lib/domain/plan/tier-review";

/**
 * The business side of a purchase made by one of an account's users, inside
 * the purchase's transaction (the pool is already locked): the purchase is
 * attributed to the account, and the account climbs the tier ladder on its
 * own total (every user's spend, or the pool's points, as the plan says).
 * Upgrades only, like members' tiers on purchase.
 */
export async function creditAccountPurchase(
  tx: Executor,
  p: { program: { id: string; timeZone: string }; membership: Membership; purchaseId: string; occurredAt: Date; plan: PlanDefinition; now: Date },
): Promise<{ from: string | null; to: string } | null> {
  const { user } = p.membership;
  // Read again under the pool's lock: a purchase of another user may have just raised the tier.
  const account = (await findAccountByPointAccount(tx, { programId: p.program.id, pointAccountId: p.membership.account.pointAccountId }))!;
  await insertAccountPurchase(tx, { programId: p.program.id, purchaseId: p.purchaseId, accountId: account.id, memberId: user.memberId, occurredAt: p.occurredAt });
  if (!p.plan.tiers.length) return null;
  const since = qualificationSince(p.plan.tierQualification, p.now, p.program.timeZone);
  const total =
    p.plan.tierQualification.metric === "spend"
      ? await sumAccountSpendSince(tx, { programId: p.program.id, accountId: account.id, since })
      : await sumAccountEarnedSince(tx, { programId: p.program.id, pointAccountId: account.pointAccountId, since });
  const reached = tierFor(p.plan.tiers, total);
  const rank = (key: string | null) => p.plan.tiers.findIndex((t) => t.key === key);
  if (!reached || rank(reached.key) <= rank(account.tierKey)) return null;
  await setBusinessAccountTier(tx, { programId: p.program.id, accountId: account.id, tierKey: reached.key, now: p.now });
  return { from: account.tierKey, to: reached.key };
}
