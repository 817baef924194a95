import { z } from "zod";

/** GET /api/v1/members/{id}/history?limit=&cursor= */
export const apiHistoryQuerySchema = z
  .object({
    limit: z.coerce.number({ error: "limit must be a number." }).int().min(1, { error: "limit is 1 to 200." }).max(200, { error: "limit is 1 to 200." }).default(50),
    cursor: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export type ApiHistoryQuery = z.output<typeof apiHistoryQuerySchema>;
