import { z } from "zod";
import { API_SCOPES } from "@/lib/auth/permissions";
import { idSchema } from "./common";

export const MAX_API_RATE_LIMIT = 1_000_000;
const RATE_LIMIT_MESSAGE = "The rate limit is a whole number of requests a minute, from 1 to 1,000,000.";

export const createApiKeySchema = z
  .object({
    programId: idSchema,
    name: z.string({ error: "A name is required." }).trim().min(2, { error: "The name must be at least 2 characters." }).max(80),
    scopes: z
      .array(z.enum(API_SCOPES, { error: `Unknown scope. Use: ${API_SCOPES.join(", ")}.` }))
      .min(1, { error: "Pick at least one scope." })
      .default([...API_SCOPES]),
    /** Requests per minute for this key (default: LAZO_API_RATE_LIMIT). */
    rateLimitPerMinute: z
      .number({ error: RATE_LIMIT_MESSAGE })
      .int({ error: RATE_LIMIT_MESSAGE })
      .min(1, { error: RATE_LIMIT_MESSAGE })
      .max(MAX_API_RATE_LIMIT, { error: RATE_LIMIT_MESSAGE })
      .optional(),
  })
  .strict();

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ programId: idSchema, keyId: idSchema });
