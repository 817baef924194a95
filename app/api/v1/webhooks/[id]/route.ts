import { withApiKey } from "@/lib/api/with-api-key";
import { deleteWebhookEndpoint } from "@/lib/services/webhooks/manage-endpoints";

/** Removes an endpoint with its delivery log (audited). Another program's id is a 404. */
export const DELETE = withApiKey<{ id: string }>({ scope: "webhooks:manage" }, async ({ db, actor, params }) => {
  await deleteWebhookEndpoint(db, actor, { programId: actor.programId, endpointId: params.id });
  return { status: 200, body: { id: params.id, deleted: true } };
});
