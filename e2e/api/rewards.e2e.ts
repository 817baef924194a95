import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";

type Fixtures = {
  members: Record<"a" | "b" | "c" | "q", { id: string }>;
  rewards: { soldOut: string; oncePerMember: string; rival: string; rivalCouponCode: string };
  api: { key: string };
};
const fixtures = () => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;
const run = Date.now().toString(36);
let seq = 0;
const auth = (idempotencyKey?: string) => ({ Authorization: `Bearer ${fixtures().api.key}`, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) });
const post = (request: APIRequestContext, path: string, data: unknown, key = `rw-${run}-${++seq}`) => request.post(path, { headers: auth(key), data });

/** A fresh member with exactly `points` available, through the API itself. */
async function memberWith(request: APIRequestContext, points: number): Promise<string> {
  const externalId = `rw-${run}-${++seq}`;
  const member = await (await post(request, "/api/v1/members", { externalId })).json();
  if (points) expect((await post(request, `/api/v1/members/${member.id}/adjustments`, { points, reason: "Saldo de prueba" })).status()).toBe(201);
  return member.id;
}

async function demoReward(request: APIRequestContext, nameEn: string): Promise<{ id: string; pointsPrice: number }> {
  const list = await (await request.get("/api/v1/rewards", { headers: auth() })).json();
  return list.data.find((r: { name: { en: string } }) => r.name.en === nameEn);
}

