import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { E2E_PASSWORD, signInAsMember, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";
import { readLatestCode } from "../support/outbox";

// Members use their phones: the portal is tested at a phone's size.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

type Fixtures = { members: Record<"rewards", { id: string; email: string }>; api: { key: string } };
const fixtures = () => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;
const SHOTS = "test-results/screens/portal-rewards";
const run = Date.now().toString(36);
const staffPost = (request: APIRequestContext, path: string, data: unknown, key: string) =>
  request.post(path, { headers: { Authorization: `Bearer ${fixtures().api.key}`, "Idempotency-Key": `${key}-${run}` }, data });

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("a member redeems a reward from the portal, gets a coupon with a QR, and the counter uses it once", async ({ page, browser, context, baseURL, request }) => {
  await setLocaleCookie(context, baseURL, "es");
  await signInAsMember(page, browser, fixtures().members.rewards.email);
  await page.getByTestId("rewards-link").click();
  await expect(page).toHaveURL(/\/me\/rewards$/);
  await expect(page.getByRole("heading", { name: "Canjea tus puntos", level: 1 })).toBeVisible();
  await expect(page.getByTestId("rewards-balance")).toContainText("200");

  // The demo menu groups its rewards; what she cannot afford is shown, disabled, with what is missing.
  const menu = page.getByTestId("reward-menu").filter({ has: page.getByRole("heading", { name: "Elige tu beneficio" }) });
  const vinyl = menu.getByTestId("reward-offer").filter({ hasText: "20 % en vinilos" });
  await expect(vinyl).toHaveAttribute("data-affordable", "false");
  await expect(vinyl.getByTestId("reward-missing")).toHaveText("Te faltan 100 puntos");
  await expect(vinyl.getByTestId("redeem-disabled")).toBeDisabled();
  await expect(menu.getByTestId("reward-offer").filter({ hasText: "CD de regalo" })).toContainText("Quedan 500 unidades");
  await expect(page.getByTestId("reward-offer").filter({ hasText: "Uno por socio e2e" })).toContainText("Máximo 1 por socio");
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "rewards-es-phone");

  const dessert = page.getByTestId("reward-offer").filter({ hasText: "Postre de regalo e2e" });
  await expect(dessert.getByTestId("reward-price")).toHaveText("40 pts");
  await dessert.getByTestId("redeem-start").click();
  const confirm = dessert.getByTestId("redeem-confirm");
  await expect(confirm.getByTestId("confirm-cost")).toHaveText("40 pts");
  await expect(confirm.getByTestId("confirm-after")).toHaveText("160 pts");
  await confirm.getByRole("button", { name: "Confirmar canje" }).click();

  await expect(page).toHaveURL(/\/me\/rewards\?coupon=LZ-/);
  const success = page.getByTestId("redeemed-coupon");
  await expect(success.getByRole("heading", { name: "¡Listo! Ya tienes tu cupón" })).toBeVisible();
  const code = (await success.getByTestId("redeemed-code").textContent())!;
  expect(code).toMatch(/^LZ-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
  await expect(success.getByRole("img", { name: `Código QR del cupón ${code}` }).locator("svg")).toBeVisible();
  await expect(success.getByTestId("redeemed-expires")).toContainText("Vence el");
  await expect(page.getByTestId("rewards-balance")).toContainText("160");
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "redeemed-es-phone");

  await success.getByTestId("to-coupons").click();
  await expect(page).toHaveURL(/\/me\/coupons$/);
  await expect(page.getByTestId("my-coupon").filter({ hasText: code })).toHaveAttribute("data-status", "issued");

  // In English too (screens for review), before the counter uses it.
  await setLocaleCookie(context, baseURL, "en");
  await page.goto(`/me/rewards?coupon=${code}`);
  await expect(page.getByRole("heading", { name: "Redeem your points", level: 1 })).toBeVisible();
  await expect(page.getByTestId("reward-offer").filter({ hasText: "20% off vinyl" }).getByTestId("reward-missing")).toHaveText("140 more points");
  await shoot(page, "redeemed-en-phone");
  await expect(page.getByTestId("redeemed-code")).toHaveText(code);

  // The counter validates it through the API and uses it once.
  const valid = await staffPost(request, "/api/v1/coupons/validate", { code }, "portal-validate");
  expect(valid.status()).toBe(200);
  expect(await valid.json()).toMatchObject({ code, status: "issued" });
  expect((await staffPost(request, `/api/v1/coupons/${code}/redeem`, {}, "portal-redeem-1")).status()).toBe(201);
  const again = await staffPost(request, `/api/v1/coupons/${code}/redeem`, {}, "portal-redeem-2");
  expect(again.status()).toBe(422);
  expect(await again.json()).toMatchObject({ code: "coupon_already_redeemed" });
  // A used coupon is no longer shown as ready to use.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Redeem your points", level: 1 })).toBeVisible();
  await expect(page.getByTestId("redeemed-coupon")).toHaveCount(0);
});

test("a member sees what a reward is valid on: a category of the catalog, or one product", async ({ page, browser, context, baseURL }) => {
  // Tania belongs to the plans program, whose catalog and targeted rewards come from scripts/e2e-setup.ts.
  const { members } = JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { members: Record<"t", { email: string }> };
  await setLocaleCookie(context, baseURL, "es");
  await page.goto("/me/sign-in?program=plans");
  await page.getByLabel("Correo electrónico").fill(members.t.email);
  await page.getByRole("button", { name: "Enviarme un código" }).click();
  await page.waitForURL(/\/me\/verify/);
  const admin = await browser.newContext({ baseURL });
  try {
    await signInAsUser(await admin.newPage(), "admin-plans@e2e.example", E2E_PASSWORD);
    await page.getByLabel("Código de 6 dígitos").fill(await readLatestCode(admin, members.t.email));
  } finally {
    await admin.close();
  }
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.waitForURL((url) => url.pathname === "/me");

  await page.goto("/me/rewards");
  const footwear = page.getByTestId("reward-offer").filter({ hasText: "20% en calzado" });
  await expect(footwear.getByTestId("reward-target")).toHaveText("Válido en: Calzado");
  const coffee = page.getByTestId("reward-offer").filter({ hasText: "Café de regalo" });
  await expect(coffee.getByTestId("reward-target")).toHaveText("Válido en: Café de Chiapas 250 g (SKU TGT-CAFE-250)");
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "targets-es-phone");

  await setLocaleCookie(context, baseURL, "en");
  await page.reload();
  await expect(page.getByTestId("reward-offer").filter({ hasText: "20% off footwear" }).getByTestId("reward-target")).toHaveText("Valid on: Calzado");
  await shoot(page, "targets-en-phone");
});
