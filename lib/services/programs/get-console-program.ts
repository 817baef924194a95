import { listProgramsOfOrganizations, type ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

type UserActor = Extract<Actor, { kind: "user" }>;

export type ProgramContext = Pick<ProgramRow, "id" | "organizationId" | "slug" | "name">;

/** Every program of the user's organizations on which the user holds `permission`, oldest first. */
export async function listProgramsWith(db: Executor, actor: UserActor, permission: Permission): Promise<ProgramContext[]> {
  const organizationIds = [...new Set(actor.grants.map((g) => g.organizationId))];
  const programs = await listProgramsOfOrganizations(db, organizationIds);
  return programs.filter((p) => can(actor, permission, p)).map(({ id, organizationId, slug, name }) => ({ id, organizationId, slug, name }));
}

/**
 * The program the console opens on: the first one the user may read
 * (organization-wide grants cover every program of the organization), or null
 * when the user has no console access at all (e.g. store staff only).
 */
export async function getConsoleProgram(db: Executor, actor: UserActor): Promise<ProgramContext | null> {
  const [first] = await listProgramsWith(db, actor, "program:read");
  return first ?? null;
}
