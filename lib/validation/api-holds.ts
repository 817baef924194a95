import { z } from "zod";
import { idSchema, pointsSchema } from "./common";

/** POST /api/v1/holds: reserve points for a two-phase checkout; unknown fields are refused. */
export const apiHoldSchema = z
  .object({
    memberId: idSchema,
    points: pointsSchema,
    reference: z.string().trim().min(1).max(200).optional(),
    expiresInSeconds: z.number({ error: "expiresInSeconds must be a number." }).int().min(10, { error: "A hold lasts at least 10 seconds." }).max(7 * 86_400, { error: "A hold lasts at most 7 days." }).optional(),
  })
  .strict();

/** POST /api/v1/holds/{id}/capture: all of the hold by default, or part of it (the rest goes back). */
export const apiCaptureSchema = z.object({ points: pointsSchema.optional() }).strict();

/** POST /api/v1/holds/{id}/void takes no fields. */
export const apiVoidSchema = z.object({}).strict();

export type ApiHold = z.output<typeof apiHoldSchema>;
