import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_SCOPES } from "@/lib/auth/permissions";
import { apiListProductsSchema, apiUpsertProductsSchema } from "@/lib/validation/api-catalog";
import { apiHistoryQuerySchema } from "@/lib/validation/api-history";
import { apiCaptureSchema, apiHoldSchema, apiVoidSchema } from "@/lib/validation/api-holds";
import { apiAdjustmentSchema, apiCreateMemberSchema, apiMemberLookupSchema, apiUpdateMemberSchema } from "@/lib/validation/api-member";
import { apiPurchaseSchema, apiTicketSchema } from "@/lib/validation/api-purchase";
import { apiRefundSchema } from "@/lib/validation/api-refund";
import { REWARD_OPERATIONS } from "./openapi-rewards";
import { ACCOUNT_OPERATIONS } from "./openapi-accounts";
import { CHALLENGE_OPERATIONS } from "./openapi-gamification";
import { TRANSFER_OPERATIONS } from "./openapi-transfers";
import * as out from "./openapi-schemas";
import { WEBHOOK_OPERATIONS } from "./openapi-webhooks";
import { MAX_BODY_BYTES } from "./limits";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas
 * that validate requests, so the reference cannot drift from the code. Every
 * route file under app/api/v1 must be registered here (a unit test checks).
 */
type Method = "get" | "post" | "patch" | "delete";
export type Operation = {
  method: Method;
  path: string;
  tag: "Members" | "Points" | "Purchases" | "Holds" | "Rewards" | "Catalog" | "Webhooks" | "Meta" | "Accounts" | "Events";
  summary: string;
  description?: string;
  /** Scopes of which any one is enough; omitted for public operations. */
  scope?: string | string[];
  body?: z.ZodType;
  bodyExample?: unknown;
  query?: z.ZodObject;
  params?: z.ZodObject;
  ok: { status: number; schema: z.ZodType; description: string };
  /** Status → the problem codes this operation may answer with, beyond the common ones. */
  errors?: Record<number, string[]>;
};

const idParam = (name: string, description: string) => z.object({ [name]: z.string().meta({ description, param: { name, in: "path" } }) });

const COMMON_AUTH: Record<number, string[]> = { 401: ["unauthorized"], 403: ["forbidden"], 429: ["rate_limited"] };
const COMMON_WRITE: Record<number, string[]> = {
  400: ["idempotency_key_required", "invalid_json"],
  409: ["idempotency_conflict", "request_in_progress"],
  413: ["payload_too_large"],
  422: ["validation_failed"],
};

