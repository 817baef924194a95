import { withApiKey } from "@/lib/api/with-api-key";
import { parseInput } from "@/lib/validation/common";
import { apiCreateMemberSchema, apiMemberLookupSchema } from "@/lib/validation/api-member";
import { enrolMember } from "@/lib/services/members/enrol-member";
import { findMemberProfiles } from "@/lib/services/members/find-member-profiles";

export const POST = withApiKey({ scope: "members:write" }, async ({ db, actor, body }) => {
  const member = parseInput(apiCreateMemberSchema, body);
  return { status: 201, body: await enrolMember(db, actor, { programId: actor.programId, ...member, enrolmentChannel: "api" }) };
});

export const GET = withApiKey({ scope: "members:read" }, async ({ db, actor, url }) => {
  const query = parseInput(apiMemberLookupSchema, Object.fromEntries(url.searchParams));
  return { status: 200, body: { data: await findMemberProfiles(db, actor, { programId: actor.programId, ...query }) } };
});
