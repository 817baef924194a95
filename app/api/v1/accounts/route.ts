import { withApiKey } from "@/lib/api/with-api-key";
import { createBusinessAccount } from "@/lib/services/business-accounts/create-business-account";
import { apiCreateAccountSchema } from "@/lib/validation/business-accounts";
import { parseInput } from "@/lib/validation/common";

export const POST = withApiKey({ scope: "members:write" }, async ({ db, actor, body }) => {
  const account = parseInput(apiCreateAccountSchema, body);
  return { status: 201, body: await createBusinessAccount(db, actor, { programId: actor.programId, ...account }) };
});
