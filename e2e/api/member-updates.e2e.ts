import { expect, test } from "@playwright/test";
import { api, fixtures, memberWithPurchase, unique } from "./api-client";

test.describe("PATCH /api/v1/members/{id} and GET …/history", () => {
  test("updates the fields sent, refuses a taken email and unknown fields, hides rival members", async ({ request }) => {
    const client = api(request);
    const email = `${unique("patch")}@example.com`;
    const member = await (await client.post("/api/v1/members", { externalId: unique("p"), email })).json();
    const updated = await client.patch(`/api/v1/members/${member.id}`, { name: "Elena Épsilon", phone: "+52 33 1111 2222", consents: { marketing: true } });
    expect(updated.status()).toBe(200);
    expect(await updated.json()).toMatchObject({ id: member.id, email, name: "Elena Épsilon", phone: "+523311112222", consents: { marketing: true } });

    const other = await (await client.post("/api/v1/members", { externalId: unique("o") })).json();
    const taken = await client.patch(`/api/v1/members/${other.id}`, { email: email.toUpperCase() });
    expect(taken.status()).toBe(409);
    expect(await taken.json()).toMatchObject({ code: "email_taken" });
    const massAssignment = await client.patch(`/api/v1/members/${other.id}`, { cardNumber: "7000000000000000" });
    expect(massAssignment.status()).toBe(422);
    expect(await massAssignment.json()).toMatchObject({ code: "validation_failed", errors: { _: expect.arrayContaining([expect.stringMatching(/cardNumber/)]) } });
    const rival = await client.patch(`/api/v1/members/${fixtures().members.q.id}`, { name: "Nope" });
    expect(rival.status()).toBe(404);
  });

  test("pages the history newest first with an opaque cursor", async ({ request }) => {
    const client = api(request);
    const { memberId, orderId } = await memberWithPurchase(request, 20);
    for (const points of [1, 2, 3]) await client.post(`/api/v1/members/${memberId}/adjustments`, { points, reason: `Ajuste ${points}` });
    const first = await client.get(`/api/v1/members/${memberId}/history?limit=2`);
    expect(first.status()).toBe(200);
    const page1 = await first.json();
    expect(page1.data.map((e: { points: number }) => e.points)).toEqual([3, 2]);
    expect(page1.data[0]).toMatchObject({ kind: "adjust", availableDelta: 3, reason: "Ajuste 3", occurredAt: expect.any(String) });
    const page2 = await (await client.get(`/api/v1/members/${memberId}/history?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.data.map((e: { points: number }) => e.points)).toEqual([1, 20]);
    expect(page2.data[1]).toMatchObject({ kind: "earn", orderRef: orderId, explanation: expect.any(Object) });
    expect(page2.nextCursor).toBeNull();

    const badCursor = await client.get(`/api/v1/members/${memberId}/history?cursor=xyz`);
    expect(badCursor.status()).toBe(422);
    expect((await client.get(`/api/v1/members/${fixtures().members.q.id}/history`)).status()).toBe(404);
    expect((await client.get(`/api/v1/members/${memberId}/history?limit=500`)).status()).toBe(422);
  });
});
