import { expect, test } from "@playwright/test";
import { api, fixtures, memberWithPurchase, unique } from "./api-client";

test.describe("POST /api/v1/holds", () => {
  test("holds, captures part, refuses a second capture; replays hold nothing twice", async ({ request }) => {
    const client = api(request);
    const { memberId } = await memberWithPurchase(request, 100);
    const key = unique("hold");
    const created = await client.post("/api/v1/holds", { memberId, points: 60, reference: "CART-1", expiresInSeconds: 900 }, key);
    expect(created.status()).toBe(201);
    const hold = await created.json();
    expect(hold).toMatchObject({ memberId, points: 60, status: "active", reference: "CART-1", balance: { available: 40, held: 60 } });
    const replay = await client.post("/api/v1/holds", { memberId, points: 60, reference: "CART-1", expiresInSeconds: 900 }, key);
    expect(await replay.json()).toEqual(hold);
    const conflict = await client.post("/api/v1/holds", { memberId, points: 61, reference: "CART-1", expiresInSeconds: 900 }, key);
    expect(conflict.status()).toBe(409);
    expect(await conflict.json()).toMatchObject({ code: "idempotency_conflict" });

    const captured = await client.post(`/api/v1/holds/${hold.id}/capture`, { points: 50 });
    expect(captured.status()).toBe(201);
    expect(await captured.json()).toMatchObject({ id: hold.id, status: "captured", captured: 50, released: 10, balance: { available: 50, held: 0 } });
    const twice = await client.post(`/api/v1/holds/${hold.id}/capture`, {});
    expect(twice.status()).toBe(422);
    expect(await twice.json()).toMatchObject({ code: "hold_not_active", status: 422, holdStatus: "captured" });
    const member = await (await client.get(`/api/v1/members/${memberId}`)).json();
    expect(member.balance.available).toBe(50);
  });

  test("voids, then refuses to capture the voided hold; insufficient points and unknown or rival holds", async ({ request }) => {
    const client = api(request);
    const { memberId } = await memberWithPurchase(request, 30);
    const tooMany = await client.post("/api/v1/holds", { memberId, points: 31 });
    expect(tooMany.status()).toBe(422);
    expect(await tooMany.json()).toMatchObject({ code: "insufficient_points" });
    const hold = await (await client.post("/api/v1/holds", { memberId, points: 20 })).json();
    const voided = await client.post(`/api/v1/holds/${hold.id}/void`, {});
    expect(voided.status()).toBe(200);
    expect(await voided.json()).toMatchObject({ status: "voided", released: 20, balance: { available: 30, held: 0 } });
    const capture = await client.post(`/api/v1/holds/${hold.id}/capture`, {});
    expect(await capture.json()).toMatchObject({ code: "hold_not_active" });

    const rival = await client.post(`/api/v1/holds/${fixtures().api.rivalHoldId}/capture`, {});
    expect(rival.status()).toBe(404);
    expect((await client.post("/api/v1/holds/not-a-hold/void", {})).status()).toBe(404);
    const rivalMember = await client.post("/api/v1/holds", { memberId: fixtures().members.q.id, points: 1 });
    expect(rivalMember.status()).toBe(404);
    const unknownField = await client.post("/api/v1/holds", { memberId, points: 1, currency: "USD" });
    expect(await unknownField.json()).toMatchObject({ code: "validation_failed" });
  });

  test("refuses to capture an expired hold", async ({ request }) => {
    const client = api(request);
    const { memberId } = await memberWithPurchase(request, 30);
    const hold = await (await client.post("/api/v1/holds", { memberId, points: 5, expiresInSeconds: 10 })).json();
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const capture = await client.post(`/api/v1/holds/${hold.id}/capture`, {});
    expect(capture.status()).toBe(422);
    expect(await capture.json()).toMatchObject({ code: "hold_expired" });
    expect((await client.post(`/api/v1/holds/${hold.id}/void`, {})).status()).toBe(200);
  });
});
