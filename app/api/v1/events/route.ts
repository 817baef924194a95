import { withApiKey } from "@/lib/api/with-api-key";
import { recordCustomEvent } from "@/lib/services/custom-events/record-custom-event";
import { parseInput } from "@/lib/validation/common";
import { apiCustomEventSchema } from "@/lib/validation/custom-events";

/** 201 for a new event; 200 with the first answer when its eventId was already recorded. */
export const POST = withApiKey({ scope: "points:earn" }, async ({ db, actor, body }) => {
  const event = parseInput(apiCustomEventSchema, body);
  const { replayed, ...result } = await recordCustomEvent(db, actor, { programId: actor.programId, ...event });
  return { status: replayed ? 200 : 201, body: result };
});
