import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { actorRef, authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { holdPoints } from "./hold-points";
import { captureHold, voidHold } from "./settle-hold";

export type HoldView = {
  id: string;
  memberId: string;
  points: number;
  status: "active" | "captured" | "voided";
  reference: string | null;
  expiresAt: string | null;
  balance: { available: number; pending: number; held: number };
};

export type SettledHoldView = { id: string; status: "captured" | "voided"; captured: number; released: number; balance: { available: number; pending: number; held: number } };

type HoldActor = Actor;

async function authorizeRedeem(db: Executor, actor: HoldActor, programId: string, storeId?: string) {
  const program = await getProgramById(db, programId);
  if (!program) throw new NotFoundError("program", programId);
  authorize(actor, "points:redeem", program, storeId);
  const { actorType, actorId } = actorRef(actor);
  return { type: actorType, id: actorId };
}

const channelOf = (actor: Actor) => (actor.kind === "api_key" ? ("api" as const) : ("pos" as const));

/**
 * Two-phase paying with points, for integrations and the desk: place a hold
 * (points stop being spendable), then capture it at checkout or void it.
 * `idempotencyKey` makes each step safe to retry.
 */
export async function placeHold(
  db: Executor,
  actor: HoldActor,
  input: { programId: string; memberId: string; points: number; reference?: string; expiresInSeconds?: number; idempotencyKey?: string; storeId?: string },
  now = new Date(),
): Promise<HoldView> {
  const by = await authorizeRedeem(db, actor, input.programId, input.storeId);
  const expiresAt = input.expiresInSeconds ? new Date(now.getTime() + input.expiresInSeconds * 1000) : undefined;
  const hold = await holdPoints(
    db,
    { programId: input.programId, memberId: input.memberId, points: input.points, storeId: input.storeId, orderRef: input.reference, expiresAt, idempotencyKey: input.idempotencyKey, actor: by, channel: channelOf(actor) },
    now,
  );
  return {
    id: hold.holdId,
    memberId: input.memberId,
    points: hold.points,
    status: "active",
    reference: input.reference ?? null,
    expiresAt: expiresAt?.toISOString() ?? null,
    balance: { available: hold.balance.available, pending: hold.balance.pending, held: hold.balance.held },
  };
}

export async function settleMemberHold(
  db: Executor,
  actor: HoldActor,
  input: { programId: string; holdId: string; action: "capture" | "void"; points?: number; idempotencyKey?: string; storeId?: string },
  now = new Date(),
): Promise<SettledHoldView> {
  const by = await authorizeRedeem(db, actor, input.programId, input.storeId);
  // The desk passes its store, so the capture or void counts at that store's end of day.
  const common = { programId: input.programId, holdId: input.holdId, storeId: input.storeId, idempotencyKey: input.idempotencyKey, actor: by, channel: channelOf(actor) };
  const result = input.action === "capture" ? await captureHold(db, { ...common, points: input.points }, now) : await voidHold(db, common, now);
  return {
    id: result.holdId,
    status: input.action === "capture" ? "captured" : "voided",
    captured: result.captured,
    released: result.released,
    balance: { available: result.balance.available, pending: result.balance.pending, held: result.balance.held },
  };
}
