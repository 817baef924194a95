import { expect, test } from "@playwright/test";
import { api, fixtures, memberWithPurchase, unique } from "./api-client";

test.describe("POST /api/v1/refunds", () => {
  test("reverses a proportional share per partial refund and refuses to reverse more than earned", async ({ request }) => {
    const client = api(request);
    const { memberId, orderId, purchase } = await memberWithPurchase(request, 100);
    expect(purchase.pointsEarned).toBe(100);

    const key = unique("refund");
    const first = await client.post("/api/v1/refunds", { orderId, amount: 40 }, key);
    expect(first.status()).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({ orderId, refundedAmount: 40, pointsReversed: 40, clawback: { points: 0, policy: "negative_forbidden_forfeit" }, balance: { available: 60 } });

    const replay = await client.post("/api/v1/refunds", { orderId, amount: 40 }, key);
    expect(replay.status()).toBe(201);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.json()).toEqual(body);
    const conflict = await client.post("/api/v1/refunds", { orderId, amount: 41 }, key);
    expect(conflict.status()).toBe(409);
    expect(await conflict.json()).toMatchObject({ code: "idempotency_conflict" });

    const tooMuch = await client.post("/api/v1/refunds", { orderId, amount: 60.01 });
    expect(tooMuch.status()).toBe(422);
    expect(await tooMuch.json()).toMatchObject({ code: "refund_exceeds_purchase", refundable: 60 });
    const rest = await client.post("/api/v1/refunds", { orderId });
    expect(await rest.json()).toMatchObject({ pointsReversed: 60, purchase: { status: "refunded", pointsReversed: 100 } });
    const again = await client.post("/api/v1/refunds", { orderId, amount: 1 });
    expect(await again.json()).toMatchObject({ code: "refund_exceeds_purchase" });

    const member = await (await client.get(`/api/v1/members/${memberId}`)).json();
    expect(member.balance.available).toBe(0);
  });

  test("forfeits points already spent as clawback", async ({ request }) => {
    const client = api(request);
    const { memberId, orderId } = await memberWithPurchase(request, 50);
    const hold = await (await client.post("/api/v1/holds", { memberId, points: 45 })).json();
    expect((await client.post(`/api/v1/holds/${hold.id}/capture`, {})).status()).toBe(201);
    const refund = await client.post("/api/v1/refunds", { orderId });
    expect(await refund.json()).toMatchObject({ pointsReversed: 50, clawback: { points: 45 }, balance: { available: 0 } });
  });

  test("refunds lines, and answers unknown orders, bad bodies and missing keys with stable codes", async ({ request }) => {
    const client = api(request);
    const { orderId, purchase } = await memberWithPurchase(request, 100, [{ sku: "CD-ROCK-1", quantity: 2, unitPrice: 30 }, { sku: "BOOK-1", quantity: 1, unitPrice: 40 }]);
    expect(purchase.pointsEarned).toBe(100);
    const line = await client.post("/api/v1/refunds", { orderId, lines: [{ sku: "CD-ROCK-1", quantity: 1 }] });
    expect(line.status()).toBe(201);
    expect(await line.json()).toMatchObject({ refundedAmount: 30, pointsReversed: 30 });
    const over = await client.post("/api/v1/refunds", { orderId, lines: [{ sku: "CD-ROCK-1", quantity: 2 }] });
    expect(await over.json()).toMatchObject({ code: "refund_exceeds_purchase" });

    const unknown = await client.post("/api/v1/refunds", { orderId: unique("nope") });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "purchase_not_found" });
    const both = await client.post("/api/v1/refunds", { orderId, amount: 1, lines: [{ sku: "BOOK-1", quantity: 1 }] });
    expect(both.status()).toBe(422);
    expect(await both.json()).toMatchObject({ code: "validation_failed" });
    const extra = await client.post("/api/v1/refunds", { orderId, amount: 1, points: 5 });
    expect(await extra.json()).toMatchObject({ code: "validation_failed" });
    const noKey = await request.post("/api/v1/refunds", { data: { orderId } });
    expect(noKey.status()).toBe(401);
    expect(await noKey.json()).toMatchObject({ code: "unauthorized" });
    const noIdempotencyKey = await request.post("/api/v1/refunds", { headers: { Authorization: `Bearer ${fixtures().api.key}` }, data: { orderId } });
    expect(noIdempotencyKey.status()).toBe(400);
    expect(await noIdempotencyKey.json()).toMatchObject({ code: "idempotency_key_required" });
  });
});
