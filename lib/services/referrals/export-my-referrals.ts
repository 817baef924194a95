import type { MemberRow } from "@/db/queries/members";
import { getReferrerOf, listReferralsByReferrer } from "@/db/queries/referrals";
import type { Executor } from "@/db/types";
import { formatReferralCode } from "@/lib/domain/referrals/referral-code";
import { friendName } from "./get-my-referrals";

/** Friends of one referrer beyond this many are not expected (reward limits are far lower); the export stops there. */
const MAX_FRIENDS = 10_000;

/**
 * The referral part of a member's "download my data": their code, who referred
 * them, the friends they referred and the points each referral earned them.
 * Other members appear as the portal shows them (first name and initial), since
 * their data is theirs, not the requester's. The caller has checked the member is the signed-in one.
 */
export async function exportMyReferrals(db: Executor, member: Pick<MemberRow, "id" | "programId" | "referralCode">) {
  const programId = member.programId;
  const [by, friends] = await Promise.all([getReferrerOf(db, { programId, refereeId: member.id }), listReferralsByReferrer(db, { programId, referrerId: member.id, limit: MAX_FRIENDS })]);
  const referred = friends.map((f) => ({ name: friendName(f.name), status: f.status, reason: f.reason, pointsEarned: f.referrerPoints, joinedAt: f.createdAt.toISOString(), settledAt: f.settledAt?.toISOString() ?? null }));
  const referredBy = by
    ? { name: friendName(by.name), code: formatReferralCode(by.code), status: by.status, reason: by.reason, pointsEarned: by.refereePoints, joinedAt: by.createdAt.toISOString(), settledAt: by.settledAt?.toISOString() ?? null }
    : null;
  return {
    code: member.referralCode ? formatReferralCode(member.referralCode) : null,
    referredBy,
    referred,
    pointsEarned: referred.reduce((sum, f) => sum + f.pointsEarned, 0) + (referredBy?.pointsEarned ?? 0),
  };
}
