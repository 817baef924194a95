import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signInAsUser } from "../support/auth";
import { api, unique } from "./api-client";

/** A unique 8-digit local number, so parallel runs on the shared server never share a phone. */
const localNumber = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999));

/** Creates a key from Developers → API keys with only `keep` checked and a rate limit; returns its secret. */
async function createLimitedKey(page: Page, name: string, keep: string[], rateLimit: string): Promise<string> {
  const form = page.getByTestId("create-key-form");
  await form.getByLabel("Nombre").fill(name);
  for (const box of await form.getByRole("checkbox").all()) {
    if (!keep.includes((await box.getAttribute("value")) ?? "")) await box.uncheck();
  }
  await form.getByLabel("Solicitudes por minuto").fill(rateLimit);
  await form.getByRole("button", { name: "Crear llave" }).click();
  const secret = page.getByTestId("new-api-key-value");
  await expect(secret).toHaveValue(/^lz_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  return secret.inputValue();
}

test.describe("API keys: scopes and rate limit from the console", () => {
  test("a key made with two scopes and its own limit is refused 403 forbidden everywhere else", async ({ page, request }) => {
    await signInAsUser(page, DEMO.admin, DEMO_PASSWORD, "/console/developers/api-keys");
    const form = page.getByTestId("create-key-form");
    const name = `Solo lectura ${Date.now().toString(36)}`;

    // A limit of 0 is refused at the field, and nothing is created.
    await form.getByLabel("Nombre").fill(name);
    await form.getByLabel("Solicitudes por minuto").fill("0");
    await form.getByRole("button", { name: "Crear llave" }).click();
    await expect(form.getByTestId("rateLimitPerMinute-error")).toHaveText("Escribe un número entero de 1 a 1,000,000, o déjalo vacío.");
    await expect(form.getByLabel("Solicitudes por minuto")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("api-key").filter({ hasText: name })).toHaveCount(0);

    const key = await createLimitedKey(page, name, ["members:read", "points:earn"], "25");
    const row = page.getByTestId("api-key").filter({ hasText: name });
    await expect(row.getByTestId("api-key-rate-limit")).toContainText("25 solicitudes por minuto");
    await expect(row).not.toContainText("members:write");
    // Keys without their own limit say they follow the server's.
    await expect(page.getByTestId("api-key-rate-limit").filter({ hasText: "límite del servidor" }).first()).toBeVisible();

    const full = api(request);
    const member = await (await full.post("/api/v1/members", { externalId: unique("scoped") })).json();
    const limited = api(request, key);
    const read = await limited.get(`/api/v1/members/${member.id}`);
    expect(read.status()).toBe(200);
    expect(read.headers()["ratelimit-limit"]).toBe("25");

    const refusals: [string, unknown, string][] = [
      ["/api/v1/members", { externalId: unique("nope") }, "members:write"],
      [`/api/v1/members/${member.id}/adjustments`, { points: 10, reason: "Regalo" }, "points:adjust"],
      ["/api/v1/redemptions", { memberId: member.id, points: 1 }, "points:redeem"],
      ["/api/v1/coupons/validate", { code: "ANY-CODE" }, "coupons:validate"],
      ["/api/v1/coupons/ANY-CODE/redeem", {}, "coupons:validate"],
    ];
    for (const [path, body, scope] of refusals) {
      const refused = await limited.post(path, body);
      expect(refused.status(), path).toBe(403);
      expect(refused.headers()["content-type"]).toContain("application/problem+json");
      expect(await refused.json()).toMatchObject({ code: "forbidden", status: 403, permission: scope });
    }
    // Nothing was written by the refusals.
    const after = await (await full.get(`/api/v1/members/${member.id}`)).json();
    expect(after.balance).toEqual({ available: 0, pending: 0 });
  });
});

test.describe("GET /api/v1/members?phone=", () => {
  test("finds a member by any formatting of the phone, and only that member", async ({ request }) => {
    const client = api(request);
    const digits = localNumber();
    const created = await client.post("/api/v1/members", { externalId: unique("phone"), phone: `+52 55 ${digits.slice(0, 4)} ${digits.slice(4)}` });
    expect(created.status()).toBe(201);
    const member = await created.json();
    expect(member.phone).toBe(`+5255${digits}`);

    for (const variant of [`+5255${digits}`, `+52 55 ${digits.slice(0, 4)} ${digits.slice(4)}`, `+52-55-${digits.slice(0, 4)}-${digits.slice(4)}`, `+52 (55) ${digits.slice(0, 4)}.${digits.slice(4)}`]) {
      const found = await client.get(`/api/v1/members?phone=${encodeURIComponent(variant)}`);
      expect(found.status(), variant).toBe(200);
      expect((await found.json()).data.map((m: { id: string }) => m.id), variant).toEqual([member.id]);
    }
    const other = await client.get(`/api/v1/members?phone=${encodeURIComponent(`+5255${localNumber()}`)}`);
    expect((await other.json()).data.filter((m: { id: string }) => m.id === member.id)).toEqual([]);

    const bad = await client.get("/api/v1/members?phone=12-ab");
    expect(bad.status()).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "validation_failed", errors: { phone: [expect.any(String)] } });
  });
});

test.describe("Idempotent-Replayed and reused order references", () => {
  test("a replay returns the first status and body with Idempotent-Replayed: true, refusals included", async ({ request }) => {
    const client = api(request);
    const externalId = unique("replay");
    const key = unique("idem");
    const first = await client.post("/api/v1/members", { externalId }, key);
    expect(first.status()).toBe(201);
    expect(first.headers()["idempotent-replayed"]).toBeUndefined();
    const replay = await client.post("/api/v1/members", { externalId }, key);
    expect(replay.status()).toBe(201);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.json()).toEqual(await first.json());

    const member = await first.json();
    const refusalKey = unique("idem");
    const refused = await client.post(`/api/v1/members/${member.id}/adjustments`, { points: -5, reason: "Corrección" }, refusalKey);
    expect(refused.status()).toBe(422);
    expect(refused.headers()["idempotent-replayed"]).toBeUndefined();
    const refusedAgain = await client.post(`/api/v1/members/${member.id}/adjustments`, { points: -5, reason: "Corrección" }, refusalKey);
    expect(refusedAgain.status()).toBe(422);
    expect(refusedAgain.headers()["idempotent-replayed"]).toBe("true");
    expect(await refusedAgain.json()).toEqual(await refused.json());
  });

  test("an orderId sent again with another body is 409 order_exists naming the purchase, and earns nothing", async ({ request }) => {
    const client = api(request);
    const member = await (await client.post("/api/v1/members", { externalId: unique("order") })).json();
    const orderId = unique("ORD");
    const first = await client.post("/api/v1/purchases", { memberId: member.id, orderId, amount: 40, currency: "USD", channel: "pos" });
    expect(first.status()).toBe(201);
    const purchase = await first.json();
    const again = await client.post("/api/v1/purchases", { memberId: member.id, orderId, amount: 90, currency: "USD", channel: "pos" });
    expect(again.status()).toBe(409);
    expect(again.headers()["content-type"]).toContain("application/problem+json");
    expect(await again.json()).toMatchObject({ code: "order_exists", orderId, purchaseId: purchase.purchaseId });
    const after = await (await client.get(`/api/v1/members/${member.id}`)).json();
    expect(after.balance.available + after.balance.pending).toBe(purchase.balance.available + purchase.balance.pending);
  });
});
