import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { E2E_PASSWORD, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";
import { readLatestCode } from "../support/outbox";

/*
 * Nora has 1,000 points at Café Norte and an account with the same (verified) email at Café Sur; the brands are linked at
 * 1 Norte point = 0.5 Sur points (scripts/e2e-setup.ts, coalitionFixtures). She moves points in the portal on a phone.
 */
type Fixtures = { coalition: { owner: string; member: { email: string } } };
const fixtures = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures).coalition;
const SHOTS = "test-results/screens/transfers";

test("a member moves points to the sister brand at the coalition's rate, and is refused beyond her balance", async ({ browser, baseURL }) => {
  test.slow(); // two sign-ins on a shared server
  const { owner, member } = fixtures();
  const admin = await browser.newContext({ baseURL });
  const adminPage = await admin.newPage();
  await signInAsUser(adminPage, owner, E2E_PASSWORD, "/console");
  const context = await browser.newContext({ baseURL, locale: "es-MX", viewport: { width: 390, height: 844 } });
  await setLocaleCookie(context, baseURL, "es");
  const page = await context.newPage();
  await page.goto("/me/sign-in?program=marca-norte");
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(member.email);
  await page.getByRole("button", { name: /^(Enviarme un código|Send me a code)$/ }).click();
  await page.waitForURL(/\/me\/verify/);
  await page.getByLabel(/^(Código de 6 dígitos|6-digit code)$/).fill(await readLatestCode(admin, member.email));
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname === "/me");

  await page.getByTestId("transfers-link").click();
  await expect(page).toHaveURL(/\/me\/transfers$/);
  await expect(page.getByTestId("transfer-available")).toContainText("1,000");
  await expect(page.getByLabel(/Café Sur/)).toBeChecked();
  await page.getByLabel("Puntos a pasar").fill("101");
  await expect(page.getByTestId("transfer-preview")).toHaveText("Recibirás 50 puntos en Café Sur.");
  await page.screenshot({ path: `${SHOTS}/transfer-es.png`, fullPage: true });
  await page.getByRole("button", { name: "Pasar puntos" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Listo: pasaste 101 y recibiste 50 en Café Sur.");
  await expect(page.getByTestId("transfer-available")).toContainText("899");
  await expect(page.getByTestId("recent-transfers")).toContainText("101 → 50 en Café Sur");
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Puntos a pasar").fill("5000");
  await page.getByRole("button", { name: "Pasar puntos" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("No tienes tantos puntos disponibles.");
  await expect(page.getByTestId("transfer-available")).toContainText("899");
  await page.getByLabel("Puntos a pasar").fill("1");
  await expect(page.getByTestId("transfer-preview")).toHaveText("Con esta cantidad no alcanzas ni un punto de Café Sur.");
  await page.screenshot({ path: `${SHOTS}/transfer-refused-es.png`, fullPage: true });

  await setLocaleCookie(context, baseURL, "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Move points to another brand");
  await page.screenshot({ path: `${SHOTS}/transfer-en.png`, fullPage: true });
  await context.close();
  await admin.close();
});
