import { deleteProgramMembership, findProgramMembership } from "@/db/queries/memberships";
import { findUserById } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { removeTeamMemberSchema, type RemoveTeamMemberInput } from "@/lib/validation/team";
import { recordAudit } from "@/lib/services/audit/record-audit";

/**
 * Ends a person's access to the program. Grants are read fresh on every
 * request, so their open sessions lose the program at once. Audited.
 */
export async function removeTeamMember(db: Executor, actor: Actor, input: RemoveTeamMemberInput): Promise<{ membershipId: string }> {
  const program = await authorizeProgram(db, actor, "team:manage", input.programId);
  const data = parseInput(removeTeamMemberSchema, input);
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
