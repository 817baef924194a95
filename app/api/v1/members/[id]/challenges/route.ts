import { pathId } from "@/lib/api/path-id";
import { withApiKey } from "@/lib/api/with-api-key";
import { getMemberChallenges } from "@/lib/services/gamification/member-challenges";

export const GET = withApiKey<{ id: string }>({ scope: "members:read" }, async ({ db, actor, params }) => {
  return { status: 200, body: await getMemberChallenges(db, actor, { programId: actor.programId, memberId: pathId(params.id, "member") }) };
});
