import fs from "node:fs";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { readCodeAsAdmin, signInAsMember } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

// Members use their phones: the portal is tested at a phone's size.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

type Member = { id: string; email: string; programId: string };
type Fixtures = { members: Record<"a" | "c" | "portal" | "card" | "privacy" | "delete", Member>; api: { key: string } };
const fixtures = () => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;
const SHOTS = "test-results/screens/portal";

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("the home shows live points, tier progress, exact expiring points and latest activity; a purchase shows without reload", async ({ page, browser, context, baseURL, request }) => {
  test.slow(); // two sign-ins' worth of steps and two axe passes
  const pia = fixtures().members.portal;
  await setLocaleCookie(context, baseURL, "es");
  await signInAsMember(page, browser, pia.email);

  await expect(page.getByTestId("points-available")).toHaveText("200");
  await expect(page.getByTestId("points-pending")).toHaveText("35");
  await expect(page.getByTestId("tier-card")).toBeVisible();
  await expect(page.getByTestId("tier-progress")).toHaveAttribute("aria-valuenow", /\d+/);
  await expect(page.getByTestId("tier-to-next")).toContainText(/Te faltan|nivel más alto|Ya tienes/);
  const lots = page.getByTestId("expiring-lot");
  await expect(lots).toHaveCount(2);
  await expect(lots.nth(0)).toContainText("120");
  await expect(lots.nth(0)).toContainText("Vencen el");
  await expect(lots.nth(1)).toContainText("80");
  await expect(page.getByTestId("expiring-total")).toContainText("200 puntos vencen pronto");
  await expect(page.getByTestId("latest-activity").getByTestId("history-entry")).toHaveCount(3);
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "portal-home-es");

  // A purchase at the counter (through the API): the open page updates by itself.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const orderId = `PORTAL-${Date.now().toString(36)}`;
  const response = await request.post("/api/v1/purchases", {
    data: { memberId: pia.id, orderId, amount: 60, currency: "USD", channel: "pos" },
    headers: { Authorization: `Bearer ${fixtures().api.key}`, "Idempotency-Key": orderId },
  });
  expect(response.status()).toBe(201);
  const purchase = (await response.json()) as { balance: { available: number; pending: number } };
  expect(purchase.balance.available + purchase.balance.pending).toBeGreaterThan(235);
  await expect(page.getByTestId("points-available")).toHaveText(purchase.balance.available.toLocaleString("es-MX"), { timeout: 10_000 });
  await expect(page.getByTestId("points-pending")).toHaveText(purchase.balance.pending.toLocaleString("es-MX"));
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  await setLocaleCookie(context, baseURL, "en");
  await page.reload();
  await expect(page.getByTestId("expiring-total")).toContainText("200 points expire soon");
  await expect(page.getByTestId("latest-activity")).toContainText("Latest activity");
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "portal-home-en");
});

test("the card shows a rotating signed QR, the barcode and the number, and is kept for offline use", async ({ page, browser, context, baseURL }) => {
  const ciro = fixtures().members.card;
  await setLocaleCookie(context, baseURL, "es");
  await signInAsMember(page, browser, ciro.email);
  await page.getByTestId("card-link").click();
  await page.waitForURL(/\/me\/card$/);

  const qr = page.getByTestId("card-qr");
  await expect(qr.locator("svg")).toBeVisible();
  await expect(page.getByTestId("card-barcode").locator("svg")).toBeVisible();
  await expect(page.getByTestId("card-number")).toHaveText(/^\w+$/);
  const first = await qr.getAttribute("data-token");
  expect(first).toMatch(/^LZ1\./);
  expect(first).not.toContain(ciro.id);
  await expect(page.getByTestId("card-qr-expiry")).toContainText("Código válido hasta las");
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "portal-card-es");

  // Rotation: a new token (tokens carry their expiry in seconds).
  await page.waitForTimeout(1_100);
  await page.getByTestId("card-refresh").click();
  await expect(qr).not.toHaveAttribute("data-token", first!);

  // Offline once loaded: the service worker answers with the last card it saw.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(qr.locator("svg")).toBeVisible();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.reload();
  await expect(qr.locator("svg")).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("card-number")).toBeVisible();
  await expect(qr.locator("svg")).toBeVisible();
  await context.setOffline(false);

  await setLocaleCookie(context, baseURL, "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My card" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "portal-card-en");
});

