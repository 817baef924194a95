import { z } from "zod";
import { EVENT_TYPES } from "@/lib/domain/webhooks/event-types";
import { apiCreateWebhookSchema } from "@/lib/validation/webhook";
import type { Operation } from "./openapi";

/** Webhook endpoints (built by the webhooks area) in the OpenAPI document; responses list the main fields and allow more. */
const endpoint = z
  .object({ id: z.uuid(), url: z.string(), events: z.array(z.enum(EVENT_TYPES)), description: z.string().nullable() })
  .catchall(z.unknown())
  .meta({ id: "WebhookEndpoint" });

export const WEBHOOK_OPERATIONS: Operation[] = [
  {
    method: "post", path: "/api/v1/webhooks", tag: "Webhooks", scope: "webhooks:manage", summary: "Register a webhook endpoint",
    description: "The answer carries the signing secret, the only time it is shown. Deliveries are signed with HMAC-SHA256 over `timestamp.body`.",
    body: apiCreateWebhookSchema, bodyExample: { url: "https://shop.example.com/lazo/webhooks", events: ["points.earned", "points.redeemed"] },
    ok: { status: 201, schema: endpoint.extend({ secret: z.string() }), description: "The endpoint and its signing secret." },
  },
  {
    method: "get", path: "/api/v1/webhooks", tag: "Webhooks", scope: "webhooks:manage", summary: "List webhook endpoints",
    ok: { status: 200, schema: z.object({ data: z.array(endpoint) }), description: "Endpoints with their latest delivery." },
  },
  {
    method: "delete", path: "/api/v1/webhooks/{id}", tag: "Webhooks", scope: "webhooks:manage", summary: "Remove a webhook endpoint",
    params: z.object({ id: z.string().meta({ description: "Endpoint id", param: { name: "id", in: "path" } }) }),
    ok: { status: 200, schema: z.object({ id: z.string(), deleted: z.literal(true) }), description: "Removed, with its delivery log." }, errors: { 404: ["not_found"] },
  },
];
