import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import { listStoreIds } from "@/db/queries/stores";
import type { Executor } from "@/db/types";
import { authorize, authorizeSelf, can, storesOf, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The program, or "not found" (also for an empty or malformed id, which must not reach the database as a uuid). */
export async function requireProgram(db: Executor, programId: string): Promise<ProgramRow> {
  const program = UUID.test(programId) ? await getProgramById(db, programId) : undefined;
  if (!program) throw new NotFoundError("program", programId);
  return program;
}

/**
 * Acting on one member's points or coupons: a member only for themselves;
 * staff, console users and API keys with the permission (staff at their store).
 */
export function authorizeForMember(actor: Actor, permission: Permission, program: ProgramRow, memberId: string, storeId?: string): void {
  if (actor.kind === "member") return authorizeSelf(actor, { programId: program.id, memberId });
  authorize(actor, permission, program, storeId);
}

/**
 * A counter action (validate or redeem a coupon): the store must be the
 * program's, and staff bound to stores must say at which one they stand.
 */
export async function authorizeAtStore(db: Executor, actor: Actor, permission: Permission, program: ProgramRow, storeId?: string): Promise<void> {
  authorize(actor, permission, program, storeId);
  if (storeId && !(await listStoreIds(db, program.id)).includes(storeId)) throw new NotFoundError("store", storeId);
  if (!storeId && storesOf(actor, program) !== "all" && actor.kind === "user") throw new ValidationError({ storeId: ["Pick the store you are working at."] });
}

/** Whether the console should offer editing (the services check again on every write). */
export async function canWriteRewards(db: Executor, actor: Actor, programId: string): Promise<boolean> {
  const program = await getProgramById(db, programId);
  return program ? can(actor, "rewards:write", program) : false;
}
