import { withApiKey } from "@/lib/api/with-api-key";
import { getMemberProfile } from "@/lib/services/members/get-member-profile";

export const GET = withApiKey<{ id: string }>({ scope: "members:read" }, async ({ db, actor, params }) => ({
  status: 200,
  body: await getMemberProfile(db, actor, { programId: actor.programId, memberId: params.id }),
}));
