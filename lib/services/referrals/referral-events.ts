import type { ReferralRow } from "@/db/queries/referrals";
import type { Executor } from "@/db/types";
import { recordEvent } from "@/lib/services/events/record-event";

/**
 * Announces a referral as it now stands, in the caller's transaction (the
 * outbox row commits with the change or not at all): `referral.created` when a
 * new member joins with a code, `referral.completed` when the friend's
 * qualifying purchase leaves its return window (rewarded, or not because of the
 * referrer's limit) and `referral.cancelled` when it is refunded first. The
 * public `data` of each is documented in docs/WEBHOOKS.md.
 */
export async function announceReferral(tx: Executor, r: ReferralRow, now: Date): Promise<void> {
  const base = { referralId: r.id, referrerId: r.referrerId, refereeId: r.refereeId, code: r.code };
  if (r.status === "pending") return recordEvent(tx, r.programId, "referral.created", { ...base, createdAt: r.createdAt.toISOString() }, now);
  const settled = { ...base, purchaseId: r.qualifyingPurchaseId, status: r.status, reason: r.reason };
  if (r.status === "cancelled") return recordEvent(tx, r.programId, "referral.cancelled", settled, now);
  return recordEvent(tx, r.programId, "referral.completed", { ...settled, referrerPoints: r.referrerPoints, refereePoints: r.refereePoints, referrerEntryId: r.referrerEntryId, refereeEntryId: r.refereeEntryId }, now);
}
