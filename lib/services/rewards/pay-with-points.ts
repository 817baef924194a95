import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { redeemPoints, type RedeemPointsResult } from "@/lib/services/ledger/redeem-points";
import type { Replayable } from "@/lib/services/ledger/run-ledger-operation";
import { authorizeForMember, requireProgram } from "./reward-access";

/** Points as payment (no reward): a plain ledger redemption by someone allowed to redeem for this member. */
export async function payWithPoints(
  db: Executor,
  actor: Actor,
  input: { programId: string; memberId: string; points: number; storeId?: string; orderRef?: string; idempotencyKey?: string },
  now = new Date(),
): Promise<Replayable<RedeemPointsResult>> {
  const program = await requireProgram(db, input.programId);
  authorizeForMember(actor, "points:redeem", program, input.memberId, input.storeId);
  const { actorType, actorId } = actorRef(actor);
  return redeemPoints(
    db,
    {
      ...input,
      idempotencyKey: input.idempotencyKey && `payment:${input.idempotencyKey}`,
      actor: { type: actorType, id: actorId },
      channel: actor.kind === "api_key" ? "api" : actor.kind === "member" ? "portal" : "pos",
      reason: "Pago con puntos",
    },
    now,
  );
}
