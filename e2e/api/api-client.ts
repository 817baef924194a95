import fs from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";

export type ApiFixtures = {
  members: Record<"a" | "b" | "c" | "q", { id: string; email: string; programId: string }>;
  api: { key: string; limitedKey: string; rivalHoldId: string };
};

export const fixtures = (): ApiFixtures => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as ApiFixtures;

/** A unique suffix per call, so parallel tests on the shared server never collide. */
export const unique = (tag: string) => `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Calls the API with the fixture key (every scope) unless another is given. */
export function api(request: APIRequestContext, key = fixtures().api.key) {
  const headers = (idempotencyKey?: string) => ({ Authorization: `Bearer ${key}`, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) });
  return {
    get: (path: string): Promise<APIResponse> => request.get(path, { headers: headers() }),
    post: (path: string, data: unknown, idempotencyKey = unique("idem")): Promise<APIResponse> => request.post(path, { headers: headers(idempotencyKey), data }),
    patch: (path: string, data: unknown): Promise<APIResponse> => request.patch(path, { headers: headers(), data }),
  };
}

/** Enrols a fresh member and gives them points through a purchase (USD, 1 point per dollar in the demo plan). */
export async function memberWithPurchase(request: APIRequestContext, amount: number, lines?: { sku: string; quantity: number; unitPrice: number }[]) {
  const client = api(request);
  const member = await (await client.post("/api/v1/members", { externalId: unique("m") })).json();
  const orderId = unique("ORD");
  const purchase = await client.post("/api/v1/purchases", { memberId: member.id, orderId, amount, currency: "USD", channel: "ecommerce", ...(lines ? { lines } : {}) });
  return { memberId: member.id as string, orderId, purchase: await purchase.json() };
}
