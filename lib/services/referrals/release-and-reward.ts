import type { Executor } from "@/db/types";
import { releaseDuePoints, type DueLotsResult } from "@/lib/services/ledger/process-due-lots";
import { rewardDueReferrals } from "./reward-referrals";

/** The pending release, then the referral rewards it made due (the points-release job, and "run now" in the console). */
export async function releaseAndRewardReferrals(db: Executor, p: { programId: string; now: Date }): Promise<DueLotsResult & { referrals: number }> {
  const released = await releaseDuePoints(db, p);
  const rewarded = await rewardDueReferrals(db, p);
  return { ...released, referrals: rewarded.referrals };
}
