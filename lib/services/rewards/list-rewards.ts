import { countMemberCoupons } from "@/db/queries/coupons";
import { getMember } from "@/db/queries/members";
import { getAccountByMember } from "@/db/queries/ledger";
import { listMemberSegmentIds, listRewardsWithCounts, type RewardListRow } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { checkEligibility, periodStart } from "@/lib/domain/rewards/eligibility";
import { NotFoundError } from "@/lib/errors";
import { pooledSpendingPower } from "@/lib/services/business-accounts/pool";
import { authorizeForMember, requireProgram } from "./reward-access";
import { resolveRewardTargets } from "./reward-targets";
import { termsOf, toRewardView, type RewardView } from "./reward-view";

/** The console's catalog: every reward, with redeemed count, stock left and free partner codes. */
export async function listRewards(db: Executor, actor: Actor, input: { programId: string }): Promise<RewardListRow[]> {
  const program = await requireProgram(db, input.programId);
  authorize(actor, "rewards:read", program);
  return listRewardsWithCounts(db, { programId: program.id });
}

/** The active catalog as integrations see it, at base prices. */
export async function listActiveRewards(db: Executor, actor: Actor, input: { programId: string }, now = new Date()): Promise<RewardView[]> {
  const program = await requireProgram(db, input.programId);
  authorize(actor, "members:read", program);
  const rows = (await listRewardsWithCounts(db, { programId: program.id, status: ["active"] })).filter((r) => (!r.validFrom || r.validFrom <= now) && (!r.validUntil || now < r.validUntil));
  const targets = await resolveRewardTargets(db, program.id, rows);
  return rows.map((r) => toRewardView(r, targets.get(r.id) ?? null));
}

export type MemberRewardView = RewardView & { price: number; affordable: boolean };

/** The rewards this member may redeem now (tier, segment, window, stock and limits), at their price. */
export async function listMemberRewards(db: Executor, actor: Actor, input: { programId: string; memberId: string }, now = new Date()): Promise<{ available: number; rewards: MemberRewardView[] }> {
  const program = await requireProgram(db, input.programId);
  authorizeForMember(actor, "members:read", program, input.memberId);
  const member = await getMember(db, { programId: program.id, memberId: input.memberId });
  if (!member) throw new NotFoundError("member", input.memberId);
  const [segmentIds, account, rows] = await Promise.all([
    listMemberSegmentIds(db, { programId: program.id, memberId: member.id }),
    getAccountByMember(db, { programId: program.id, memberId: member.id }),
    listRewardsWithCounts(db, { programId: program.id, status: ["active"] }),
  ]);
  // A buyer of a business account spends the company's pool (within their limit) at the account's tier.
  const pooled = await pooledSpendingPower(db, { programId: program.id, memberId: member.id, now, timeZone: program.timeZone });
  const available = pooled?.available ?? account?.available ?? 0;
  const tierKey = pooled ? pooled.tierKey : member.tierKey;
  const targets = await resolveRewardTargets(db, program.id, rows);
  const result: MemberRewardView[] = [];
  for (const reward of rows) {
    // Partner perks without free codes cannot be handed out, whatever the stock says.
    if (reward.kind === "partner_perk" && reward.freeCodes === 0) continue;
    const usage = reward.perMemberLimit !== null || reward.periodLimit
      ? await countMemberCoupons(db, { programId: program.id, rewardId: reward.id, memberId: member.id, since: periodStart(reward, now) })
      : { total: 0, inPeriod: 0 };
    const verdict = checkEligibility(termsOf(reward), { tierKey, segmentIds }, usage, now);
    if (verdict.eligible) result.push({ ...toRewardView(reward, targets.get(reward.id) ?? null), price: verdict.price, affordable: verdict.price <= available });
  }
  return { available, rewards: result };
}
