import { withApiKey } from "@/lib/api/with-api-key";
import { transferPoints } from "@/lib/services/coalition/transfer-points";
import { findSisterProgram } from "@/lib/services/coalition/find-sister-program";
import { apiTransferSchema } from "@/lib/validation/coalition";
import { parseInput } from "@/lib/validation/common";

export const POST = withApiKey({ scope: "points:redeem" }, async ({ db, actor, body, idempotencyKey }) => {
  const { memberId, toProgram, points } = parseInput(apiTransferSchema, body);
  const target = await findSisterProgram(db, { programId: actor.programId, ref: toProgram });
  // The transfer keeps its own key too, so a crash between moving points and storing this answer never moves them twice.
  const t = await transferPoints(db, actor, { fromProgramId: actor.programId, memberId, toProgramId: target.id, points, channel: "api", idempotencyKey: `api:${actor.keyId}:${idempotencyKey}` });
  return {
    status: 201,
    body: { id: t.transferId, fromProgramId: t.fromProgramId, toProgramId: t.toProgramId, toMemberId: t.toMemberId, pointsDebited: t.pointsDebited, pointsCredited: t.pointsCredited, rate: t.rate, balance: t.balance },
  };
});
