import { withApiKey } from "@/lib/api/with-api-key";
import { listActiveRewards, listMemberRewards } from "@/lib/services/rewards/list-rewards";
import { apiRewardsQuerySchema } from "@/lib/validation/api-rewards";
import { parseInput } from "@/lib/validation/common";

export const GET = withApiKey({ scope: "members:read" }, async ({ db, actor, url }) => {
  const { memberId } = parseInput(apiRewardsQuerySchema, Object.fromEntries(url.searchParams));
  if (!memberId) return { status: 200, body: { data: await listActiveRewards(db, actor, { programId: actor.programId }) } };
  const { available, rewards } = await listMemberRewards(db, actor, { programId: actor.programId, memberId });
  return { status: 200, body: { memberId, available, data: rewards } };
});
