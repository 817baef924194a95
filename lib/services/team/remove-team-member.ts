import { deleteProgramMembership, findProgramMembership } from "@/db/queries/memberships";
import { getProgramById } from "@/db/queries/programs";
import { findUserById } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { removeTeamMemberSchema, type RemoveTeamMemberInput } from "@/lib/validation/team";
import { recordAudit } from "@/lib/services/audit/record-audit";

/**
 * Ends a person's access to the program. Grants are read fresh on every
 * request, so their open sessions lose the program at once. Audited.
 */
export async function removeTeamMember(db: Executor, actor: Actor, input: RemoveTeamMemberInput): Promise<{ membershipId: string }> {
  const data = parseInput(removeTeamMemberSchema, input);
  const program = await getProgramById(db, data.programId);
  if (!program) throw new NotFoundError("program", data.programId);
  authorize(actor, "team:manage", program);
  return db.transaction(async (tx) => {
    const row = await findProgramMembership(tx, { programId: program.id, membershipId: data.membershipId });
    if (!row) throw new NotFoundError("membership", data.membershipId);
    if (actor.kind === "user" && row.userId === actor.userId) throw new ConflictError("own_access", "You cannot remove your own access.");
    await deleteProgramMembership(tx, { programId: program.id, membershipId: row.id });
    const user = await findUserById(tx, row.userId);
    await recordAudit(tx, actor, {
      program,
      action: "team.remove",
      targetType: "user",
      targetId: row.userId,
      before: { email: user?.email, role: row.role, storeIds: row.storeIds, extraPermissions: row.extraPermissions },
    });
    return { membershipId: row.id };
  });
}
