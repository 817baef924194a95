import { withApiKey } from "@/lib/api/with-api-key";
import { parseInput } from "@/lib/validation/common";
import { apiAdjustmentSchema } from "@/lib/validation/api-member";
import { adjustMemberPoints } from "@/lib/services/ledger/adjust-member-points";

export const POST = withApiKey<{ id: string }>({ scope: "points:adjust" }, async ({ db, actor, body, params }) => {
  const adjustment = parseInput(apiAdjustmentSchema, body);
  const result = await adjustMemberPoints(db, actor, { programId: actor.programId, memberId: params.id, ...adjustment });
  return { status: 201, body: { entryId: result.entryId, points: result.points, balance: { available: result.balance.available, pending: result.balance.pending } } };
});
