import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PASSWORD, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

/*
 * Several brands in one organization (scripts/e2e-setup.ts, coalitionFixtures): Café Norte and Café Sur of "grupo-e2e",
 * linked at 1 Norte point = 0.5 Sur points. Olga owns the organization (both brands); Mario markets Café Sur only.
 * Nothing here touches another suite's programs.
 */
type Fixtures = { coalition: { norte: string; sur: string; owner: string; singleProgram: string } };
const fixtures = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures).coalition;
const SHOTS = "test-results/screens/organization";

async function switchTo(page: Page, brand: string) {
  await page.locator("aside").getByTestId("program-switcher").locator("summary").click();
  await page.locator("aside").getByTestId("switch-program").filter({ hasText: brand }).click();
  await expect(page.getByTestId("sidebar-program")).toHaveText(brand);
}

test("a user with two programs switches and sees the other program's data", async ({ page, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
  await signInAsUser(page, fixtures().owner, E2E_PASSWORD, "/console/members");
  await expect(page.getByTestId("sidebar-program")).toHaveText("Café Norte");
  await expect(page.getByText("Nora Norte").first()).toBeVisible();
  await expect(page.getByText("Sergio Sur")).toHaveCount(0);
  // The sidebar's switcher (the phone header has its own, hidden on a desktop).
  const sidebar = page.locator("aside");
  await sidebar.getByTestId("program-switcher").locator("summary").click();
  await expect(sidebar.getByTestId("switch-program")).toHaveText([/Café Sur/]);
  await page.screenshot({ path: `${SHOTS}/switcher-open-es.png` });
  await sidebar.getByTestId("switch-program").filter({ hasText: "Café Sur" }).click();
  // Same section, the other program: its members, not Norte's.
  await expect(page).toHaveURL(/\/console\/members$/);
  await expect(page.getByTestId("sidebar-program")).toHaveText("Café Sur");
  await expect(page.getByText("Sergio Sur").first()).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("sidebar-program")).toHaveText("Café Sur");
  await switchTo(page, "Café Norte");
  await expect(page.getByText("Sergio Sur")).toHaveCount(0);
});

test("a user with one program sees no switcher", async ({ page, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
  await signInAsUser(page, fixtures().singleProgram, E2E_PASSWORD, "/console");
  await expect(page.getByTestId("sidebar-program")).toHaveText("Café Sur");
  await expect(page.getByTestId("program-switcher")).toHaveCount(0);
  // A forged cookie naming a program without a role there changes nothing.
  await context.addCookies([{ name: "lazo_console_program", value: fixtures().norte, url: baseURL! }]);
  await page.goto("/console/members");
  await expect(page.getByTestId("sidebar-program")).toHaveText("Café Sur");
  await expect(page.getByText("Nora Norte").first()).toBeVisible();
  await expect(page.getByText("Sergio Sur").first()).toBeVisible();
});

test("the organization dashboard compares the brands and shows the coalition, in Spanish and English", async ({ page, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
  await signInAsUser(page, fixtures().owner, E2E_PASSWORD, "/console/organization");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("brand-row")).toHaveCount(2);
  await expect(page.getByTestId("brands-table")).toContainText("Café Norte");
  await expect(page.getByTestId("brands-table")).toContainText("Café Sur");
  await expect(page.getByTestId("org-members-chart").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("coalition-links")).toContainText("1 punto de Café Norte = 0.5 puntos de Café Sur");
  await expect(page.getByTestId("coalition-links")).toContainText("1 punto de Café Sur = 2 puntos de Café Norte");
  await expect(page.getByTestId("new-brand-card")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/organization-es.png`, fullPage: true });
  await setLocaleCookie(context, baseURL, "en");
  await page.reload();
  await expect(page.getByTestId("org-brands-card")).toContainText("Brands compared");
  await expect(page.getByTestId("coalition-links")).toContainText("1 point of Café Norte = 0.5 points of Café Sur");
  await page.screenshot({ path: `${SHOTS}/organization-en.png`, fullPage: true });
});

test("an owner copies the plan to the sister brand, where it waits as a draft", async ({ page, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
  await signInAsUser(page, fixtures().owner, E2E_PASSWORD, "/console/organization");
  await page.getByTestId("open-copy-dialog").click();
  const dialog = page.getByTestId("copy-dialog");
  await expect(dialog).toBeVisible();
  // Without a target the dialog says what is missing and copies nothing.
  await dialog.getByRole("button", { name: "Copiar", exact: true }).click();
  await expect(dialog.getByTestId("form-message")).toHaveText("Revisa los campos marcados.");
  await dialog.getByLabel("Plan de lealtad vigente").check();
  await dialog.getByLabel("Marca de destino").selectOption({ label: "Café Sur" });
  await dialog.screenshot({ path: `${SHOTS}/copy-dialog-es.png` });
  await dialog.getByRole("button", { name: "Copiar", exact: true }).click();
  await expect(dialog.getByTestId("form-message")).toHaveText("Plan copiado como borrador en la otra marca.");
  await dialog.getByRole("button", { name: "Cerrar" }).click();
  await switchTo(page, "Café Sur");
  await page.goto("/console/plans");
  await expect(page.getByText("(Café Norte)").first()).toBeVisible();
});
