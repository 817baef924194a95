import { z } from "zod";
import { API_SCOPES } from "@/lib/auth/permissions";
import { idSchema } from "./common";

export const createApiKeySchema = z
  .object({
    programId: idSchema,
    name: z.string({ error: "A name is required." }).trim().min(2, { error: "The name must be at least 2 characters." }).max(80),
    scopes: z
      .array(z.enum(API_SCOPES, { error: `Unknown scope. Use: ${API_SCOPES.join(", ")}.` }))
      .min(1, { error: "Pick at least one scope." })
      .default([...API_SCOPES]),
    /** Requests per minute for this key (default: LAZO_API_RATE_LIMIT). */
    rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ programId: idSchema, keyId: idSchema });
