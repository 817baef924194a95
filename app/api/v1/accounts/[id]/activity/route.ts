import { pathId } from "@/lib/api/path-id";
import { withApiKey } from "@/lib/api/with-api-key";
import { listBusinessAccountActivity } from "@/lib/services/business-accounts/list-account-activity";

export const GET = withApiKey<{ id: string }>({ scope: "members:read" }, async ({ db, actor, params, url }) => {
  const page = await listBusinessAccountActivity(db, actor, { programId: actor.programId, accountId: pathId(params.id, "account"), ...Object.fromEntries(url.searchParams) });
  return { status: 200, body: { data: page.entries.map(({ occurredAt, ...e }) => ({ ...e, occurredAt: occurredAt.toISOString() })), nextCursor: page.nextCursor } };
});
