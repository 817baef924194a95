import { withApiKey } from "@/lib/api/with-api-key";
import { parseInput } from "@/lib/validation/common";
import { apiRefundSchema } from "@/lib/validation/api-refund";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";

export const POST = withApiKey({ scope: "points:earn" }, async ({ db, actor, body, idempotencyKey }) => {
  const refund = parseInput(apiRefundSchema, body);
  const { replayed: _replayed, ...result } = await refundPurchase(db, actor, { programId: actor.programId, ...refund, idempotencyKey: `api:${actor.keyId}:${idempotencyKey}` });
  return { status: 201, body: result };
});
