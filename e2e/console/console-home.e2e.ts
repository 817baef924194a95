import { expect, test } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { expectHtmlLang, setLocaleCookie, switchLanguage } from "../support/locale";

test.describe("console home", () => {
  // The console needs a signed-in user: the demo owner sees every section.
  test.beforeEach(async ({ page }) => {
    await signInAsUser(page, DEMO.admin);
  });

  test("shows the sidebar shell and the program's KPIs in Spanish", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/console");
    await expectHtmlLang(page, "es");

    const sidebar = page.getByRole("complementary");
    await expect(sidebar.getByText("Consola", { exact: true })).toBeVisible();
    await expect(sidebar.getByRole("link", { name: "Inicio" })).toHaveAttribute("aria-current", "page");

    // The sample seed creates a program: the page shows it, not the empty state.
    await expect(page.getByTestId("no-program")).toHaveCount(0);
    const programName = await page.getByTestId("sidebar-program").innerText();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(programName);
    await expect(page.getByText("Programa de lealtad", { exact: true }).first()).toBeVisible();

    await expect(page.getByTestId("stat-members")).toContainText("Socios");
    await expect(page.getByTestId("stat-active-members")).toContainText("Socios activos");
    await expect(page.getByTestId("stat-points-outstanding")).toContainText("Puntos en circulación");
    await expect(page.getByTestId("stat-points-issued")).toContainText("Puntos emitidos");
    await expect(page.getByTestId("stat-points-redeemed")).toContainText("Puntos canjeados");
    await expect(page.getByTestId("stat-purchases")).toContainText("Compras");
    await expect(page.getByTestId("stat-revenue")).toContainText("Ventas");
    await expect(page.getByTestId("stat-new-members")).toContainText("Socios nuevos");
    // The margin card shows a rate where the 30 days had unit costs, and says so where they had none (never 0 %).
    await expect(page.getByTestId("stat-margin")).toContainText("Margen bruto");
    await expect(page.getByTestId("stat-margin")).toContainText(/\d[\s\u00a0\u202f]?%|Sin costos unitarios en 30 días/);
    // The seeded sample has members, so the count is a positive number.
    await expect(page.getByTestId("stat-members")).toContainText(/[1-9]/);
    await expect(page.getByTestId("tier-distribution")).toContainText("Socios por nivel");
  });

  test("is translated to English", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await page.goto("/console");
    await expectHtmlLang(page, "en");
    await expect(page.getByRole("complementary").getByRole("link", { name: "Home" })).toBeVisible();
    await expect(page.getByTestId("stat-members")).toContainText("Members");
    await expect(page.getByTestId("stat-points-outstanding")).toContainText("Points outstanding");
    await expect(page.getByTestId("tier-distribution")).toContainText("Members by tier");
  });

  test("the sidebar switcher changes the language", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/console");
    await expect(page.getByTestId("stat-revenue")).toContainText("Ventas");
    await switchLanguage(page, "en");
    await expect(page.getByTestId("stat-revenue")).toContainText("Revenue");
  });
});
