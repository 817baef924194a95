import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, enterMailedCode, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

// The member's whole visit, on a phone: the acceptance journey in one test.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

type Fixtures = { api: { key: string } };
const fixtures = () => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;
const SHOTS = "test-results/screens/portal-journey";

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("join → code → home → a counter purchase shows live → redeem → coupon QR → the counter validates it once", async ({ page, browser, context, baseURL, request }) => {
  test.slow(); // a whole member journey plus a cashier's, in two browsers
  const run = Date.now().toString(36);
  const email = `viaje.${run}@example.com`;
  const api = { Authorization: `Bearer ${fixtures().api.key}` };
  await setLocaleCookie(context, baseURL, "es");

  // Join, with the consent choices: terms required, marketing and personalisation refused (costs nothing).
  await page.goto("/me/join");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Nombre", { exact: true }).fill("Vera Viaje");
  await page.getByLabel("Correo electrónico", { exact: true }).fill(email);
  await page.getByLabel(/Acepto los términos/).check();
  await page.getByRole("button", { name: "Unirme", exact: true }).click();
  await page.waitForURL(/\/me\/verify\?email=/);
  await expectNoSeriousA11yViolations(page);
  await enterMailedCode(page, browser, email);

  // Home: a new member has nothing yet.
  await expect(page.getByTestId("member-greeting")).toHaveText("Hola, Vera");
  await expect(page.getByTestId("points-available")).toHaveText("0");
  await expectNoSeriousA11yViolations(page);

  // A purchase at the counter through the API: the open page updates by itself.
  const [member] = (await (await request.get(`/api/v1/members?email=${encodeURIComponent(email)}`, { headers: api })).json()).data as { id: string }[];
  expect(member).toBeTruthy();
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const purchase = await request.post("/api/v1/purchases", {
    headers: { ...api, "Idempotency-Key": `journey-${run}` },
    data: { memberId: member!.id, orderId: `JOURNEY-${run}`, amount: 120, currency: "USD", channel: "pos" },
  });
  expect(purchase.status()).toBe(201);
  const { balance } = (await purchase.json()) as { balance: { available: number; pending: number } };
  expect(balance.available).toBeGreaterThanOrEqual(40);
  await expect(page.getByTestId("points-available")).toHaveText(balance.available.toLocaleString("es-MX"), { timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await shoot(page, "home-after-purchase");

  // Redeem a reward online, with a confirmation: a coupon with its QR.
  await page.getByTestId("rewards-link").click();
  await expect(page).toHaveURL(/\/me\/rewards$/);
  const dessert = page.getByTestId("reward-offer").filter({ hasText: "Postre de regalo e2e" });
  await dessert.getByTestId("redeem-start").click();
  await dessert.getByTestId("redeem-confirm").getByRole("button", { name: "Confirmar canje" }).click();
  const success = page.getByTestId("redeemed-coupon");
  const code = (await success.getByTestId("redeemed-code").textContent())!.trim();
  await expect(success.getByRole("img", { name: `Código QR del cupón ${code}` }).locator("svg")).toBeVisible();
  await expect(page.getByTestId("rewards-balance")).toContainText((balance.available - 40).toLocaleString("es-MX"));
  await shoot(page, "coupon");

  // My coupons lists it, ready to use.
  await success.getByTestId("to-coupons").click();
  await expect(page.getByTestId("my-coupon").filter({ hasText: code })).toHaveAttribute("data-status", "issued");
  await expectNoSeriousA11yViolations(page);

  // At the counter: the cashier validates the code once; a second time it is refused.
  const counter = await browser.newContext({ baseURL, viewport: { width: 1024, height: 768 } });
  const desk = await counter.newPage();
  await setLocaleCookie(counter, baseURL, "es");
  await signInAsUser(desk, DEMO.staff, undefined, "/staff");
  await desk.getByTestId("store-picker").getByRole("link").first().click();
  await desk.getByRole("link", { name: "Cupones" }).click();
  await redeemAtCounter(desk, code);
  await expect(desk.getByTestId("coupon-redeemed")).toBeVisible();
  await redeemAtCounter(desk, code);
  await expect(desk.getByTestId("coupon-refused")).toHaveText("Este cupón ya fue canjeado.");
  await counter.close();

  // The member's phone shows the coupon as used.
  await page.reload();
  await expect(page.getByTestId("my-coupon").filter({ hasText: code })).toHaveAttribute("data-status", "redeemed");
});

async function redeemAtCounter(desk: Page, code: string) {
  const box = desk.getByTestId("coupon-form").getByRole("textbox");
  await box.fill(code);
  await box.press("Enter");
  const redeem = desk.getByTestId("coupon-redeem");
  // A valid coupon shows what it is first, then the cashier confirms; a used one is refused at validation.
  await expect(redeem.or(desk.getByTestId("coupon-refused"))).toBeVisible();
  if (await redeem.isVisible()) await redeem.click();
}
