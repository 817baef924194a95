import { randomInt } from "node:crypto";
import { cardNumberTaken, findMemberByExternalId, insertMemberWithAccount, type MemberRow } from "@/db/queries/members";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { isUniqueViolation } from "@/db/rows";
import { makeCardNumber } from "@/lib/domain/card-number";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { parseInput } from "@/lib/validation/common";
import { createMemberSchema, type CreateMemberInput } from "@/lib/validation/member";
import { insertReferral } from "@/db/queries/referrals";
import { freshReferralCode } from "@/lib/services/referrals/ensure-referral-code";
import { resolveReferrer } from "@/lib/services/referrals/resolve-referrer";
import { announceReferral } from "@/lib/services/referrals/referral-events";

/**
 * Enrols a member with a fresh card number, a referral code of their own and
 * an empty points account, in one transaction. A referral code given is
 * checked first (unknown, self and same identity are refused, writing
 * nothing); the referral is recorded with the member.
 */
export async function createMember(db: Executor, input: CreateMemberInput, now = new Date()): Promise<MemberRow> {
  const data = parseInput(createMemberSchema, input);
  return db.transaction(async (tx) => {
    if (!(await getProgramById(tx, data.programId))) throw new NotFoundError("program", data.programId);
    if (data.externalId && (await findMemberByExternalId(tx, { programId: data.programId, externalId: data.externalId }))) {
      throw memberExists(data.externalId);
    }
    let cardNumber = makeCardNumber(() => randomInt(10));
    while (await cardNumberTaken(tx, { programId: data.programId, cardNumber })) cardNumber = makeCardNumber(() => randomInt(10));
    const referrer = data.referralCode ? await resolveReferrer(tx, { programId: data.programId, code: data.referralCode, referee: { email: data.email, phone: data.phone } }) : null;
    const member = await insertMemberWithAccount(tx, {
      programId: data.programId,
      externalId: data.externalId,
      cardNumber,
      email: data.email,
      phone: data.phone,
      name: data.name,
      birthday: data.birthday,
      city: data.city,
      enrolmentChannel: data.enrolmentChannel,
      enrolledAt: data.enrolledAt ?? now,
      consentTermsAt: data.consents?.terms ? now : null,
      consentMarketing: data.consents?.marketing ?? false,
      consentPersonalization: data.consents?.personalization ?? false,
      referralCode: await freshReferralCode(tx, data.programId),
      referredBy: referrer?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordEvent(tx, data.programId, "member.created", memberCreatedData(member), now);
    if (referrer) {
      const referral = await insertReferral(tx, { programId: data.programId, referrerId: referrer.id, refereeId: member.id, code: referrer.code, createdAt: now, updatedAt: now });
      await announceReferral(tx, referral, now);
    }
    return member;
  }).catch((error: unknown) => {
    // Two enrolments of one externalId at once both pass the check above; the unique index stops the second.
    if (data.externalId && isUniqueViolation(error, "members_program_external_key")) throw memberExists(data.externalId);
    throw error;
  });
}

function memberExists(externalId: string): ConflictError {
  return new ConflictError("member_exists", `A member with externalId "${externalId}" already exists.`, { externalId });
}

/** The public `data` of member.created (docs/WEBHOOKS.md). */
function memberCreatedData(m: MemberRow) {
  return { memberId: m.id, externalId: m.externalId, cardNumber: m.cardNumber, email: m.email, phone: m.phone, name: m.name, enrolmentChannel: m.enrolmentChannel, enrolledAt: m.enrolledAt.toISOString() };
}
