import { listProgramTeam } from "@/db/queries/memberships";
import { listStores } from "@/db/queries/overview";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";

export type TeamMember = {
  membershipId: string;
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  /** "organization": an organization-wide grant (owners), managed outside the program. */
  scope: "program" | "organization";
  storeIds: string[];
  mayAdjustPoints: boolean;
  /** "pending": invited, no password set yet. */
  status: "pending" | "active" | "disabled";
  /** The program's team manager may change or remove this grant (not their own, not organization-wide). */
  editable: boolean;
};

export type TeamStore = { id: string; name: string; code: string };

/** Who has access to the program, and its stores for the invite form (Team page). */
export async function listTeam(db: Executor, actor: Actor, input: { programId: string }): Promise<{ members: TeamMember[]; stores: TeamStore[] }> {
  const program = await getProgramById(db, input.programId);
  if (!program) throw new NotFoundError("program", input.programId);
  authorize(actor, "team:manage", program);
  const [rows, stores] = await Promise.all([listProgramTeam(db, { programId: program.id, organizationId: program.organizationId }), listStores(db, program.id)]);
  const self = actor.kind === "user" ? actor.userId : null;
  const members = rows.map((r): TeamMember => {
    const scope = r.programId ? "program" : "organization";
    return {
      membershipId: r.membershipId,
      userId: r.userId,
      email: r.email,
      name: r.name,
      role: r.role,
      scope,
      storeIds: r.storeIds,
      mayAdjustPoints: r.extraPermissions.includes("points:adjust"),
      status: r.disabledAt ? "disabled" : r.hasPassword ? "active" : "pending",
      editable: scope === "program" && r.userId !== self,
    };
  });
  return { members, stores: stores.map(({ id, name, code }) => ({ id, name, code })) };
}
