import { lockReward } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { offerKey, offerRefusal } from "@/lib/domain/campaigns/offer";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { runLedgerOperation } from "@/lib/services/ledger/run-ledger-operation";
import { issueCoupon, type IssuedCoupon } from "@/lib/services/rewards/issue-coupon";

export type OfferCoupon = IssuedCoupon & { rewardId: string; replayed: boolean };

/**
 * Issues an offer's coupon to one member without spending points, through the
 * same issuance as a redemption: the member's account is locked first and the
 * reward second (the order a redemption takes, so the two never deadlock), the
 * reward's availability is checked under its lock, and the coupon carries the
 * campaign. The idempotency key `campaign:<id>:member:<id>` makes a replay
 * return the first coupon instead of a second one.
 */
export async function issueOfferCoupon(tx: Executor, p: { programId: string; campaignId: string; rewardId: string; memberId: string; now: Date }): Promise<OfferCoupon> {
  const result = await runLedgerOperation(
    tx,
    {
      operation: "campaign-offer",
      programId: p.programId,
      locate: async () => ({ memberId: p.memberId }),
      idempotencyKey: offerKey(p.campaignId, p.memberId),
      request: { campaignId: p.campaignId, memberId: p.memberId, rewardId: p.rewardId },
      now: p.now,
    },
    async (ctx) => {
      const reward = await lockReward(ctx.tx, { programId: p.programId, rewardId: p.rewardId });
      if (!reward) throw new NotFoundError("reward", p.rewardId);
      const refusal = offerRefusal(reward, p.now);
      if (refusal) throw new UnprocessableError(refusal === "out_of_stock" ? "out_of_stock" : "reward_not_eligible", `The offer's reward cannot be issued: ${refusal.replace(/_/g, " ")}.`, { reason: refusal });
      const coupon = await issueCoupon(ctx.tx, { programId: p.programId, reward, memberId: p.memberId, pointsSpent: 0, redeemEntryId: null, campaignId: p.campaignId, now: p.now });
      return { ...coupon, rewardId: reward.id };
    },
  );
  return result;
}

/** A refusal of the reward itself (gone, archived, out of its dates or stock): the sweep stops, nobody else can get it either. */
export function isRewardUnavailable(error: unknown): boolean {
  if (error instanceof NotFoundError) return error.resource === "reward";
  return error instanceof UnprocessableError && (error.code === "out_of_stock" || error.code === "reward_not_eligible");
}
