import { expect, test } from "@playwright/test";
import { api, fixtures, unique } from "./api-client";

test.describe("POST /api/v1/tickets (a customer who is not a member)", () => {
  test("records the ticket with its lines' costs, once, and refunds it without points", async ({ request }) => {
    const client = api(request);
    const orderId = unique("TKT");
    // CD-CATALOGO has a unit cost in the demo catalog; an unknown SKU has none. Online, like the demo's history:
    // the analytics journey counts on counter (pos) sales having no costs.
    const body = { orderId, amount: 31.5, currency: "USD", channel: "ecommerce", lines: [{ sku: "CD-CATALOGO", quantity: 2, unitPrice: 12 }, { sku: unique("NONE"), quantity: 1, unitPrice: 7.5 }] };
    const first = await client.post("/api/v1/tickets", body, `idem-${orderId}`);
    expect(first.status()).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ orderId, amount: 31.5, currency: "USD", costedLines: 1 });
    expect(created.purchaseId).toMatch(/^[0-9a-f-]{36}$/);

    const replay = await client.post("/api/v1/tickets", body, `idem-${orderId}`);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.json()).toEqual(created);
    const again = await client.post("/api/v1/tickets", body);
    expect(again.status()).toBe(409);
    expect(await again.json()).toMatchObject({ code: "order_exists", purchaseId: created.purchaseId });

    const refund = await client.post("/api/v1/refunds", { orderId, amount: 7.5 });
    expect(refund.status()).toBe(201);
    expect(await refund.json()).toMatchObject({ pointsReversed: 0, balance: null });
  });

  test("answers mistakes with problem+json and a stable code", async ({ request }) => {
    const client = api(request);
    const base = { orderId: unique("TKT-BAD"), amount: 10, currency: "USD", channel: "pos" };
    const withMember = await client.post("/api/v1/tickets", { ...base, memberId: fixtures().members.b.id });
    expect(withMember.status()).toBe(422);
    expect(withMember.headers()["content-type"]).toContain("application/problem+json");
    expect(await withMember.json()).toMatchObject({ code: "validation_failed" });
    const mismatch = await client.post("/api/v1/tickets", { ...base, lines: [{ sku: "CD-CATALOGO", quantity: 1, unitPrice: 3 }] });
    expect(await mismatch.json()).toMatchObject({ code: "validation_failed", errors: { amountMinor: [expect.any(String)] } });
    const currency = await client.post("/api/v1/tickets", { ...base, currency: "EUR" });
    expect(await currency.json()).toMatchObject({ code: "validation_failed", errors: { currency: [expect.any(String)] } });
    const noKey = await request.post("/api/v1/tickets", { data: base, headers: { "Idempotency-Key": unique("k") } });
    expect(noKey.status()).toBe(401);
    // Nothing was recorded under that order reference.
    const refund = await client.post("/api/v1/refunds", { orderId: base.orderId });
    expect(await refund.json()).toMatchObject({ code: "purchase_not_found" });
  });
});
