import { getAccountByMember, lockAccounts } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import { countRewardedReferrals, getReferral, listDueReferrals, lockPurchaseById, lockReferral, purchaseHasPendingPoints, settleReferral, type ReferralRow } from "@/db/queries/referrals";
import type { Executor } from "@/db/types";
import { decideReward, referralSettingsOf } from "@/lib/domain/referrals/referral-rules";
import { NotFoundError } from "@/lib/errors";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { announceReferral } from "./referral-events";

export type ReferralOutcome = "rewarded" | "not_rewarded" | "cancelled" | "waiting" | "done";
export type RewardReferralsResult = { referrals: number; rewarded: number; notRewarded: number };

/** The ledger idempotency key of one side of one referral: even past the referral row, it can never credit twice. */
export const referralKey = (referralId: string, side: "referrer" | "referee") => `referral:${referralId}:${side}`;

/**
 * Rewards every referral whose qualifying purchase's points have left the
 * return window. Runs after the pending release (the points-release job);
 * each referral is its own transaction, so running it twice, or twice at
 * once, rewards nothing twice.
 */
export async function rewardDueReferrals(db: Executor, p: { programId: string; now?: Date; batchSize?: number }): Promise<RewardReferralsResult> {
  const now = p.now ?? new Date();
  const program = await getProgramById(db, p.programId);
  if (!program) throw new NotFoundError("program", p.programId);
  const total: RewardReferralsResult = { referrals: 0, rewarded: 0, notRewarded: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = (await listDueReferrals(db, { programId: program.id, limit: p.batchSize ?? 200 })).filter((r) => !seen.has(r.id));
    if (!due.length) return total;
    for (const r of due) {
      seen.add(r.id);
      const outcome = await rewardReferral(db, program, r.id, now);
      if (outcome === "rewarded") total.rewarded += 1;
      if (outcome === "not_rewarded") total.notRewarded += 1;
      if (outcome === "rewarded" || outcome === "not_rewarded") total.referrals += 1;
    }
  }
}

/**
 * One referral, in one transaction, locking in the order the refund does
 * (purchase, then the referral, then the accounts by id), so the two queue
 * instead of deadlocking. Under the locks it re-checks that the referral is
 * still pending, its purchase unrefunded and out of the return window; the
 * referrer's account lock makes the limit count exact when two of their
 * friends qualify at once. Both sides' points and the status change commit together.
 */
export async function rewardReferral(db: Executor, program: ProgramRow, referralId: string, now: Date): Promise<ReferralOutcome> {
  const hint = await getReferral(db, { programId: program.id, referralId });
  if (!hint || hint.status !== "pending" || !hint.qualifyingPurchaseId) return "done";
  const purchaseId = hint.qualifyingPurchaseId;
  return db.transaction(async (tx) => {
    const purchase = await lockPurchaseById(tx, { programId: program.id, purchaseId });
    const referral = await lockReferral(tx, { programId: program.id, referralId });
    if (!referral || referral.status !== "pending" || referral.qualifyingPurchaseId !== purchaseId || !purchase) return "done";
    if (purchase.refundedMinor > 0) {
      await settle(tx, program, referral, { status: "cancelled", reason: "purchase_refunded" }, now);
      return "cancelled";
    }
    if (await purchaseHasPendingPoints(tx, { programId: program.id, earnEntryId: purchase.earnEntryId })) return "waiting";
    await lockBothAccounts(tx, program.id, referral);
    const decision = decideReward(referralSettingsOf(program.settings.referrals), await countRewardedReferrals(tx, { programId: program.id, referrerId: referral.referrerId }));
    if (!decision.reward) {
      await settle(tx, program, referral, { status: "not_rewarded", reason: decision.reason }, now);
      return "not_rewarded";
    }
    // A referrer who left the program (suspended, anonymized) gets nothing; the new member still does.
    const referrer = await getMember(tx, { programId: program.id, memberId: referral.referrerId });
    const referrerPoints = referrer?.status === "active" ? decision.referrerPoints : 0;
    const referrerEntryId = await credit(tx, program, referral, "referrer", referrerPoints, now);
    const refereeEntryId = await credit(tx, program, referral, "referee", decision.refereePoints, now);
    await settle(tx, program, referral, { status: "rewarded", referrerPoints, refereePoints: decision.refereePoints, referrerEntryId, refereeEntryId }, now);
    return "rewarded";
  });
}

type Settlement = { status: "rewarded" | "not_rewarded" | "cancelled"; reason?: string | null; referrerPoints?: number; refereePoints?: number; referrerEntryId?: number | null; refereeEntryId?: number | null };

/** Ends a referral and announces it (referral.completed or referral.cancelled) in the same transaction. */
async function settle(tx: Executor, program: ProgramRow, referral: ReferralRow, s: Settlement, now: Date): Promise<void> {
  await settleReferral(tx, { programId: program.id, referralId: referral.id, ...s, now });
  const settled = { reason: null, referrerPoints: 0, refereePoints: 0, referrerEntryId: null, refereeEntryId: null, ...s };
  await announceReferral(tx, { ...referral, ...settled, settledAt: now, updatedAt: now }, now);
}

async function lockBothAccounts(tx: Executor, programId: string, referral: ReferralRow): Promise<void> {
  const ids = await Promise.all([referral.referrerId, referral.refereeId].map(async (memberId) => (await getAccountByMember(tx, { programId, memberId }))?.id));
  await lockAccounts(tx, { programId, accountIds: ids.filter((id): id is string => Boolean(id)) });
}

/** The history line's reason, in the program's language (reasons are stored text, like a campaign's name). */
function referralReason(locale: string, side: "referrer" | "referee"): string {
  const es = locale.toLowerCase().startsWith("es");
  if (side === "referrer") return es ? "Referido: primera compra de tu amigo" : "Referral: your friend's first purchase";
  return es ? "Referido: bienvenida" : "Referral: welcome";
}

async function credit(tx: Executor, program: ProgramRow, referral: ReferralRow, side: "referrer" | "referee", points: number, now: Date): Promise<number | null> {
  if (points <= 0) return null;
  const earned = await earnPoints(
    tx,
    {
      programId: program.id,
      memberId: side === "referrer" ? referral.referrerId : referral.refereeId,
      points,
      reason: referralReason(program.locale, side),
      idempotencyKey: referralKey(referral.id, side),
      actor: { type: "system", id: `referral:${referral.id}` },
      channel: "system",
      // The purchase is named only here: purchase_id on the entry would make the referrer's points look like their own purchase's.
      explanation: { referral: { id: referral.id, side, referrerId: referral.referrerId, refereeId: referral.refereeId, purchaseId: referral.qualifyingPurchaseId } },
      occurredAt: now,
    },
    now,
  );
  return earned.entryId;
}
