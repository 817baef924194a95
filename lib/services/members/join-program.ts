import { findActiveMemberByEmail } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import { parseInput } from "@/lib/validation/common";
import { joinProgramSchema, type JoinProgramInput } from "@/lib/validation/join";
import { requestMemberCode } from "@/lib/services/auth/member-codes";
import { createMember } from "./create-member";
import { resolveReferrer } from "@/lib/services/referrals/resolve-referrer";
import { ReferralError } from "@/lib/services/referrals/referral-errors";

/**
 * Portal enrolment: creates the member (channel "portal", with the consents
 * given) and mails a sign-in code. An address that already belongs to a member
 * only gets a code, and the answer is the same, so the form reveals nobody.
 * A referral code is checked either way (an unknown one is a field error);
 * an existing member is not referred, except that their own code is refused as such.
 */
export async function joinProgram(db: Executor, input: JoinProgramInput & { ip: string }, now = new Date()): Promise<{ sent: true }> {
  const { ip, ...fields } = input;
  const data = parseInput(joinProgramSchema, fields);
  const existing = await findActiveMemberByEmail(db, { programId: data.programId, email: data.email });
  if (existing && data.referralCode) {
    const referrer = await resolveReferrer(db, { programId: data.programId, code: data.referralCode, referee: {} });
    if (referrer.id === existing.id) throw new ReferralError("self_referral");
  }
  if (!existing) {
    await createMember(
      db,
      { programId: data.programId, email: data.email, name: data.name, phone: data.phone, birthday: data.birthday, consents: data.consents, enrolmentChannel: "portal", referralCode: data.referralCode },
      now,
    );
  }
  return requestMemberCode(db, { programId: data.programId, email: data.email, locale: data.locale, ip }, now);
}
