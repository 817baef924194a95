import { withApiKey } from "@/lib/api/with-api-key";
import { createWebhookEndpoint } from "@/lib/services/webhooks/manage-endpoints";
import { listWebhookEndpoints } from "@/lib/services/webhooks/webhook-deliveries";
import { parseInput } from "@/lib/validation/common";
import { apiCreateWebhookSchema } from "@/lib/validation/webhook";

/** Registers an endpoint; the answer carries the signing secret, the only time it is shown. */
export const POST = withApiKey({ scope: "webhooks:manage" }, async ({ db, actor, body }) => {
  const input = parseInput(apiCreateWebhookSchema, body);
  return { status: 201, body: await createWebhookEndpoint(db, actor, { programId: actor.programId, ...input }) };
});

export const GET = withApiKey({ scope: "webhooks:manage" }, async ({ db, actor }) => {
  return { status: 200, body: { data: await listWebhookEndpoints(db, actor, { programId: actor.programId }) } };
});
