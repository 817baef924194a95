import { pathId } from "@/lib/api/path-id";
import { withApiKey } from "@/lib/api/with-api-key";
import { parseInput } from "@/lib/validation/common";
import { apiVoidSchema } from "@/lib/validation/api-holds";
import { settleMemberHold } from "@/lib/services/ledger/manage-holds";

export const POST = withApiKey<{ id: string }>({ scope: "points:redeem" }, async ({ db, actor, body, params, idempotencyKey }) => {
  parseInput(apiVoidSchema, body);
  const holdId = pathId(params.id, "hold");
  return { status: 200, body: await settleMemberHold(db, actor, { programId: actor.programId, holdId, action: "void", idempotencyKey: `api:${actor.keyId}:${idempotencyKey}` }) };
});
