import { withApiKey } from "@/lib/api/with-api-key";
import { parseInput } from "@/lib/validation/common";
import { apiPurchaseSchema, toPurchaseInput } from "@/lib/validation/api-purchase";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";

export const POST = withApiKey({ scope: "points:earn" }, async ({ db, actor, body }) => {
  const purchase = parseInput(apiPurchaseSchema, body);
  const result = await recordPurchase(db, actor, toPurchaseInput(actor.programId, purchase));
  const { replayed: _replayed, balance, ...rest } = result;
  return { status: 201, body: { ...rest, balance: { available: balance.available, pending: balance.pending } } };
});
