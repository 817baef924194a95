import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { api, unique } from "./api-client";

/**
 * Rewards aimed at the product catalog, through the API of the "plans"
 * program (scripts/e2e-setup.ts): "20% en calzado" targets the category
 * Moda › Calzado, "Café de regalo" the SKU TGT-CAFE-250.
 */
type Fixtures = { api: { plansKey: string }; rewards: { targets: { footwear: string; coffee: string } } };
const fixtures = () => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;
const client = (request: APIRequestContext) => api(request, fixtures().api.plansKey);

/** A fresh member of the plans program holding a coupon of `rewardId`. */
async function couponOf(request: APIRequestContext, rewardId: string): Promise<string> {
  const plans = client(request);
  const member = await (await plans.post("/api/v1/members", { externalId: unique("tgt") })).json();
  expect((await plans.post(`/api/v1/members/${member.id}/adjustments`, { points: 300, reason: "Saldo de prueba" })).status()).toBe(201);
  const redemption = await plans.post("/api/v1/redemptions", { memberId: member.id, rewardId });
  expect(redemption.status()).toBe(201);
  return ((await redemption.json()) as { coupon: { code: string } }).coupon.code;
}

test.describe("rewards aimed at the catalog", () => {
  test("the catalog says what each reward is valid on", async ({ request }) => {
    const { footwear, coffee } = fixtures().rewards.targets;
    const response = await client(request).get("/api/v1/rewards");
    expect(response.status()).toBe(200);
    const data = (await response.json()).data as { id: string; target: unknown }[];
    expect(data.find((r) => r.id === footwear)?.target).toEqual({ kind: "category", code: "moda/calzado", name: "Calzado", level: 2 });
    expect(data.find((r) => r.id === coffee)?.target).toEqual({ kind: "sku", sku: "TGT-CAFE-250", name: "Café de Chiapas 250 g" });
  });

  test("validating a coupon with the basket's lines tells the counter whether it applies, and which lines", async ({ request }) => {
    const code = await couponOf(request, fixtures().rewards.targets.footwear);
    const validate = (body: object) => client(request).post("/api/v1/coupons/validate", { code, ...body });

    // SKU-only lines are classified from the catalog: the running shoes are under Moda › Calzado › Running.
    const withShoes = await validate({ lines: [{ sku: "TGT-CAFE-250", quantity: 2, unitPrice: 89.5 }, { sku: "TGT-TENIS-42", quantity: 1, unitPrice: 1299 }] });
    expect(withShoes.status()).toBe(200);
    expect(await withShoes.json()).toMatchObject({ code, status: "issued", reward: { kind: "percent_discount", value: 2000 }, target: { kind: "category", code: "moda/calzado", name: "Calzado" }, applies: true, qualifyingLines: [1] });

    const coffeeOnly = await validate({ lines: [{ sku: "TGT-CAFE-250", quantity: 2 }] });
    expect(coffeeOnly.status()).toBe(200);
    expect(await coffeeOnly.json()).toMatchObject({ status: "issued", applies: false, qualifyingLines: [] });

    // Without lines the coupon still validates, and says what it is valid on.
    const alone = await validate({});
    expect(alone.status()).toBe(200);
    const body = await alone.json();
    expect(body).toMatchObject({ code, status: "issued", target: { kind: "category", name: "Calzado" } });
    expect(body).not.toHaveProperty("applies");

    // Bad lines are the caller's mistake: 422 with the field, never a 500; the coupon is untouched.
    for (const [lines, field] of [[[{ quantity: 1 }], "lines.0.sku"], [[], "lines"], [[{ sku: "TGT-CAFE-250", colour: "red" }], "lines.0"]] as const) {
      const refused = await validate({ lines });
      expect(refused.status(), JSON.stringify(lines)).toBe(422);
      expect(refused.headers()["content-type"]).toContain("application/problem+json");
      const problem = await refused.json();
      expect(problem).toMatchObject({ code: "validation_failed", status: 422 });
      expect(Object.keys(problem.errors), field).toContain(field);
    }
    expect((await client(request).post(`/api/v1/coupons/${code}/redeem`, {})).status()).toBe(201);
  });

  test("a SKU reward applies to that SKU only", async ({ request }) => {
    const code = await couponOf(request, fixtures().rewards.targets.coffee);
    const check = await client(request).post("/api/v1/coupons/validate", { code, lines: [{ sku: "TGT-TENIS-42" }, { sku: "TGT-CAFE-250" }] });
    expect(await check.json()).toMatchObject({ target: { kind: "sku", sku: "TGT-CAFE-250" }, applies: true, qualifyingLines: [1] });
  });
});
