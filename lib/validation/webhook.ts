import { z } from "zod";
import { checkEndpointUrl } from "@/lib/domain/webhooks/endpoint-url";
import { EVENT_TYPES } from "@/lib/domain/webhooks/event-types";
import { idSchema } from "./common";

const URL_MESSAGES = {
  invalid: "Enter a valid URL (https://…).",
  https_required: "Use https:// (plain http only for localhost).",
  credentials: "Do not put a user or password in the URL.",
} as const;

export const webhookUrlSchema = z
  .string({ error: "Enter a valid URL (https://…)." })
  .trim()
  .max(2000, { error: "The URL may not exceed 2000 characters." })
  .superRefine((value, ctx) => {
    const problem = checkEndpointUrl(value);
    if (problem) ctx.addIssue({ code: "custom", message: URL_MESSAGES[problem] });
  });

export const webhookEventsSchema = z
  .array(z.enum(EVENT_TYPES, { error: `Unknown event. Use: ${EVENT_TYPES.join(", ")}.` }))
  .min(1, { error: "Pick at least one event." })
  .transform((events) => [...new Set(events)]);

const descriptionSchema = z.string().trim().max(200, { error: "The description may not exceed 200 characters." }).optional();

export const createWebhookSchema = z.object({ programId: idSchema, url: webhookUrlSchema, events: webhookEventsSchema, description: descriptionSchema }).strict();
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const updateWebhookSchema = z.object({ programId: idSchema, endpointId: idSchema, events: webhookEventsSchema, description: descriptionSchema }).strict();
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

/** The API's body for POST /api/v1/webhooks (the program comes from the key). */
export const apiCreateWebhookSchema = createWebhookSchema.omit({ programId: true });
