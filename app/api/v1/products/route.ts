import { withApiKey } from "@/lib/api/with-api-key";
import { parseInput } from "@/lib/validation/common";
import { apiListProductsSchema } from "@/lib/validation/api-catalog";
import { importApiProducts } from "@/lib/services/catalog/import-api-products";
import { listProducts } from "@/lib/services/catalog/list-products";
import { toApiProduct } from "./api-product";

/** Upserts up to 1,000 products by SKU: 201 when any was new, 200 when all existed. */
/** 1,000 products of about 200 bytes each need more than the default 64 KB. */
export const POST = withApiKey({ scope: "catalog:write", maxBodyBytes: 512 * 1024 }, async ({ db, actor, body }) => {
  const result = await importApiProducts(db, actor, { programId: actor.programId, body });
  return { status: result.created > 0 ? 201 : 200, body: result };
});

/** Catalog sync keys (catalog:write) and POS integrations (members:read) may both read products. */
export const GET = withApiKey({ scope: ["catalog:write", "members:read"] }, async ({ db, actor, url }) => {
  const query = parseInput(apiListProductsSchema, Object.fromEntries(url.searchParams));
  const page = await listProducts(db, actor, { programId: actor.programId, ...query });
  return { status: 200, body: { data: page.items.map(toApiProduct), total: page.total, nextCursor: page.nextCursor } };
});
