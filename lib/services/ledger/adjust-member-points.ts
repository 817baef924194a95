import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { actorRef, authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { adjustPoints, type AdjustPointsResult } from "./adjust-points";
import type { Replayable } from "./run-ledger-operation";

/**
 * A manual adjustment by a person or an integration: needs points:adjust, and
 * is audited (who, why, how much) unless it was a replay that changed nothing.
 */
export async function adjustMemberPoints(
  db: Executor,
  actor: Actor,
  input: { programId: string; memberId: string; points: number; reason: string; idempotencyKey?: string; storeId?: string },
): Promise<Replayable<AdjustPointsResult>> {
  const program = await getProgramById(db, input.programId);
  if (!program) throw new NotFoundError("program", input.programId);
  authorize(actor, "points:adjust", program, input.storeId);
  const { actorType, actorId } = actorRef(actor);
  // The adjustment runs as a savepoint inside this transaction, so it and its audit row commit together.
  return db.transaction(async (tx) => {
    const result = await adjustPoints(tx, { ...input, actor: { type: actorType, id: actorId }, channel: actor.kind === "api_key" ? "api" : "console" });
    if (!result.replayed) {
      await recordAudit(tx, actor, {
        program,
        action: "points.adjust",
        targetType: "member",
        targetId: input.memberId,
        after: { points: input.points, reason: input.reason, entryId: result.entryId, available: result.balance.available },
      });
    }
    return result;
  });
}
