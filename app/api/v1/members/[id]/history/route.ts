import { pathId } from "@/lib/api/path-id";
import { withApiKey } from "@/lib/api/with-api-key";
import { parseInput } from "@/lib/validation/common";
import { apiHistoryQuerySchema } from "@/lib/validation/api-history";
import { listMemberHistory } from "@/lib/services/ledger/list-member-history";

export const GET = withApiKey<{ id: string }>({ scope: "members:read" }, async ({ db, actor, params, url }) => {
  const query = parseInput(apiHistoryQuerySchema, Object.fromEntries(url.searchParams));
  return { status: 200, body: await listMemberHistory(db, actor, { programId: actor.programId, memberId: pathId(params.id, "member"), ...query }) };
});