const STATUS_TEXT: Record<number, string> = { 400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 409: "Conflict", 413: "Payload too large", 422: "Unprocessable", 429: "Too many requests" };

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/api/v1", tag: "Meta", summary: "API index", ok: { status: 200, schema: out.indexSchema, description: "What this API is and where to go next." } },
  { method: "get", path: "/api/v1/health", tag: "Meta", summary: "Health check", ok: { status: 200, schema: out.healthSchema, description: "The app and its database answer." } },
  { method: "get", path: "/api/v1/openapi.json", tag: "Meta", summary: "This document", ok: { status: 200, schema: z.record(z.string(), z.unknown()), description: "OpenAPI 3.1." } },
  {
    method: "post", path: "/api/v1/members", tag: "Members", scope: "members:write", summary: "Enrol a member",
    body: apiCreateMemberSchema, bodyExample: { externalId: "crm-1842", email: "ana@example.com", name: "Ana Ruiz", consents: { terms: true, marketing: true } },
    ok: { status: 201, schema: out.memberSchema, description: "The new member with a card number." }, errors: { 409: ["member_exists"] },
  },
  {
    method: "get", path: "/api/v1/members", tag: "Members", scope: "members:read", summary: "Look a member up by one identifier",
    query: apiMemberLookupSchema as unknown as z.ZodObject, ok: { status: 200, schema: out.memberListSchema, description: "Matching members (at most a few)." }, errors: { 422: ["validation_failed"] },
  },
  {
    method: "get", path: "/api/v1/members/{id}", tag: "Members", scope: "members:read", summary: "Get a member with balance and tier",
    params: idParam("id", "Member id"), ok: { status: 200, schema: out.memberSchema, description: "The member." }, errors: { 404: ["not_found"] },
  },
  {
    method: "patch", path: "/api/v1/members/{id}", tag: "Members", scope: "members:write", summary: "Update a member's contact data, name, birthday or consents",
    description: "Only the fields sent change; null clears an optional field. Audited. Idempotency-Key is optional on PATCH.",
    params: idParam("id", "Member id"), body: apiUpdateMemberSchema, bodyExample: { phone: "+52 55 1234 5678", consents: { marketing: false } },
    ok: { status: 200, schema: out.memberSchema, description: "The member after the change." }, errors: { 404: ["not_found"], 409: ["email_taken", "phone_taken"], 422: ["validation_failed"] },
  },
  {
    method: "get", path: "/api/v1/members/{id}/history", tag: "Points", scope: "members:read", summary: "A member's ledger, newest first",
    description: "Cursor pagination: pass nextCursor back as cursor until it is null.",
    params: idParam("id", "Member id"), query: apiHistoryQuerySchema, ok: { status: 200, schema: out.historyPageSchema, description: "A page of ledger entries." }, errors: { 404: ["not_found"], 422: ["validation_failed"] },
  },
  {
    method: "post", path: "/api/v1/members/{id}/adjustments", tag: "Points", scope: "points:adjust", summary: "Adjust points with a reason",
    params: idParam("id", "Member id"), body: apiAdjustmentSchema, bodyExample: { points: 50, reason: "Goodwill for a late order" },
    ok: { status: 201, schema: out.adjustmentResultSchema, description: "The adjustment's entry and the new balance." }, errors: { 404: ["not_found"], 422: ["insufficient_points"] },
  },
  {
    method: "post", path: "/api/v1/purchases", tag: "Purchases", scope: "points:earn", summary: "Record a purchase and earn points",
    description: "orderId is unique per program: a retry with the same orderId and body never earns twice; the same orderId with another body, or sent again after its idempotency record expired (8 days), is 409 order_exists with the existing purchaseId.",
    body: apiPurchaseSchema, bodyExample: { memberId: "4f7c1d2e-8a9b-4c3d-9e8f-1a2b3c4d5e6f", orderId: "POS-0001-000123", amount: 349.9, currency: "MXN", channel: "pos", lines: [{ sku: "CAFE-250", quantity: 2, unitPrice: 174.95 }] },
    ok: { status: 201, schema: out.purchaseResultSchema, description: "Points earned, pending and why." }, errors: { 404: ["not_found"], 409: ["order_exists"] },
  },
  {
    method: "post", path: "/api/v1/tickets", tag: "Purchases", scope: "points:earn", summary: "Record a ticket of a customer who is not a member",
    description: "No member and no points: the ticket counts in the program's sales, average ticket and gross margin of non-members, next to the members' (Analytics). orderId is unique per program across purchases and tickets: sending it again is 409 order_exists. Lines with a SKU take its unit cost from the catalog.",
    body: apiTicketSchema, bodyExample: { orderId: "POS-0001-000124", amount: 174.95, currency: "MXN", channel: "pos", lines: [{ sku: "CAFE-250", quantity: 1, unitPrice: 174.95 }] },
    ok: { status: 201, schema: out.ticketResultSchema, description: "The ticket recorded." }, errors: { 404: ["not_found"], 409: ["order_exists"] },
  },
  {
    method: "post", path: "/api/v1/refunds", tag: "Purchases", scope: "points:earn", summary: "Refund a purchase and reverse its points",
    description: "Send amount or lines (neither: the rest of the purchase). Reverses the refund's proportional share of the points the purchase earned — its pending points first — never more than it earned across all refunds. Points already spent are a clawback handled by the program's policy.",
    body: apiRefundSchema, bodyExample: { orderId: "POS-0001-000123", lines: [{ sku: "CAFE-250", quantity: 1 }] },
    ok: { status: 201, schema: out.refundResultSchema, description: "Points reversed and any clawback." }, errors: { 404: ["purchase_not_found"], 422: ["refund_exceeds_purchase", "insufficient_points"] },
  },
  {
    method: "post", path: "/api/v1/holds", tag: "Holds", scope: "points:redeem", summary: "Hold points for a two-phase checkout",
    body: apiHoldSchema, bodyExample: { memberId: "4f7c1d2e-8a9b-4c3d-9e8f-1a2b3c4d5e6f", points: 500, reference: "CART-77", expiresInSeconds: 900 },
    ok: { status: 201, schema: out.holdSchema, description: "The hold; its points are no longer available." }, errors: { 404: ["not_found"], 422: ["insufficient_points"] },
  },
  {
    method: "post", path: "/api/v1/holds/{id}/capture", tag: "Holds", scope: "points:redeem", summary: "Capture a hold (all or part)",
    params: idParam("id", "Hold id"), body: apiCaptureSchema, bodyExample: { points: 400 },
    ok: { status: 201, schema: out.settledHoldSchema, description: "Captured as redeemed; the rest is available again." }, errors: { 404: ["not_found"], 422: ["hold_not_active", "hold_expired", "capture_exceeds_hold"] },
  },
  {
    method: "post", path: "/api/v1/holds/{id}/void", tag: "Holds", scope: "points:redeem", summary: "Void a hold",
    params: idParam("id", "Hold id"), body: apiVoidSchema, bodyExample: {},
    ok: { status: 200, schema: out.settledHoldSchema, description: "Every held point is available again." }, errors: { 404: ["not_found"], 422: ["hold_not_active"] },
  },
  {
    method: "get", path: "/api/v1/products", tag: "Catalog", scope: ["catalog:write", "members:read"], summary: "List products",
    query: apiListProductsSchema, ok: { status: 200, schema: out.productPageSchema, description: "A page of products." }, errors: { 422: ["validation_failed"] },
  },
  {
    method: "post", path: "/api/v1/products", tag: "Catalog", scope: "catalog:write", summary: "Upsert up to 1,000 products by SKU",
    description: "201 when any product was new, 200 when all existed. Bodies up to 512 KB.",
    body: apiUpsertProductsSchema, bodyExample: { products: [{ sku: "CAFE-250", name: "Café de Chiapas 250 g", department: "Abarrotes", category: "Café", unitCost: 89.5 }] },
    ok: { status: 201, schema: out.productImportSchema, description: "How many were created and updated." },
  },
  {
    method: "get", path: "/api/v1/products/{sku}", tag: "Catalog", scope: ["catalog:write", "members:read"], summary: "Get a product",
    params: idParam("sku", "Product SKU"), ok: { status: 200, schema: out.productSchema, description: "The product." }, errors: { 404: ["not_found"] },
  },
];


