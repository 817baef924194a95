import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { api, fixtures, unique } from "./api-client";

/** The b2b program's key (its plan pays 50 points per quiz.completed, once per quizId). */
const b2bKey = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { b2b: { key: string } }).b2b.key;

async function newMember(request: APIRequestContext, key?: string): Promise<string> {
  const response = await api(request, key).post("/api/v1/members", { externalId: unique("b2b") });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

test.describe("/api/v1/accounts", () => {
  test("opens an account, adds users with permissions and limits, pools their purchases and refuses redemptions past a limit", async ({ request }) => {
    const client = api(request);
    const [admin, buyer] = [await newMember(request), await newMember(request)];
    const created = await client.post("/api/v1/accounts", { name: "Papelería Centro", externalId: unique("erp"), adminMemberId: admin });
    expect(created.status()).toBe(201);
    const account = await created.json();
    expect(account).toMatchObject({ name: "Papelería Centro", tier: null, balance: { available: 0 }, users: [{ memberId: admin, role: "manage", monthlyRedemptionLimit: null }] });

    const added = await client.post(`/api/v1/accounts/${account.id}/users`, { memberId: buyer, role: "redeem", monthlyRedemptionLimit: 30 });
    expect(added.status()).toBe(201);
    expect(await added.json()).toEqual({ memberId: buyer, role: "redeem", monthlyRedemptionLimit: 30 });

    const purchase = await client.post("/api/v1/purchases", { memberId: buyer, orderId: unique("ORD"), amount: 80, currency: "USD", channel: "pos" });
    expect(await purchase.json()).toMatchObject({ pointsEarned: 80, account: { id: account.id, name: "Papelería Centro" }, balance: { available: 80 } });

    expect((await client.post("/api/v1/redemptions", { memberId: buyer, points: 30 })).status()).toBe(201);
    const refused = await client.post("/api/v1/redemptions", { memberId: buyer, points: 1 });
    expect(refused.status()).toBe(422);
    expect(await refused.json()).toMatchObject({ code: "redemption_limit_exceeded", remaining: 0, requested: 1 });

    const patched = await client.patch(`/api/v1/accounts/${account.id}/users/${buyer}`, { role: "earn" });
    expect(await patched.json()).toEqual({ memberId: buyer, role: "earn", monthlyRedemptionLimit: 30 });
    expect(await (await client.post("/api/v1/redemptions", { memberId: buyer, points: 1 })).json()).toMatchObject({ code: "permission_denied" });

    const view = await (await client.get(`/api/v1/accounts/${account.id}`)).json();
    expect(view.balance).toMatchObject({ available: 50, lifetimeEarned: 80, lifetimeRedeemed: 30 });
    const activity = await (await client.get(`/api/v1/accounts/${account.id}/activity?limit=1`)).json();
    expect(activity.data).toHaveLength(1);
    expect(activity.data[0]).toMatchObject({ kind: "redeem", points: 30, memberId: buyer });
    const next = await (await client.get(`/api/v1/accounts/${account.id}/activity?limit=1&cursor=${activity.nextCursor}`)).json();
    expect(next.data[0]).toMatchObject({ kind: "earn", points: 80, memberId: buyer });
  });

  test("answers with stable codes: unknown fields, duplicates, the last manager, other accounts and other programs", async ({ request }) => {
    const client = api(request);
    const [admin, other] = [await newMember(request), await newMember(request)];
    expect(await (await client.post("/api/v1/accounts", { name: "X", color: "red" })).json()).toMatchObject({ code: "validation_failed", status: 422 });
    const externalId = unique("erp");
    const account = await (await client.post("/api/v1/accounts", { name: "Uno", externalId, adminMemberId: admin })).json();
    expect(await (await client.post("/api/v1/accounts", { name: "Dos", externalId })).json()).toMatchObject({ code: "account_exists", status: 409 });
    const second = await (await client.post("/api/v1/accounts", { name: "Tres" })).json();
    expect(await (await client.post(`/api/v1/accounts/${second.id}/users`, { memberId: admin, role: "earn" })).json()).toMatchObject({ code: "member_in_other_account" });
    const removeLast = await request.delete(`/api/v1/accounts/${account.id}/users/${admin}`, { headers: { Authorization: `Bearer ${fixtures().api.key}` } });
    expect(await removeLast.json()).toMatchObject({ code: "last_manager", status: 422 });
    expect(await (await client.patch(`/api/v1/accounts/${account.id}/users/${other}`, { role: "earn" })).json()).toMatchObject({ code: "not_found" });
    // Another program's key sees nothing of this account.
    expect((await api(request, b2bKey()).get(`/api/v1/accounts/${account.id}`)).status()).toBe(404);
    expect((await client.get("/api/v1/accounts/not-a-uuid")).status()).toBe(404);
    expect((await client.post("/api/v1/accounts", { name: "Sin llave" }, "")).status()).toBe(400);
  });
});

test.describe("POST /api/v1/events", () => {
  test("earns 50 points per quiz once: the same eventId answers the first result, the same quiz under another id earns nothing", async ({ request }) => {
    const client = api(request, b2bKey());
    const memberId = await newMember(request, b2bKey());
    const eventId = unique("lms");
    const body = { memberId, type: "quiz.completed", eventId, properties: { quizId: unique("quiz") } };
    const first = await client.post("/api/v1/events", body);
    expect(first.status()).toBe(201);
    const result = await first.json();
    expect(result).toMatchObject({ eventId, pointsEarned: 50, balance: { available: 50 }, rules: [{ ruleId: "quiz", fired: true }] });
    const again = await client.post("/api/v1/events", body);
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual(result);
    const sameQuiz = await client.post("/api/v1/events", { ...body, eventId: unique("lms") });
    expect(await sameQuiz.json()).toMatchObject({ pointsEarned: 0, rules: [{ ruleId: "quiz", fired: false, miss: "already_credited" }] });
    const otherMember = await newMember(request, b2bKey());
    expect(await (await client.post("/api/v1/events", { ...body, memberId: otherMember })).json()).toMatchObject({ code: "event_exists", status: 409 });
    expect(await (await client.post("/api/v1/events", { ...body, eventId: unique("lms"), points: 1000 })).json()).toMatchObject({ code: "validation_failed" });
    const member = await (await client.get(`/api/v1/members/${memberId}`)).json();
    expect(member.balance.available).toBe(50);
  });
});
