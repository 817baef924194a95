import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { E2E_PASSWORD, signInAsUser, signInMemberOnPhone } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

/*
 * Business accounts, end to end, in the "b2b" program (scripts/e2e-setup-b2b.ts): Bea manages
 * "Constructora Andina". She invites two buyers from her phone; both buy (through the API, as the
 * store's POS would); their points pool in the company's balance; the buyer with a 300-point monthly
 * limit redeems 200 and is refused 150 more; Bea sees both buyers and their activity.
 */
type Fixture = { programId: string; key: string; admin: string; accountId: string; accountAdmin: { id: string; email: string } };
const fixture = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { b2b: Fixture }).b2b;
const SCREENS = "test-results/screens/business-account";
const run = Date.now().toString(36);

function api(request: APIRequestContext) {
  const headers = (idempotencyKey?: string) => ({ Authorization: `Bearer ${fixture().key}`, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) });
  return {
    get: (path: string) => request.get(path, { headers: headers() }),
    post: (path: string, data: unknown) => request.post(path, { headers: headers(`${run}-${Math.random().toString(36).slice(2)}`), data }),
  };
}

async function invite(page: Page, buyer: { email: string; name: string; role: "Acumula y canjea" | "Solo acumula"; limit?: string }) {
  const form = page.getByTestId("invite-form");
  await form.getByLabel(/^Correo electrónico/).fill(buyer.email);
  await form.getByLabel(/^Nombre/).fill(buyer.name);
  await form.getByRole("radio", { name: new RegExp(`^${buyer.role}`) }).check();
  await form.getByLabel(/^Límite de canje al mes/).fill(buyer.limit ?? "");
  await form.getByRole("button", { name: "Enviar invitación" }).click();
  await expect(form.getByTestId("form-message")).toHaveText(`Invitamos a ${buyer.email}.`);
}

test("an account admin invites two buyers; both buy; points pool; one buyer redeems within its limit and is refused above it; the admin sees both", async ({ browser, baseURL, request }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SCREENS, { recursive: true });
  const fx = fixture();
  const consoleContext = await browser.newContext({ baseURL, locale: "es-MX" });
  await setLocaleCookie(consoleContext, baseURL!, "es");
  const consolePage = await consoleContext.newPage();
  await signInAsUser(consolePage, fx.admin, E2E_PASSWORD);

  // Bea, on her phone: the home links to the company's account; the account shows an empty pool and only her.
  const bea = await signInMemberOnPhone(browser, baseURL!, consolePage, { email: fx.accountAdmin.email, program: "b2b" });
  await bea.getByTestId("account-link").click();
  await bea.waitForURL(/\/me\/account$/);
  await expect(bea.getByTestId("account-name")).toHaveText("Constructora Andina");
  await expect(bea.getByTestId("account-user")).toHaveCount(1);
  await bea.screenshot({ path: `${SCREENS}/admin-empty-es.png`, fullPage: true });

  // She invites two buyers: Diego may redeem up to 300 points a month, Elsa only earns.
  const diego = { email: `diego.${run}@example.com`, name: "Diego Obra", role: "Acumula y canjea" as const, limit: "300" };
  const elsa = { email: `elsa.${run}@example.com`, name: "Elsa Almacén", role: "Solo acumula" as const };
  await invite(bea, diego);
  await invite(bea, elsa);
  await expect(bea.getByTestId("account-user")).toHaveCount(3);
  await consolePage.goto("/console/settings/outbox");
  await expect(consolePage.getByText(`Te invitaron a comprar para Constructora Andina en Ferretería Mayoreo`).first()).toBeVisible();

  // Both buy at the counter: each purchase earns into the company's pool, and says so.
  const account = await (await api(request).get(`/api/v1/accounts/${fx.accountId}`)).json();
  const idOf = (email: string) => (account.users as { memberId: string; email: string }[]).find((u) => u.email === email)!.memberId;
  for (const [buyer, amount] of [[diego, 1500], [elsa, 2500]] as const) {
    const purchase = await api(request).post("/api/v1/purchases", { memberId: idOf(buyer.email), orderId: `B2B-${run}-${buyer.name}`, amount, currency: "MXN", channel: "pos" });
    expect(purchase.status()).toBe(201);
    expect((await purchase.json()).account).toEqual({ id: fx.accountId, name: "Constructora Andina" });
  }
  const pooled = await (await api(request).get(`/api/v1/accounts/${fx.accountId}`)).json();
  expect(pooled.balance.available).toBe(4000);

  // Diego redeems 200 (within his 300) and is refused 150 more; Elsa may not redeem at all.
  const within = await api(request).post("/api/v1/redemptions", { memberId: idOf(diego.email), points: 200 });
  expect(within.status()).toBe(201);
  expect((await within.json()).balance.available).toBe(3800);
  const above = await api(request).post("/api/v1/redemptions", { memberId: idOf(diego.email), points: 150 });
  expect(above.status()).toBe(422);
  expect(above.headers()["content-type"]).toContain("application/problem+json");
  expect(await above.json()).toMatchObject({ code: "redemption_limit_exceeded", status: 422 });
  const denied = await api(request).post("/api/v1/redemptions", { memberId: idOf(elsa.email), points: 10 });
  expect(await denied.json()).toMatchObject({ code: "permission_denied" });

  // Diego signs in (English) and sees the company's pool and what his limit still allows.
  const diegoPage = await signInMemberOnPhone(browser, baseURL!, consolePage, { email: diego.email, program: "b2b", locale: "en" });
  await diegoPage.goto("/me/account");
  await expect(diegoPage.getByTestId("account-pool")).toContainText("3,800");
  await expect(diegoPage.getByTestId("account-remaining")).toHaveText("You can still redeem 100 points this month");
  await expectNoSeriousA11yViolations(diegoPage);
  await diegoPage.screenshot({ path: `${SCREENS}/buyer-en.png`, fullPage: true });

  // Bea sees both buyers, what each bought and redeemed, and everyone's activity.
  await bea.reload();
  await expect(bea.getByTestId("account-pool")).toContainText("3,800");
  const diegoRow = bea.locator(`[data-testid="account-user"][data-email="${diego.email}"]`);
  const elsaRow = bea.locator(`[data-testid="account-user"][data-email="${elsa.email}"]`);
  await expect(diegoRow.getByTestId("account-user-earned")).toHaveText("1 compra · +1,500 puntos");
  await expect(diegoRow.getByTestId("account-user-limit")).toHaveText("Límite: 300 al mes · canjeó 200");
  await expect(elsaRow.getByTestId("account-user-earned")).toHaveText("1 compra · +2,500 puntos");
  await expect(bea.locator(`[data-testid="account-activity-entry"][data-member="${diego.email}"]`)).toHaveCount(2);
  await expect(bea.locator(`[data-testid="account-activity-entry"][data-member="${elsa.email}"]`)).toHaveCount(1);
  await expectNoSeriousA11yViolations(bea);
  await bea.screenshot({ path: `${SCREENS}/admin-es.png`, fullPage: true });

  // She raises Diego's limit to 400: now his 150 goes through.
  await diegoRow.getByText("Cambiar permiso o límite").click();
  await diegoRow.getByLabel(/^Límite de canje al mes/).fill("400");
  await diegoRow.getByRole("button", { name: "Guardar" }).click();
  await expect(diegoRow.getByTestId("form-message").first()).toHaveText("Cambios guardados.");
  expect((await api(request).post("/api/v1/redemptions", { memberId: idOf(diego.email), points: 150 })).status()).toBe(201);
});
