import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads the program and checks the permission before the input is validated
 * or anything else is read: a caller without the permission learns nothing,
 * not even which of their fields were wrong. Unknown or malformed ids are
 * "not found", like another program's.
 */
export async function authorizeProgram(db: Executor, actor: Actor, permission: Permission, programId: unknown, storeId?: string): Promise<ProgramRow> {
  const id = typeof programId === "string" && UUID.test(programId) ? programId : null;
  const program = id ? await getProgramById(db, id) : undefined;
  if (!program) throw new NotFoundError("program", String(programId));
  authorize(actor, permission, program, storeId);
  return program;
}
