import { expect, test, type Page } from "@playwright/test";
import { DEMO, E2E_PASSWORD, signInAsUser } from "../support/auth";
import { expectHtmlLang, setLocaleCookie } from "../support/locale";

// scripts/e2e-setup.ts gives this suite a program of its own ("ajustes": PEN, es-PE, Lima) with its own admin and
// one member holding 1,000 points: changing its point value and point name changes nothing another suite reads.
const ADMIN = "admin-settings@e2e.example";
const SHOTS = "test-results/screens/program-settings";
const OUTSTANDING = 1_000;
const soles = (amount: number, locale: string) => new Intl.NumberFormat(locale, { style: "currency", currency: "PEN" }).format(amount);

// Every test edits the one program's settings: one after the other.
test.describe.configure({ mode: "serial" });

async function save(page: Page) {
  await page.getByTestId("program-settings-form").getByRole("button", { name: /^(Guardar cambios|Save changes)$/ }).click();
}

/** Brings the program back to its setup state (no point value, default names), whatever an earlier run left. */
async function resetSettings(page: Page) {
  await page.goto("/console/settings/program");
  await page.getByLabel("Costo por punto (PEN)").fill("");
  await page.getByLabel("Nombre de los puntos en español").fill("puntos");
  await page.getByLabel("Nombre de los puntos en inglés").fill("points");
  await save(page);
  await expect(page.getByTestId("form-message")).toHaveText(/Cambios guardados\.|No había cambios que guardar\./);
}

test("an admin sets the point value and the point name, sees them saved and the liability priced", async ({ page, context, baseURL }) => {
  test.slow(); // several saves and two dashboard loads on a shared server
  await setLocaleCookie(context, baseURL, "es");
  await signInAsUser(page, ADMIN, E2E_PASSWORD, "/console");
  await resetSettings(page);

  // Without a point value the liability is unknown, and the card links to where it is set.
  await page.goto("/console/analytics");
  const liability = page.getByTestId("kpi-liability");
  await expect(liability).toContainText("Pasivo de puntos");
  await expect(liability).toContainText("—");
  await page.locator(`section[aria-labelledby="kpi-points"]`).screenshot({ path: `${SHOTS}/liability-unset-es.png` });
  await liability.getByRole("link", { name: /Define el costo por punto/ }).click();
  await expect(page).toHaveURL(/\/console\/settings\/program#point-value$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajustes del programa");
  await expect(page.getByRole("complementary").getByRole("link", { name: "Ajustes del programa" })).toBeVisible();
  await expect(page.getByTestId("currency-readonly")).toContainText("PEN");
  await expect(page.getByTestId("point-value-example")).toContainText("Sin costo por punto");

  // A bad value together with a good change: the field says why, and nothing is saved (the name neither).
  const value = page.getByLabel("Costo por punto (PEN)");
  await value.fill("0,0000001");
  await page.getByLabel("Nombre de los puntos en español").fill("estrellas");
  await save(page);
  await expect(page.getByTestId("pointValue-error")).toHaveText("Demasiados decimales: esta moneda admite como máximo 5.");
  await expect(page.getByTestId("form-message")).toHaveText("Revisa los campos marcados; no se guardó nada.");
  await expect(value).toHaveAttribute("aria-invalid", "true");
  await expect(value).toHaveValue("0,0000001");
  await page.screenshot({ path: `${SHOTS}/settings-error-es.png`, fullPage: true });
  await page.reload();
  await expect(page.getByLabel("Nombre de los puntos en español")).toHaveValue("puntos");
  await expect(page.getByLabel("Costo por punto (PEN)")).toHaveValue("");

  // Two soles cents a point: the example prices 1,000 of the new-named points as it is typed.
  await page.getByLabel("Nombre de los puntos en español").fill("estrellas");
  await page.getByLabel("Nombre de los puntos en inglés").fill("stars");
  await page.getByLabel("Costo por punto (PEN)").fill("0.02");
  await expect(page.getByTestId("point-value-example")).toHaveText(`1,000 estrellas = ${soles(20, "es-PE")}`);
  await save(page);
  await expect(page.getByTestId("form-message")).toHaveText("Cambios guardados.");
  await page.reload();
  await expect(page.getByLabel("Costo por punto (PEN)")).toHaveValue("0.02");
  await expect(page.getByLabel("Nombre de los puntos en español")).toHaveValue("estrellas");
  await expect(page.getByLabel("Nombre de los puntos en inglés")).toHaveValue("stars");
  await page.screenshot({ path: `${SHOTS}/settings-es.png`, fullPage: true });

  // The dashboard now values the outstanding points: 1,000 × S/ 0.02.
  await page.goto("/console/analytics");
  await expect(page.getByTestId("kpi-liability")).toContainText(soles((OUTSTANDING * 2) / 100, "es-PE"));
  await expect(page.getByTestId("kpi-liability")).toContainText(`${OUTSTANDING.toLocaleString("es-PE")} puntos pendientes`);

  // The audit log holds the change with its before and after.
  await page.goto("/console/settings/audit?action=program.settings_update");
  const entry = page.getByTestId("audit-entry").filter({ hasText: "estrellas" }).first();
  await expect(entry).toContainText("program.settings_update");
  await expect(entry).toContainText(/pointValueMilli:\s*∅\s*→\s*2000/);

  await resetSettings(page);
});

test("a bad value shows the field message in English, and nothing is saved", async ({ page, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "en");
  await signInAsUser(page, ADMIN, E2E_PASSWORD, "/console/settings/program");
  await expectHtmlLang(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Program settings");
  const value = page.getByLabel("Cost per point (PEN)");
  const before = await value.inputValue();

  await value.fill("-0.01");
  await save(page);
  await expect(page.getByTestId("pointValue-error")).toHaveText("The cost per point cannot be negative.");
  await expect(page.getByTestId("form-message")).toHaveText("Check the highlighted fields; nothing was saved.");
  await value.fill("ten cents");
  await page.getByLabel("Program name").fill("X");
  await save(page);
  await expect(page.getByTestId("pointValue-error")).toHaveText("Enter the cost of one point as a decimal number, e.g. 0.01.");
  await expect(page.getByTestId("name-error")).toHaveText("Enter a name of at least 2 characters.");
  await page.screenshot({ path: `${SHOTS}/settings-error-en.png`, fullPage: true });

  await page.reload();
  await expect(page.getByLabel("Cost per point (PEN)")).toHaveValue(before);
  await expect(page.getByLabel("Program name")).toHaveValue("Librería Ajustes");
  await value.fill("0.015");
  await expect(page.getByTestId("point-value-example")).toHaveText(`1,000 points = ${soles(15, "en")}`);
  await page.screenshot({ path: `${SHOTS}/settings-en.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/settings-en-phone.png`, fullPage: true });
});

test("the demo program's liability shows money, and a marketer cannot open the settings", async ({ page, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
  await signInAsUser(page, DEMO.marketer, undefined, "/console/analytics");
  // The demo seed values a point at USD 0.05, so the liability is a number, not "—".
  await expect(page.getByTestId("kpi-liability")).toContainText(/USD\s?[\d,]+\.\d{2}/);
  await expect(page.getByTestId("kpi-liability")).toContainText("puntos pendientes");
  await expect(page.getByRole("complementary").getByRole("link", { name: "Ajustes del programa" })).toHaveCount(0);
  await page.goto("/console/settings/program");
  await expect(page.getByTestId("access-denied")).toBeVisible();
});
