import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createApiKeyFromConsole } from "../support/admin";
import { DEMO, signInAsUser } from "../support/auth";

type Fixtures = { members: Record<"a" | "b" | "c" | "q", { id: string; email: string; programId: string }> };
const fixtures = () => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;

let key = "";
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signInAsUser(page, DEMO.admin, undefined, "/console/developers/api-keys");
  key = await createApiKeyFromConsole(page, `API e2e ${Date.now().toString(36)}`);
  await page.close();
});

const post = (request: APIRequestContext, body: unknown, idempotencyKey?: string) =>
  request.post("/api/v1/purchases", {
    data: body,
    headers: { Authorization: `Bearer ${key}`, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) },
  });

test.describe("POST /api/v1/purchases", () => {
  test("credits points once, replays the first answer, refuses a reused key with another body", async ({ request }) => {
    const memberId = fixtures().members.b.id;
    const orderId = `API-${Date.now().toString(36)}`;
    const body = { memberId, orderId, amount: 150.5, currency: "USD", channel: "ecommerce" };
    const first = await post(request, body, `idem-${orderId}`);
    expect(first.status()).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ orderId, pointsEarned: 150, pointsPending: 0, explanation: { basePoints: 150 } });

    const replay = await post(request, body, `idem-${orderId}`);
    expect(replay.status()).toBe(201);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.json()).toEqual(created);

    const conflict = await post(request, { ...body, amount: 1 }, `idem-${orderId}`);
    expect(conflict.status()).toBe(409);
    expect(conflict.headers()["content-type"]).toContain("application/problem+json");
    expect(await conflict.json()).toMatchObject({ code: "idempotency_conflict", status: 409 });

    const member = await request.get(`/api/v1/members/${memberId}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(member.status()).toBe(200);
    expect((await member.json()).balance.available).toBe(created.balance.available);
  });

  test("answers every mistake with problem+json and a stable code, writing nothing", async ({ request }) => {
    // A member no other test touches, so "nothing written" is exact.
    const memberId = fixtures().members.c.id;
    const base = { memberId, orderId: `BAD-${Date.now().toString(36)}`, amount: 10, currency: "USD", channel: "pos" };
    const balanceOf = async () => ((await (await request.get(`/api/v1/members/${memberId}`, { headers: { Authorization: `Bearer ${key}` } })).json()) as { balance: { available: number } }).balance.available;
    const before = await balanceOf();
    const noKey = await request.post("/api/v1/purchases", { data: base, headers: { "Idempotency-Key": "x1" } });
    expect(noKey.status()).toBe(401);
    expect(await noKey.json()).toMatchObject({ code: "unauthorized" });
    const badKey = await request.post("/api/v1/purchases", { data: base, headers: { Authorization: "Bearer lz_nope", "Idempotency-Key": "x2" } });
    expect(badKey.status()).toBe(401);

    const noIdempotency = await post(request, base);
    expect(noIdempotency.status()).toBe(400);
    expect(await noIdempotency.json()).toMatchObject({ code: "idempotency_key_required" });

    const tooPrecise = await post(request, { ...base, amount: 1.234 }, `${base.orderId}-a`);
    expect(tooPrecise.status()).toBe(422);
    expect(await tooPrecise.json()).toMatchObject({ code: "validation_failed", errors: { amount: [expect.stringContaining("2 decimals")] } });

    const massAssignment = await post(request, { ...base, pointsEarned: 1_000_000 }, `${base.orderId}-b`);
    expect(massAssignment.status()).toBe(422);

    const wrongCurrency = await post(request, { ...base, currency: "EUR" }, `${base.orderId}-c`);
    expect(await wrongCurrency.json()).toMatchObject({ code: "validation_failed", errors: { currency: [expect.any(String)] } });

    const huge = await request.post("/api/v1/purchases", {
      headers: { Authorization: `Bearer ${key}`, "Idempotency-Key": `${base.orderId}-d`, "Content-Type": "application/json" },
      data: JSON.stringify({ ...base, note: "x".repeat(70_000) }),
    });
    expect(huge.status()).toBe(413);

    const broken = await request.post("/api/v1/purchases", { headers: { Authorization: `Bearer ${key}`, "Idempotency-Key": `${base.orderId}-e`, "Content-Type": "application/json" }, data: Buffer.from("{not json") });
    expect(broken.status()).toBe(400);
    expect(await broken.json()).toMatchObject({ code: "invalid_json" });

    expect(await balanceOf()).toBe(before);
  });

  test("another program's member is not found", async ({ request }) => {
    const rivalMember = fixtures().members.q.id;
    const response = await post(request, { memberId: rivalMember, orderId: `X-${Date.now()}`, amount: 10, currency: "USD", channel: "pos" }, `x-${Date.now()}`);
    expect(response.status()).toBe(404);
    expect(await response.json()).toMatchObject({ code: "not_found" });
    const get = await request.get(`/api/v1/members/${rivalMember}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(get.status()).toBe(404);
  });
});
