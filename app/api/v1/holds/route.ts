import { withApiKey } from "@/lib/api/with-api-key";
import { parseInput } from "@/lib/validation/common";
import { apiHoldSchema } from "@/lib/validation/api-holds";
import { placeHold } from "@/lib/services/ledger/manage-holds";

export const POST = withApiKey({ scope: "points:redeem" }, async ({ db, actor, body, idempotencyKey }) => {
  const hold = parseInput(apiHoldSchema, body);
  return { status: 201, body: await placeHold(db, actor, { programId: actor.programId, ...hold, idempotencyKey: `api:${actor.keyId}:${idempotencyKey}` }) };
});
