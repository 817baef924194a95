import { findOtherMemberWith, lockMember, updateMember as updateRow, type MemberChanges } from "@/db/queries/member-updates";
import type { MemberRow } from "@/db/queries/members";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { parseInput } from "@/lib/validation/common";
import { apiUpdateMemberSchema, type ApiUpdateMember } from "@/lib/validation/api-member";
import { advanceProfileChallenges } from "@/lib/services/gamification/advance-challenges";
import { getMemberProfile, type MemberProfile } from "./get-member-profile";

/**
 * Changes a member's contact data, name, birthday or consents (members:write),
 * audited with before and after in the same transaction. An email or phone
 * another active member of the program already uses is a 409: members sign in
 * and are looked up by them, so they must name one person.
 */
export async function updateMemberDetails(db: Executor, actor: Actor, input: { programId: string; memberId: string; changes: ApiUpdateMember }, now = new Date()): Promise<MemberProfile> {
  const changes = parseInput(apiUpdateMemberSchema, input.changes);
  const program = await getProgramById(db, input.programId);
  if (!program) throw new NotFoundError("program", input.programId);
  authorize(actor, "members:write", program);
  await db.transaction(async (tx) => {
    const member = await lockMember(tx, { programId: program.id, memberId: input.memberId });
    if (!member) throw new NotFoundError("member", input.memberId);
    const taken = await findOtherMemberWith(tx, { programId: program.id, memberId: member.id, email: changes.email ?? undefined, phone: changes.phone ?? undefined });
    if (taken.email) throw new ConflictError("email_taken", "Another member of this program already uses this email.", { field: "email" });
    if (taken.phone) throw new ConflictError("phone_taken", "Another member of this program already uses this phone.", { field: "phone" });
    const values = toColumns(member, changes, now);
    const after = await updateRow(tx, { programId: program.id, memberId: member.id, now }, values);
    await recordAudit(tx, actor, { program, action: "member.update", targetType: "member", targetId: member.id, before: pick(member, values), after: pick(after, values) });
  });
  // Profile challenges move once the change is committed, in their own transaction (see advanceProfileChallenges).
  await advanceProfileChallenges(db, { programId: program.id, memberId: input.memberId, now });
  return getMemberProfile(db, { kind: "system", label: "update-member" }, { programId: program.id, memberId: input.memberId });
}

function toColumns(member: MemberRow, c: ApiUpdateMember, now: Date): MemberChanges {
  const values: MemberChanges = {};
  if (c.email !== undefined) values.email = c.email;
  if (c.phone !== undefined) values.phone = c.phone;
  if (c.name !== undefined) values.name = c.name;
  if (c.birthday !== undefined) values.birthday = c.birthday;
  // Terms consent keeps its original date while it stands; withdrawing clears it.
  if (c.consents?.terms !== undefined) values.consentTermsAt = c.consents.terms ? (member.consentTermsAt ?? now) : null;
  if (c.consents?.marketing !== undefined) values.consentMarketing = c.consents.marketing;
  if (c.consents?.personalization !== undefined) values.consentPersonalization = c.consents.personalization;
  return values;
}

/** Only the changed columns, so the audit entry says what changed. */
function pick(row: MemberRow, values: MemberChanges): Record<string, unknown> {
  return Object.fromEntries(Object.keys(values).map((k) => [k, row[k as keyof MemberChanges] instanceof Date ? (row[k as keyof MemberChanges] as Date).toISOString() : row[k as keyof MemberChanges]]));
}
