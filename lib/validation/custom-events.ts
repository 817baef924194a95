import { z } from "zod";
import { EVENT_TYPE_PATTERN } from "@/lib/domain/rules/event-rules";
import { idSchema } from "./common";

/** Properties are a flat-ish JSON object the rules read (quizId…), kept small. */
const properties = z
  .record(z.string().max(60), z.unknown(), { error: "properties must be an object." })
  .refine((p) => Object.keys(p).length <= 50, { error: "properties holds at most 50 keys." })
  .refine((p) => JSON.stringify(p).length <= 8_192, { error: "properties is limited to 8 KB." });

/** `POST /api/v1/events`: one engagement action of a member, identified by the integrator's event id (unknown fields refused). */
export const apiCustomEventSchema = z.strictObject({
  memberId: idSchema,
  type: z.string({ error: "type is required." }).trim().max(80, { error: "type is limited to 80 characters." }).regex(EVENT_TYPE_PATTERN, { error: "type looks like quiz.completed: lower-case words joined by dots." }),
  eventId: z.string({ error: "eventId is required." }).trim().min(1, { error: "eventId is required." }).max(200, { error: "eventId is limited to 200 characters." }),
  occurredAt: z.iso.datetime({ offset: true, error: "occurredAt must be an ISO 8601 date-time." }).optional(),
  properties: properties.optional(),
});
export type ApiCustomEvent = z.output<typeof apiCustomEventSchema>;

export const recordCustomEventSchema = apiCustomEventSchema.extend({ programId: idSchema });
export type RecordCustomEventInput = z.input<typeof recordCustomEventSchema>;
