import { getProgramById } from "@/db/queries/programs";
import { listStoreIds } from "@/db/queries/stores";
import { findUserByEmail, insertMembership, insertUser } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { addTeamMemberSchema, type AddTeamMemberInput } from "@/lib/validation/team";
import { recordAudit } from "@/lib/services/audit/record-audit";

export type AddedTeamMember = { userId: string; membershipId: string; isNewUser: boolean; hasPassword: boolean };

/**
 * Gives a person a role in a program (or, for owners and admins, the whole
 * organization), creating their user when new. Stores must belong to the
 * program. Audited. The invitation flow adds a link token and an email on top.
 */
export async function addTeamMember(db: Executor, actor: Actor, input: AddTeamMemberInput, tx?: Executor): Promise<AddedTeamMember> {
  const data = parseInput(addTeamMemberSchema, input);
  const program = await getProgramById(db, data.programId);
  if (!program) throw new NotFoundError("program", data.programId);
  authorize(actor, "team:manage", program);
  const known = new Set(await listStoreIds(db, program.id));
  const unknown = data.storeIds.filter((id) => !known.has(id));
  if (unknown.length) throw new ValidationError({ storeIds: ["Pick stores of this program."] });
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  const run = async (t: Executor) => {
    const existing = await findUserByEmail(t, data.email);
    const user = existing ?? (await insertUser(t, { email: data.email, name: data.name ?? null, passwordHash }));
    const membership = await insertMembership(t, {
      userId: user.id,
      organizationId: program.organizationId,
      programId: data.allPrograms ? null : program.id,
      role: data.role,
      storeIds: data.storeIds,
      extraPermissions: data.extraPermissions,
    });
    await recordAudit(t, actor, {
      program,
      action: "team.add",
      targetType: "user",
      targetId: user.id,
      after: { email: user.email, role: data.role, allPrograms: data.allPrograms, storeIds: data.storeIds, extraPermissions: data.extraPermissions },
    });
    return { userId: user.id, membershipId: membership.id, isNewUser: !existing, hasPassword: Boolean(existing?.passwordHash ?? passwordHash) };
  };
  return tx ? run(tx) : db.transaction(run);
}
