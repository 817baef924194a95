import { getProgramStore } from "@/db/queries/desk-sales";
import type { ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";

export type DeskScope = { program: ProgramRow; store: { id: string; code: string; name: string } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The counter's program and store, checked before any input is parsed: the
 * permission at that store (staff only at their own stores; admins anywhere),
 * and the store must be the program's — another program's store is "not found".
 */
export async function authorizeDesk(db: Executor, actor: Actor, permission: Permission, input: { programId?: unknown; storeId?: unknown }): Promise<DeskScope> {
  const storeId = typeof input.storeId === "string" && UUID.test(input.storeId) ? input.storeId : null;
  if (!storeId) {
    // Still authorize first, so an outsider learns nothing about which field was wrong.
    await authorizeProgram(db, actor, permission, input.programId);
    throw new NotFoundError("store", String(input.storeId));
  }
  const program = await authorizeProgram(db, actor, permission, input.programId, storeId);
  const store = await getProgramStore(db, { programId: program.id, storeId });
  if (!store) throw new NotFoundError("store", storeId);
  return { program, store };
}
