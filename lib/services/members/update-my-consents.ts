import { getMember } from "@/db/queries/members";
import { getProgramById } from "@/db/queries/programs";
import { lockMember, updateMember } from "@/db/queries/member-updates";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { parseInput } from "@/lib/validation/common";
import { advanceProfileChallenges } from "@/lib/services/gamification/advance-challenges";
import { selfRef } from "./self-ref";
import { updateMyConsentsSchema, type UpdateMyConsentsInput } from "@/lib/validation/member-privacy";

export type MyConsents = { termsAcceptedAt: string | null; marketing: boolean; personalization: boolean };

/**
 * The member changes their optional consents. Authorized (self) before the input
 * is read; refusing never touches points or rewards — only these two flags change.
 * Audited with the member as the actor.
 */
export async function updateMyConsents(db: Executor, actor: Actor, input: UpdateMyConsentsInput | { marketing?: unknown; personalization?: unknown }, now = new Date()): Promise<MyConsents> {
  const ref = selfRef(actor);
  const data = parseInput(updateMyConsentsSchema, input);
  const consents = await db.transaction(async (tx) => {
    const [member, program] = await Promise.all([lockMember(tx, ref), getProgramById(tx, ref.programId)]);
    if (!member || member.status !== "active" || !program) throw new NotFoundError("member", ref.memberId);
    const before = { consentMarketing: member.consentMarketing, consentPersonalization: member.consentPersonalization };
    const after = { consentMarketing: data.marketing, consentPersonalization: data.personalization };
    const row = await updateMember(tx, { ...ref, now }, after);
    await recordAudit(tx, actor, { program, action: "member.consents_updated", targetType: "member", targetId: ref.memberId, before, after });
    return { termsAcceptedAt: row.consentTermsAt?.toISOString() ?? null, marketing: row.consentMarketing, personalization: row.consentPersonalization };
  });
  // Consents can complete a "complete your profile" challenge.
  await advanceProfileChallenges(db, { ...ref, now });
  return consents;
}

/** The signed-in member's consents, as the privacy page shows them. */
export async function getMyConsents(db: Executor, actor: Actor): Promise<MyConsents> {
  const ref = selfRef(actor);
  const member = await getMember(db, ref);
  if (!member || member.status !== "active") throw new NotFoundError("member", ref.memberId);
  return { termsAcceptedAt: member.consentTermsAt?.toISOString() ?? null, marketing: member.consentMarketing, personalization: member.consentPersonalization };
}