test("privacy: consents change, and the data download holds the member's own data only", async ({ page, browser, context, baseURL }) => {
  const { privacy: priscila, a: other } = fixtures().members;
  await setLocaleCookie(context, baseURL, "es");
  await signInAsMember(page, browser, priscila.email);
  await page.getByTestId("privacy-link").click();
  await page.waitForURL(/\/me\/privacy$/);
  await expect(page.getByTestId("terms-accepted")).toContainText("Aceptaste los términos del programa el");
  await expect(page.getByTestId("consent-marketing-yes")).toBeChecked();
  await expect(page.getByTestId("consent-personalization-no")).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "portal-privacy-es");

  await page.getByTestId("consent-marketing-no").check();
  await page.getByTestId("consent-personalization-yes").check();
  await page.getByRole("button", { name: "Guardar consentimientos" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Listo: guardamos tus consentimientos.");
  await page.reload();
  await expect(page.getByTestId("consent-marketing-no")).toBeChecked();
  await expect(page.getByTestId("consent-personalization-yes")).toBeChecked();

  const download = page.waitForEvent("download");
  await page.getByTestId("privacy-export").click();
  const text = await readFile((await (await download).path())!, "utf8");
  const data = JSON.parse(text) as { profile: { email: string; id: string }; consents: { marketing: boolean; personalization: boolean }; balance: { available: number }; ledgerEntries: unknown[] };
  expect(data.profile).toMatchObject({ email: priscila.email, id: priscila.id });
  expect(data.consents).toMatchObject({ marketing: false, personalization: true });
  expect(data.balance.available).toBe(200);
  expect(data.ledgerEntries).toHaveLength(3);
  expect(text).not.toContain(other.email);
  expect(text).not.toContain(other.id);

  await setLocaleCookie(context, baseURL, "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "portal-privacy-en");
});

test("deleting the account needs a confirmation, signs the member out everywhere, and the address cannot sign in again", async ({ page, browser, context, baseURL }) => {
  test.slow(); // two sign-ins, each reading a code from the outbox as the admin, and the deletion between
  const dalia = fixtures().members.delete;
  await setLocaleCookie(context, baseURL, "es");
  await signInAsMember(page, browser, dalia.email);
  const otherDevice = await browser.newContext({ baseURL, storageState: await context.storageState() });
  await page.goto("/me/privacy");

  await page.getByTestId("delete-start").click();
  await expect(page.getByTestId("delete-form")).toContainText("¿Seguro que quieres eliminar tu cuenta?");
  await expectNoSeriousA11yViolations(page);
  await shoot(page, "portal-privacy-delete-es");
  await page.getByRole("button", { name: "Eliminar mi cuenta definitivamente" }).click();
  await expect(page.getByText("Marca la casilla para confirmar que quieres eliminar tu cuenta.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/me\/privacy$/);

  await page.getByTestId("delete-confirm").check();
  await page.getByRole("button", { name: "Eliminar mi cuenta definitivamente" }).click();
  await page.waitForURL(/\/me\/sign-in\?notice=account-deleted/);
  await expect(page.getByTestId("form-message")).toContainText("Tu cuenta fue eliminada");

  // The session on the other device is over too.
  const other = await otherDevice.newPage();
  await other.goto("/me");
  await expect(other).toHaveURL(/\/me\/sign-in/);
  await otherDevice.close();

  // Signing in again: the address no longer belongs to anyone, so no code arrives and the old one is dead.
  await page.goto("/me/sign-in");
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(dalia.email);
  await page.getByRole("button", { name: /^(Enviarme un código|Send me a code)$/ }).click();
  await page.waitForURL(/\/me\/verify/);
  const oldCode = await readCodeAsAdmin(browser, page, dalia.email);
  await page.getByLabel(/^(Código de 6 dígitos|6-digit code)$/).fill(oldCode);
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/me\/verify/);
  await page.goto("/me");
  await expect(page).toHaveURL(/\/me\/sign-in/);
});

test("the portal's data routes answer with the signed-in member's own data only", async ({ page, browser }) => {
  // Carla: no other test moves her points, so her balance is a stable fingerprint of "her data".
  const a = fixtures().members.c;
  await signInAsMember(page, browser, a.email);
  const balance = await page.request.get("/me/balance");
  expect(balance.status()).toBe(200);
  const own = (await balance.json()) as { available: number };
  const exported = await (await page.request.get("/me/privacy/export")).text();
  expect(JSON.parse(exported).profile).toMatchObject({ id: a.id, email: a.email });
  expect(exported).not.toContain("member-b@e2e.example");
  const card = (await (await page.request.get("/me/card/token")).json()) as { token: string; qrSvg: string };
  expect(card.token).toMatch(/^LZ1\./);
  expect(card.qrSvg).toContain("<svg");
  // Query strings cannot pick someone else: whose comes from the session.
  const other = fixtures().members.portal;
  expect(await (await page.request.get(`/me/balance?memberId=${other.id}`)).json()).toMatchObject({ available: own.available });
  expect(await (await page.request.get(`/me/privacy/export?memberId=${other.id}`)).text()).not.toContain(other.email);
});
