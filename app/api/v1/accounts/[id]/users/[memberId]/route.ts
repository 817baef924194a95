import { pathId } from "@/lib/api/path-id";
import { withApiKey } from "@/lib/api/with-api-key";
import { removeAccountUser, updateAccountUser } from "@/lib/services/business-accounts/manage-account-users";
import { apiUpdateAccountUserSchema } from "@/lib/validation/business-accounts";
import { parseInput } from "@/lib/validation/common";

type Params = { id: string; memberId: string };

export const PATCH = withApiKey<Params>({ scope: "members:write" }, async ({ db, actor, params, body }) => {
  const changes = parseInput(apiUpdateAccountUserSchema, body);
  const ref = { programId: actor.programId, accountId: pathId(params.id, "account"), memberId: pathId(params.memberId, "account user") };
  return { status: 200, body: await updateAccountUser(db, actor, { ...ref, ...changes }) };
});

export const DELETE = withApiKey<Params>({ scope: "members:write" }, async ({ db, actor, params }) => ({
  status: 200,
  body: await removeAccountUser(db, actor, { programId: actor.programId, accountId: pathId(params.id, "account"), memberId: pathId(params.memberId, "account user") }),
}));
