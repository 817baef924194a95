import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { deskAdjustSchema, type DeskAdjustInput } from "@/lib/validation/desk-sales";
import { adjustMemberPoints } from "@/lib/services/ledger/adjust-member-points";
import type { AdjustPointsResult } from "@/lib/services/ledger/adjust-points";
import type { Replayable } from "@/lib/services/ledger/run-ledger-operation";
import { authorizeDesk } from "./desk-access";

/** Whether the user may adjust points at this store (staff need the extra `points:adjust`; admins and owners have it). */
export function canAdjustAtDesk(actor: Actor, program: { id: string; organizationId: string }, storeId: string): boolean {
  return can(actor, "points:adjust", program, storeId);
}

/**
 * A manual adjustment at the counter: `points:adjust` at this store, a reason,
 * audited, never below zero available (adjustMemberPoints → adjustPoints), with
 * the store on the ledger entry. The form's key makes a double submit count once.
 */
export async function adjustDeskPoints(db: Executor, actor: Actor, input: DeskAdjustInput): Promise<Replayable<AdjustPointsResult>> {
  const { program, store } = await authorizeDesk(db, actor, "points:adjust", input);
  const data = parseInput(deskAdjustSchema, input);
  if (!(await getMember(db, { programId: program.id, memberId: data.memberId }))) throw new NotFoundError("member", data.memberId);
  return adjustMemberPoints(db, actor, {
    programId: program.id,
    memberId: data.memberId,
    points: data.points,
    reason: data.reason,
    idempotencyKey: `desk-adjust:${data.idempotencyKey}`,
    storeId: store.id,
  });
}
