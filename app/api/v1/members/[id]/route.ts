import { pathId } from "@/lib/api/path-id";
import { withApiKey } from "@/lib/api/with-api-key";
import { getMemberProfile } from "@/lib/services/members/get-member-profile";
import { updateMemberDetails } from "@/lib/services/members/update-member";
import { parseInput } from "@/lib/validation/common";
import { apiUpdateMemberSchema } from "@/lib/validation/api-member";

export const GET = withApiKey<{ id: string }>({ scope: "members:read" }, async ({ db, actor, params }) => ({
  status: 200,
  body: await getMemberProfile(db, actor, { programId: actor.programId, memberId: pathId(params.id, "member") }),
}));

export const PATCH = withApiKey<{ id: string }>({ scope: "members:write" }, async ({ db, actor, params, body }) => {
  const changes = parseInput(apiUpdateMemberSchema, body);
  return { status: 200, body: await updateMemberDetails(db, actor, { programId: actor.programId, memberId: pathId(params.id, "member"), changes }) };
});
