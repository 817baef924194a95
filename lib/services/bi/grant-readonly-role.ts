import { applyBiReadonlyRole, findRole, listBiViews } from "@/db/queries/bi";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, UnprocessableError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { grantBiReadonlySchema } from "@/lib/validation/bi";

export type BiReadonlyGrant = { role: string; schema: "bi"; views: string[]; created: boolean };

/**
 * Creates (or updates) a login role that may only SELECT from schema bi.
 * Roles are cluster-wide and outside any program, so only an operator (the
 * CLI's system actor, who already holds the database credentials) may do this.
 * An existing superuser, or the role the app itself connects as, is refused:
 * "updating" it would strip the app's own rights.
 */
export async function grantBiReadonlyRole(db: Executor, actor: Actor, input: unknown): Promise<BiReadonlyGrant> {
  if (actor.kind !== "system") throw new ForbiddenError("bi:grant", "Only an operator (the CLI) may create database roles.");
  const data = parseInput(grantBiReadonlySchema, input);
  return db.transaction(async (tx) => {
    const views = await listBiViews(tx);
    if (!views.length) throw new UnprocessableError("bi_schema_missing", "Schema bi has no views: run the migrations first.");
    const existing = await findRole(tx, data.role);
    if (existing?.isCurrentUser || existing?.superuser) {
      throw new ConflictError("role_not_readonly", `Role ${data.role} is ${existing.isCurrentUser ? "the role Lazo connects as" : "a superuser"}; choose another name for the read-only role.`);
    }
    try {
      await applyBiReadonlyRole(tx, { role: data.role, password: data.password, create: !existing });
    } catch (error) {
      throw rolesUnsupported(error) ?? error;
    }
    return { role: data.role, schema: "bi", views, created: !existing };
  });
}

/** A database that cannot manage roles (a managed service's restricted user, a build of PGlite without them) gets a clear message. */
function rolesUnsupported(error: unknown): Error | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/permission denied to (create|alter) role|must have (CREATEROLE|admin)/i.test(message)) {
    return new UnprocessableError("roles_unsupported", `This database user may not create roles (${message}). Ask the database administrator to run this command, or create the role by hand as in docs/BI.md.`);
  }
  if (/not supported|unsupported/i.test(message)) {
    return new UnprocessableError("roles_unsupported", `This database does not support login roles (${message}). Use PostgreSQL for BI access (docs/BI.md).`);
  }
  return null;
}
