import type { ProgramRow } from "@/db/queries/programs";
import { attachQualifyingPurchase, cancelReferralsOfPurchase } from "@/db/queries/referrals";
import type { Executor } from "@/db/types";
import { announceReferral } from "./referral-events";
import { qualifies, referralSettingsOf } from "@/lib/domain/referrals/referral-rules";

/**
 * In the purchase's transaction: the referred member's first purchase of at
 * least the program's minimum becomes their referral's qualifying purchase.
 * The reward waits for its points to leave the return window (rewardDueReferrals).
 */
export async function noteQualifyingPurchase(tx: Executor, p: { program: ProgramRow; memberId: string; purchaseId: string; amountMinor: number; at: Date }): Promise<void> {
  if (!qualifies(p.amountMinor, referralSettingsOf(p.program.settings.referrals))) return;
  await attachQualifyingPurchase(tx, { programId: p.program.id, refereeId: p.memberId, purchaseId: p.purchaseId, at: p.at });
}

/**
 * In the refund's transaction (under the purchase's lock): a refund of a
 * qualifying purchase whose referral is not yet rewarded cancels the referral.
 * After the reward, a refund takes back only the purchase's own points.
 */
export async function cancelReferralOnRefund(tx: Executor, p: { programId: string; purchaseId: string; now: Date }): Promise<number> {
  const cancelled = await cancelReferralsOfPurchase(tx, p);
  for (const referral of cancelled) await announceReferral(tx, referral, p.now);
  return cancelled.length;
}