test.describe("rewards and coupons API", () => {
  test("lists the catalog, and for a member only what they may redeem at their price", async ({ request }) => {
    const all = await request.get("/api/v1/rewards", { headers: auth() });
    expect(all.status()).toBe(200);
    const names = (await all.json()).data.map((r: { name: { en: string } }) => r.name.en);
    expect(names).toEqual(expect.arrayContaining(["$5 off", "Concert pass"]));
    const memberId = await memberWith(request, 150);
    const mine = await (await request.get(`/api/v1/rewards?memberId=${memberId}`, { headers: auth() })).json();
    expect(mine.available).toBe(150);
    const own = mine.data.map((r: { name: { en: string } }) => r.name.en);
    expect(own).toContain("$5 off");
    expect(own).not.toContain("Concert pass"); // gold members only
    expect(own).not.toContain("Sold out e2e");
    expect(mine.data.find((r: { name: { en: string } }) => r.name.en === "$5 off")).toMatchObject({ price: 100, affordable: true });
    const unknown = await request.get("/api/v1/rewards?memberId=1&extra=1", { headers: auth() });
    expect(unknown.status()).toBe(422);
  });

  test("redeems a reward into a coupon, replays it, validates and redeems it once at the counter", async ({ request }) => {
    const memberId = await memberWith(request, 250);
    const reward = await demoReward(request, "$5 off");
    const key = `redeem-${run}`;
    const created = await post(request, "/api/v1/redemptions", { memberId, rewardId: reward.id }, key);
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ pointsRedeemed: 100, balance: { available: 150, pending: 0 }, coupon: { status: "issued", code: expect.stringMatching(/^LZ-\w{5}-\w{5}$/), qrSvg: expect.stringContaining("<svg") } });
    const replay = await post(request, "/api/v1/redemptions", { memberId, rewardId: reward.id }, key);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.json()).toEqual(body);
    const conflict = await post(request, "/api/v1/redemptions", { memberId, points: 5 }, key);
    expect(conflict.status()).toBe(409);

    const code: string = body.coupon.code;
    const valid = await post(request, "/api/v1/coupons/validate", { code: code.toLowerCase() });
    expect(valid.status()).toBe(200);
    expect(await valid.json()).toMatchObject({ code, status: "issued", reward: { id: reward.id, kind: "amount_discount", value: 500 } });
    const used = await post(request, `/api/v1/coupons/${code}/redeem`, {});
    expect(used.status()).toBe(201);
    expect(await used.json()).toMatchObject({ status: "redeemed", usedAt: expect.any(String) });
    const again = await post(request, `/api/v1/coupons/${code}/redeem`, {});
    expect(again.status()).toBe(422);
    expect(await again.json()).toMatchObject({ code: "coupon_already_redeemed" });
    expect(await (await post(request, "/api/v1/coupons/validate", { code })).json()).toMatchObject({ code: "coupon_already_redeemed" });
  });

  test("pays with points through the ledger, and refuses more than the balance", async ({ request }) => {
    const memberId = await memberWith(request, 60);
    const paid = await post(request, "/api/v1/redemptions", { memberId, points: 40, orderId: `ORD-${run}` });
    expect(paid.status()).toBe(201);
    expect(await paid.json()).toMatchObject({ pointsRedeemed: 40, entryId: expect.any(Number), balance: { available: 20 } });
    const tooMuch = await post(request, "/api/v1/redemptions", { memberId, points: 21 });
    expect(tooMuch.status()).toBe(422);
    expect(await tooMuch.json()).toMatchObject({ code: "insufficient_points", requested: 21, available: 20 });
  });

  test("answers every refusal with its own code, writing nothing", async ({ request }) => {
    const { rewards } = fixtures();
    const memberId = await memberWith(request, 2000);
    const refusal = async (data: unknown) => {
      const res = await post(request, "/api/v1/redemptions", data);
      return { status: res.status(), ...(await res.json()) };
    };
    expect(await refusal({ memberId, rewardId: rewards.soldOut })).toMatchObject({ status: 422, code: "out_of_stock" });
    expect(await refusal({ memberId, rewardId: (await demoReward(request, "Concert pass")).id })).toMatchObject({ status: 422, code: "reward_not_eligible", reason: "tier_not_eligible" });
    expect((await post(request, "/api/v1/redemptions", { memberId, rewardId: rewards.oncePerMember })).status()).toBe(201);
    expect(await refusal({ memberId, rewardId: rewards.oncePerMember })).toMatchObject({ status: 422, code: "limit_reached" });
    expect(await refusal({ memberId, rewardId: rewards.rival })).toMatchObject({ status: 404, code: "not_found" });
    expect(await refusal({ memberId: fixtures().members.q.id, points: 1 })).toMatchObject({ status: 404 });
    expect(await refusal({ memberId, rewardId: rewards.oncePerMember, points: 5 })).toMatchObject({ status: 422, code: "validation_failed" });
    expect(await refusal({ memberId, points: 5, pointsEarned: 9 })).toMatchObject({ status: 422, code: "validation_failed" });
    const balance = await (await request.get(`/api/v1/members/${memberId}`, { headers: auth() })).json();
    expect(balance.balance.available).toBe(1990);

    const missing = await post(request, "/api/v1/coupons/validate", { code: "LZ-22222-22222" });
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "coupon_not_found" });
    const rival = await post(request, "/api/v1/coupons/validate", { code: rewards.rivalCouponCode });
    expect(await rival.json()).toMatchObject({ code: "coupon_not_found" });
    expect((await post(request, `/api/v1/coupons/${rewards.rivalCouponCode}/redeem`, {})).status()).toBe(404);
    expect((await post(request, "/api/v1/coupons/validate", { code: "LZ-22222-22222", extra: 1 })).status()).toBe(422);
    expect((await request.post("/api/v1/coupons/validate", { headers: { Authorization: "Bearer lz_nope", "Idempotency-Key": "x" }, data: { code: "x" } })).status()).toBe(401);
  });

  test("lets exactly the affordable number of parallel redemptions through", async ({ request }) => {
    const memberId = await memberWith(request, 350);
    const reward = await demoReward(request, "$5 off");
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post(request, "/api/v1/redemptions", { memberId, rewardId: reward.id }, `race-${run}-${i}`)));
    const statuses = results.map((r) => r.status()).sort();
    expect(statuses).toEqual([201, 201, 201, 422, 422, 422, 422, 422]);
    for (const r of results.filter((x) => x.status() === 422)) expect((await r.json()).code).toBe("insufficient_points");
    const member = await (await request.get(`/api/v1/members/${memberId}`, { headers: auth() })).json();
    expect(member.balance.available).toBe(50);
  });
});
