import fs from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { E2E_PASSWORD, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";
import { readLatestCode } from "../support/outbox";

/*
 * Refer a friend, end to end, in the "referrals" program (scripts/e2e-setup.ts:
 * a 1-day return window; 100 points for the referrer and 50 for the new
 * member after a first purchase of at least MXN 200). Ana opens her page,
 * a friend joins through her link, the API records the friend's purchase
 * with a return window that closes seconds later, the admin runs the pending
 * release ("Procesar ahora", the points-release job on demand) twice, and
 * both see their referral points once.
 */
type Fixtures = { referrals: { programId: string; key: string; referrer: { id: string; email: string } } };
const fixtures = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures).referrals;
const ADMIN = "admin-referrals@e2e.example";
const SCREENS = "test-results/screens/referrals";
const run = Date.now().toString(36);
const DAY = 86_400_000;

async function signInMember(browser: Browser, baseURL: string, admin: Page, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "es-MX", viewport: { width: 420, height: 900 } });
  await setLocaleCookie(context, baseURL, "es");
  const page = await context.newPage();
  await page.goto("/me/sign-in?program=referrals");
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(email);
  await page.getByRole("button", { name: /^(Enviarme un código|Send me a code)$/ }).click();
  await page.waitForURL(/\/me\/verify/);
  await enterCode(page, admin, email);
  return page;
}

async function enterCode(page: Page, admin: Page, email: string) {
  await page.getByLabel(/^(Código de 6 dígitos|6-digit code)$/).fill(await readLatestCode(admin.context(), email));
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname === "/me");
}

