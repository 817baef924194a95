import type { ProgramRow } from "@/db/queries/programs";
import { listStoreIds } from "@/db/queries/stores";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";

/**
 * Every desk use case works at one store: the actor needs the permission at
 * that store (staff only at their own), and the store must be the program's —
 * someone else's store id is simply not found.
 */
export async function authorizeDesk(db: Executor, actor: Actor, permission: Permission, programId: unknown, storeId: unknown): Promise<ProgramRow> {
  const store = typeof storeId === "string" ? storeId : "";
  const program = await authorizeProgram(db, actor, permission, programId, store);
  if (!(await listStoreIds(db, program.id)).includes(store)) throw new NotFoundError("store", store);
  return program;
}
