import { countReferralsByStatus, getReferrerOf } from "@/db/queries/referrals";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import type { ReferralStatus } from "@/db/queries/referrals";
import { getMember } from "@/db/queries/members";
import { formatReferralCode } from "@/lib/domain/referrals/referral-code";
import { NotFoundError } from "@/lib/errors";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";

export type MemberReferrals = {
  referralCode: string | null;
  referredBy: { memberId: string; name: string | null; cardNumber: string; status: ReferralStatus; reason: string | null } | null;
  referred: Record<ReferralStatus, number> & { total: number };
};

/** Console member detail: who referred this member, and how many they referred (members:read). */
export async function getMemberReferrals(db: Executor, actor: Actor, input: { programId: string; memberId: string }): Promise<MemberReferrals> {
  const program = await authorizeProgram(db, actor, "members:read", input.programId);
  const member = await getMember(db, { programId: program.id, memberId: input.memberId });
  if (!member) throw new NotFoundError("member", input.memberId);
  const [by, counts] = await Promise.all([getReferrerOf(db, { programId: program.id, refereeId: member.id }), countReferralsByStatus(db, { programId: program.id, referrerId: member.id })]);
  return {
    referralCode: member.referralCode ? formatReferralCode(member.referralCode) : null,
    referredBy: by ? { memberId: by.referrerId, name: by.name, cardNumber: by.cardNumber, status: by.status, reason: by.reason } : null,
    referred: { ...counts, total: counts.pending + counts.rewarded + counts.not_rewarded + counts.cancelled },
  };
}