async function memberIdOf(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.get(`/api/v1/members?email=${encodeURIComponent(email)}`, { headers: { Authorization: `Bearer ${fixtures().key}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { id: string }[] }).data[0]!.id;
}

async function balanceOf(request: APIRequestContext, memberId: string): Promise<{ available: number; pending: number }> {
  const response = await request.get(`/api/v1/members/${memberId}`, { headers: { Authorization: `Bearer ${fixtures().key}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { balance: { available: number; pending: number } }).balance;
}

async function processNow(admin: Page) {
  await admin.goto("/console/settings/program#referrals");
  const section = admin.getByTestId("referral-settings");
  await section.getByRole("button", { name: "Procesar ahora" }).click();
  await expect(section.getByText(/^Listo:/)).toBeVisible();
  await section.screenshot({ path: `${SCREENS}/console-settings-referrals-es.png` });
}

test("a member invites a friend through her link; after the friend's purchase is released both get their referral points once", async ({ browser, baseURL, request }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SCREENS, { recursive: true });
  const { referrer } = fixtures();
  const adminContext = await browser.newContext({ baseURL, locale: "es-MX" });
  await setLocaleCookie(adminContext, baseURL!, "es");
  const admin = await adminContext.newPage();
  await signInAsUser(admin, ADMIN, E2E_PASSWORD);

  // Ana's page: her code, the link (copy), its QR, and nobody invited yet.
  const ana = await signInMember(browser, baseURL!, admin, referrer.email);
  await ana.getByTestId("referrals-link").click();
  await ana.waitForURL(/\/me\/referrals$/);
  await expect(ana.getByRole("heading", { level: 1, name: "Invita y gana" })).toBeVisible();
  const code = (await ana.getByTestId("referral-code").innerText()).replace("-", "");
  const link = await ana.getByTestId("referral-link").inputValue();
  expect(link).toContain(`ref=${code}`);
  await expect(ana.getByRole("img", { name: "Código QR de tu enlace para invitar" })).toBeVisible();
  await expectNoSeriousA11yViolations(ana);

  // The friend follows the link: the code is on the form, visible and editable.
  const friendEmail = `amigo.${run}@example.com`;
  const friendContext = await browser.newContext({ baseURL, locale: "es-MX", viewport: { width: 420, height: 900 } });
  await setLocaleCookie(friendContext, baseURL!, "es");
  const friend = await friendContext.newPage();
  await friend.goto(new URL(link).pathname + new URL(link).search);
  const codeField = friend.getByLabel(/^Código de referido/);
  await expect(codeField).toHaveValue(code);
  await codeField.fill("ZZZZ-ZZZZ");
  await friend.getByLabel(/^Nombre/).fill("Beto Amigo");
  await friend.getByLabel(/^Correo electrónico/).fill(friendEmail);
  await friend.getByLabel(/Acepto/).check();
  await friend.getByRole("button", { name: /^Unirme/ }).click();
  await expect(friend.getByTestId("referralCode-error")).toContainText("No encontramos ese código de referido");
  await friend.getByLabel(/^Código de referido/).fill(code.toLowerCase());
  await friend.getByLabel(/Acepto/).check();
  await friend.getByRole("button", { name: /^Unirme/ }).click();
  await friend.waitForURL(/\/me\/verify/);
  await enterCode(friend, admin, friendEmail);

  // Ana sees her friend, waiting for a first purchase.
  await ana.reload();
  await expect(ana.getByTestId("referral-friend")).toHaveCount(1);
  await expect(ana.getByTestId("referral-friend")).toHaveAttribute("data-status", "awaiting_purchase");
  await ana.screenshot({ path: `${SCREENS}/referrals-es.png`, fullPage: true });

  // The friend's first purchase (MXN 300 → 300 points), bought so its 1-day return window closes a few seconds from now.
  const friendId = await memberIdOf(request, friendEmail);
  const occurredAt = new Date(Date.now() - DAY + 8_000).toISOString();
  const purchase = await request.post("/api/v1/purchases", {
    headers: { Authorization: `Bearer ${fixtures().key}`, "Idempotency-Key": `ref-buy-${run}` },
    data: { memberId: friendId, orderId: `REF-${run}`, amount: 300, currency: "MXN", channel: "pos", occurredAt },
  });
  expect(purchase.status()).toBe(201);
  expect(await balanceOf(request, friendId)).toMatchObject({ available: 0, pending: 300 });
  await ana.reload();
  await expect(ana.getByTestId("referral-friend")).toHaveAttribute("data-status", "awaiting_release");

  // Once the window has closed, the pending release runs (twice: the second finds nothing to do).
  await expect.poll(() => Date.now(), { timeout: 20_000, intervals: [1_000] }).toBeGreaterThan(Date.parse(occurredAt) + DAY + 1_000);
  await processNow(admin);
  await processNow(admin);

  expect(await balanceOf(request, referrer.id)).toMatchObject({ available: 100 });
  expect(await balanceOf(request, friendId)).toMatchObject({ available: 350, pending: 0 });
  await ana.reload();
  await expect(ana.getByTestId("referral-friend")).toHaveAttribute("data-status", "rewarded");
  await expect(ana.getByTestId("referral-friend")).toContainText("+100");
  await expect(ana.getByTestId("referral-counts")).toContainText("1 premiado");
  await ana.screenshot({ path: `${SCREENS}/referrals-rewarded-es.png`, fullPage: true });
  await ana.goto("/me");
  await expect(ana.getByTestId("points-available")).toHaveText("100");
  await friend.goto("/me");
  await expect(friend.getByTestId("points-available")).toHaveText("350");

  // The console's member page says who referred the friend.
  await admin.goto(`/console/members/${friendId}`);
  await expect(admin.getByTestId("member-referred-by")).toContainText("Ana Invita");
  await admin.getByTestId("member-referrals").screenshot({ path: `${SCREENS}/console-member-referrals-es.png` });
  await admin.goto(`/console/members/${referrer.id}`);
  await expect(admin.getByTestId("member-referred-count")).toContainText("1 amigo");

  await Promise.all([adminContext.close(), ana.context().close(), friendContext.close()]);
});
