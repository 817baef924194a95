import { countMemberCoupons } from "@/db/queries/coupons";
import { getMember } from "@/db/queries/members";
import { listMemberSegmentIds, lockReward } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { applyDelta, type Balance } from "@/lib/domain/ledger/balance";
import { checkEligibility, periodStart, refusalCode } from "@/lib/domain/rewards/eligibility";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { redeemRewardSchema, type RedeemRewardInput } from "@/lib/validation/rewards";
import { findAccountByPointAccount } from "@/db/queries/business-accounts";
import { guardPoolRedemption, locateMemberPoints } from "@/lib/services/business-accounts/pool";
import { debitLots } from "@/lib/services/ledger/debit-lots";
import { runLedgerOperation, type OperationContext, type Replayable } from "@/lib/services/ledger/run-ledger-operation";
import { issueCoupon, type IssuedCoupon } from "./issue-coupon";
import { authorizeForMember, requireProgram } from "./reward-access";

export type { IssuedCoupon };
export type RedeemRewardResult = { entryId: number | null; rewardId: string; pointsRedeemed: number; balance: Balance; coupon: IssuedCoupon };

const CHANNEL = { member: "portal", user: "pos", api_key: "api", system: "system" } as const;

/**
 * Spends a member's points on a reward, in one ledger transaction: the
 * member's account and then the reward are locked, eligibility, stock and
 * limits are checked under those locks, the points are debited, the stock
 * goes down, a coupon (or the next free partner code) is issued and
 * `coupon.issued` is recorded. A retry with the same idempotency key returns
 * the first coupon.
 */
export async function redeemReward(db: Executor, actor: Actor, input: RedeemRewardInput, now = new Date()): Promise<Replayable<RedeemRewardResult>> {
  const data = parseInput(redeemRewardSchema, input);
  const program = await requireProgram(db, data.programId);
  authorizeForMember(actor, "points:redeem", program, data.memberId, data.storeId);
  const { idempotencyKey, ...request } = data;
  return runLedgerOperation(
    db,
    { operation: "redeem-reward", programId: program.id, locate: async (tx) => (await locateMemberPoints(tx, { programId: program.id, memberId: data.memberId })).locator, idempotencyKey: idempotencyKey && `reward:${idempotencyKey}`, request, now },
    (ctx) => issue(ctx, actor, data, now),
  );
}

async function issue(ctx: OperationContext, actor: Actor, data: ReturnType<typeof redeemRewardSchema.parse>, now: Date): Promise<RedeemRewardResult> {
  const { tx } = ctx;
  const programId = data.programId;
  const reward = await lockReward(tx, { programId, rewardId: data.rewardId });
  if (!reward) throw new NotFoundError("reward", data.rewardId);
  const member = (await getMember(tx, { programId, memberId: data.memberId }))!;
  const segmentIds = await listMemberSegmentIds(tx, { programId, memberId: member.id });
  const usage = await countMemberCoupons(tx, { programId, rewardId: reward.id, memberId: member.id, since: periodStart(reward, now) });
  // A business account's user redeems at the account's tier (B2B prices and perks follow the company's spend).
  const business = ctx.account.businessAccountId ? await findAccountByPointAccount(tx, { programId, pointAccountId: ctx.account.id }) : undefined;
  const verdict = checkEligibility({ ...reward, tierPrices: reward.tierPrices ?? null }, { tierKey: business ? business.tierKey : member.tierKey, segmentIds }, usage, now);
  if (!verdict.eligible) throw new UnprocessableError(refusalCode(verdict.reason), `This reward cannot be redeemed: ${verdict.reason.replace(/_/g, " ")}.`, { reason: verdict.reason });

  const { actorType, actorId } = actorRef(actor);
  const price = verdict.price;
  let entryId: number | null = null;
  let balance = ctx.balance;
  if (price > 0) {
    await guardPoolRedemption(ctx, { memberId: member.id, points: price });
    const { entry } = await debitLots(ctx, price, {
      memberId: member.id,
      kind: "redeem",
      availableDelta: -price,
      channel: CHANNEL[actor.kind],
      storeId: data.storeId,
      actorType,
      actorId,
      idempotencyKey: data.idempotencyKey && `reward:${data.idempotencyKey}`,
      reason: `Canje: ${reward.name.es || reward.name.en}`,
      explanation: { reward: { id: reward.id, name: reward.name, kind: reward.kind } },
      occurredAt: now,
    });
    entryId = entry.id;
    balance = applyDelta(ctx.balance, { available: -price, lifetimeRedeemed: price });
    await ctx.saveBalance(balance);
  }
  const issued = await issueCoupon(tx, { programId, reward, memberId: member.id, pointsSpent: price, redeemEntryId: entryId, now });
  return { entryId, rewardId: reward.id, pointsRedeemed: price, balance, coupon: issued };
}