function errorResponses(op: Operation): RouteConfig["responses"] {
  const merged: Record<number, Set<string>> = {};
  const add = (table: Record<number, string[]>) => {
    for (const [status, codes] of Object.entries(table)) for (const c of codes) (merged[Number(status)] ??= new Set()).add(c);
  };
  if (op.scope) add(COMMON_AUTH);
  // PATCH and DELETE take an Idempotency-Key but do not require one.
  if (op.scope && op.method !== "get") add(op.method === "post" ? COMMON_WRITE : { ...COMMON_WRITE, 400: ["invalid_json"] });
  add(op.errors ?? {});
  return Object.fromEntries(
    Object.entries(merged).map(([status, codes]) => [
      status,
      { description: `${STATUS_TEXT[Number(status)] ?? "Error"}: code ${[...codes].map((c) => `\`${c}\``).join(", ")}.`, content: { "application/problem+json": { schema: out.problemSchema } } },
    ]),
  );
}

function register(registry: OpenAPIRegistry, bearer: { name: string }, op: Operation): void {
  const scopes = op.scope ? (typeof op.scope === "string" ? [op.scope] : op.scope) : [];
  const headers = op.method === "post" && op.scope ? z.object({ "Idempotency-Key": z.string().min(1).max(255).meta({ description: "Required on every POST: a retry with the same key returns the first answer and writes nothing; kept 7 days." }) }) : undefined;
  registry.registerPath({
    method: op.method,
    path: op.path.replace(/\{(\w+)\}/g, "{$1}"),
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, scopes.length ? `Scope: ${scopes.map((s) => `\`${s}\``).join(" or ")}.` : "Public."].filter(Boolean).join("\n\n"),
    security: scopes.length ? [{ [bearer.name]: [] }] : [],
    request: {
      params: op.params,
      query: op.query,
      headers,
      body: op.body ? { required: true, content: { "application/json": { schema: op.body, example: op.bodyExample } } } : undefined,
    },
    responses: {
      [op.ok.status]: { description: op.ok.description, content: { "application/json": { schema: op.ok.schema } } },
      ...errorResponses(op),
    },
    ...(scopes.length ? { "x-scopes": scopes } : {}),
  });
}

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

export function buildOpenApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer", description: `An API key from Console → Developers → API keys (lz_…). Scopes: ${API_SCOPES.join(", ")}.` });
  for (const op of [...OPERATIONS, ...REWARD_OPERATIONS, ...WEBHOOK_OPERATIONS, ...ACCOUNT_OPERATIONS, ...CHALLENGE_OPERATIONS, ...TRANSFER_OPERATIONS]) register(registry, bearer, op);
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Lazo API",
      version: "v1",
      description: `JSON over HTTPS. Authorization: Bearer <api key>. Amounts are decimals in the program's currency, points are integers. Errors are RFC 9457 application/problem+json with a stable code. Bodies up to ${MAX_BODY_BYTES / 1024} KB. Every answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; over the limit: 429 rate_limited with Retry-After.`,
    },
    tags: [
      { name: "Members", description: "Enrol, look up and update members." },
      { name: "Points", description: "Balances, history and adjustments." },
      { name: "Purchases", description: "Earn on purchases, reverse on refunds." },
      { name: "Holds", description: "Two-phase paying with points." },
      { name: "Rewards", description: "Rewards, redemptions and coupons at the counter." },
      { name: "Catalog", description: "Products the rules can target." },
      { name: "Accounts", description: "Business accounts: a company's pool of points shared by its buyers, with permissions and monthly limits." },
      { name: "Events", description: "Custom engagement events that earn by the plan's event rules." },
      { name: "Webhooks", description: "Endpoints that hear about events, signed with HMAC-SHA256." },
      { name: "Meta", description: "Index, health and this document." },
    ],
  });
  return cached;
}
