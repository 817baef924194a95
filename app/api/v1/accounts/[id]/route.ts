import { pathId } from "@/lib/api/path-id";
import { withApiKey } from "@/lib/api/with-api-key";
import { getBusinessAccountView } from "@/lib/services/business-accounts/get-business-account";

export const GET = withApiKey<{ id: string }>({ scope: "members:read" }, async ({ db, actor, params }) => ({
  status: 200,
  body: await getBusinessAccountView(db, actor, { programId: actor.programId, accountId: pathId(params.id, "account") }),
}));
