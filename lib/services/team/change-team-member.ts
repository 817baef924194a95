import { findProgramMembership, updateProgramMembership } from "@/db/queries/memberships";
import { listStoreIds } from "@/db/queries/stores";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { changeTeamMemberSchema, type ChangeTeamMemberInput } from "@/lib/validation/team";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** Changes the role, stores and extra permission of a program grant. Audited; takes effect on the person's next request. */
export async function changeTeamMember(db: Executor, actor: Actor, input: ChangeTeamMemberInput): Promise<{ membershipId: string }> {
  const program = await authorizeProgram(db, actor, "team:manage", input.programId);
  const data = parseInput(changeTeamMemberSchema, input);
  const known = new Set(await listStoreIds(db, program.id));
  if (data.storeIds.some((id) => !known.has(id))) throw new ValidationError({ storeIds: ["Pick stores of this program."] });
  return db.transaction(async (tx) => {
    const before = await findProgramMembership(tx, { programId: program.id, membershipId: data.membershipId });
    if (!before) throw new NotFoundError("membership", data.membershipId);
    if (actor.kind === "user" && before.userId === actor.userId) throw new ConflictError("own_access", "You cannot change your own access.");
    const after = await updateProgramMembership(tx, { programId: program.id, membershipId: before.id, role: data.role, storeIds: data.storeIds, extraPermissions: data.extraPermissions });
    await recordAudit(tx, actor, {
      program,
      action: "team.change",
      targetType: "user",
      targetId: before.userId,
      before: { role: before.role, storeIds: before.storeIds, extraPermissions: before.extraPermissions },
      after: { role: after!.role, storeIds: after!.storeIds, extraPermissions: after!.extraPermissions },
    });
    return { membershipId: before.id };
  });
}
