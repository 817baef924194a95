import { pathId } from "@/lib/api/path-id";
import { withApiKey } from "@/lib/api/with-api-key";
import { setAccountUser } from "@/lib/services/business-accounts/manage-account-users";
import { apiAccountUserSchema } from "@/lib/validation/business-accounts";
import { parseInput } from "@/lib/validation/common";

/** Adds a member to the account (201), or sets the role and limit of one already in it (200). */
export const POST = withApiKey<{ id: string }>({ scope: "members:write" }, async ({ db, actor, params, body }) => {
  const user = parseInput(apiAccountUserSchema, body);
  const { created, ...result } = await setAccountUser(db, actor, { programId: actor.programId, accountId: pathId(params.id, "account"), ...user });
  return { status: created ? 201 : 200, body: result };
});
