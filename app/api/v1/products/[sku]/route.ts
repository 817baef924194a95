import { withApiKey } from "@/lib/api/with-api-key";
import { getProduct } from "@/lib/services/catalog/get-product";
import { toApiProduct } from "../api-product";

export const GET = withApiKey<{ sku: string }>({ scope: ["catalog:write", "members:read"] }, async ({ db, actor, params }) => {
  return { status: 200, body: toApiProduct(await getProduct(db, actor, { programId: actor.programId, sku: params.sku })) };
});
