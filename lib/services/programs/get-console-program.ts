import { listProgramsOfOrganizations, type ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

type UserActor = Extract<Actor, { kind: "user" }>;

export type ProgramContext = Pick<ProgramRow, "id" | "organizationId" | "slug" | "name">;

/** Every program of the user's organizations on which the user holds `permission`, oldest first. */
export async function listProgramsWith(db: Executor, actor: UserActor, permission: Permission): Promise<ProgramContext[]> {
  const organizationIds = [...new Set(actor.grants.map((g) => g.organizationId))];
  const programs = await listProgramsOfOrganizations(db, organizationIds);
  return programs.filter((p) => can(actor, permission, p)).map(({ id, organizationId, slug, name }) => ({ id, organizationId, slug, name }));
}

/**
 * The program the console works on: the one the user picked with the program
 * switcher (`preferredProgramId`, from a cookie) when they may still read it,
 * else the first one they may read (organization-wide grants cover every
 * program of the organization), or null when the user has no console access at
 * all (e.g. store staff only). A cookie naming a program without a role there
 * is simply ignored: the choice comes from the user's own programs only.
 */
export async function getConsoleProgram(db: Executor, actor: UserActor, preferredProgramId?: string | null): Promise<ProgramContext | null> {
  const readable = await listProgramsWith(db, actor, "program:read");
  return readable.find((p) => p.id === preferredProgramId) ?? readable[0] ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The program the switcher moves to: one the user may read. A user without
 * any console program is refused; a program where they hold no role is "not
 * found", like any other program's id.
 */
export async function chooseConsoleProgram(db: Executor, actor: UserActor, programId: unknown): Promise<ProgramContext> {
  const readable = await listProgramsWith(db, actor, "program:read");
  if (!readable.length) throw new ForbiddenError("program:read");
  if (typeof programId !== "string" || !UUID.test(programId)) throw new ValidationError({ programId: ["Pick a program."] });
  const program = readable.find((p) => p.id === programId);
  if (!program) throw new NotFoundError("program", programId);
  return program;
}
