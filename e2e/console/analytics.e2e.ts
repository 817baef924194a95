import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { expectHtmlLang, setLocaleCookie } from "../support/locale";

const SCREENS = "test-results/screens/analytics";

/** The number of purchases shown under the average ticket ("1.234 compras, …"). */
async function purchasesShown(page: Page): Promise<string> {
  return (await page.getByTestId("kpi-average-ticket").innerText()).replace(/\s+/g, " ");
}

test.describe("analytics dashboard", () => {
  test.beforeEach(async ({ page }) => {
    // Analysts may read the dashboard (analytics:read) and export it (exports:read).
    await signInAsUser(page, DEMO.analyst);
  });

  test("renders the demo program's KPIs and charts in Spanish", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/console");
    await expect(page.getByTestId("home-analytics-link")).toHaveText("Ver analítica");
    await page.getByRole("complementary").getByRole("link", { name: "Analítica" }).click();
    await expect(page).toHaveURL(/\/console\/analytics$/);
    await expectHtmlLang(page, "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analítica");
    await expect(page.getByTestId("kpi-members")).toContainText(/Socios\s*[1-9]/);
    await expect(page.getByTestId("kpi-active-90")).toContainText(/[1-9]/);
    await expect(page.getByTestId("kpi-repeat-rate")).toContainText(/\d+\s?%/);
    await expect(page.getByTestId("kpi-average-ticket")).toContainText("Ticket promedio");
    await expect(page.getByTestId("kpi-redemption-rate")).toContainText("Tasa de canje");
    await expect(page.getByTestId("kpi-liability")).toContainText("Pasivo de puntos");
    // The demo's CD catalog has unit costs (imports have none): a margin over part of the sales.
    const margin = page.getByTestId("kpi-margin");
    await expect(margin).toContainText("Margen bruto");
    await expect(margin).toContainText(/Margen bruto\s*\d+\s?%/);
    await expect(margin).toContainText(/\d+\s?% de las ventas con costo/);
    const membership = page.getByTestId("membership-card");
    await expect(membership).toContainText("Socios y no socios");
    await expect(membership.getByTestId("membership-members-margin")).toContainText(/\d+\s?%/);
    await expect(membership.getByTestId("membership-members-frequency")).toContainText("×");
    await expect(page.getByTestId("margin-card")).toContainText("Margen en el tiempo");
    await expect(page.getByTestId("margin-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    // Recharts drew bars, the heatmap has cohorts, the tier chart and rewards are there.
    await expect(page.getByTestId("points-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("cohort-row").first()).toBeVisible();
    await expect(page.getByTestId("tier-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("top-reward").first()).toBeVisible();
    // The sample's members got their tiers on import (dated that day, inside the period): the migration counts them.
    await expect(page.getByTestId("migration-card")).toContainText("Migración de niveles");
    await expect(page.getByTestId("migration-summary")).toContainText(/\d+ socios? sub/);
    await expect(page.getByTestId("migration-row").first()).toContainText("→");
    await expect(page.getByTestId("campaigns-card")).toContainText("Resultados de campañas");
    await page.screenshot({ path: `${SCREENS}/dashboard-es.png`, fullPage: true });
  });

  test("is translated to English", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await page.goto("/console/analytics");
    await expectHtmlLang(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analytics");
    await expect(page.getByTestId("kpi-members")).toContainText(/Members\s*[1-9]/);
    await expect(page.getByTestId("kpi-repeat-rate")).toContainText("Repeat purchase rate");
    await expect(page.getByTestId("points-card")).toContainText("Points over time");
    await expect(page.getByTestId("cohorts-card")).toContainText("Retention by monthly cohort");
    await expect(page.getByTestId("kpi-margin")).toContainText(/Gross margin\s*\d+%/);
    await expect(page.getByTestId("kpi-margin")).toContainText(/Cost known for \d+% of sales/);
    await expect(page.getByTestId("membership-card")).toContainText("Members and non-members");
    await expect(page.getByTestId("membership-card")).toContainText("Sales with a known cost");
    await expect(page.getByTestId("margin-card")).toContainText("Margin over time");
    await expect(page.getByTestId("migration-card")).toContainText("Tier migration");
    await expect(page.getByTestId("campaigns-card")).toContainText("Campaign results");
    await expect(page.getByTestId("margin-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("points-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/dashboard-en.png`, fullPage: true });
  });

  test("changing a filter changes the numbers", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/console/analytics");
    const before = await purchasesShown(page);
    // textContent, not innerText: innerText depends on layout, and the first read can come while the card is not laid out yet.
    const membersBefore = await page.getByTestId("kpi-members").textContent();
    const to = await page.getByTestId("filter-to").inputValue();

    // The last 30 days only: fewer purchases than the whole year.
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId("filter-from").fill(from);
    await page.getByTestId("filter-apply").click();
    await expect(page).toHaveURL(new RegExp(`from=${from}`));
    await expect.poll(() => purchasesShown(page)).not.toBe(before);
    const lastMonth = await purchasesShown(page);
    expect(lastMonth).toMatch(/[1-9]/);

    // The CDNOW history was bought online: the store channel (POS) has only the few desk sales of the e2e fixtures.
    await page.getByTestId("filter-channel").selectOption("pos");
    await page.getByTestId("filter-apply").click();
    await expect(page).toHaveURL(/channel=pos/);
    await expect.poll(() => purchasesShown(page)).not.toBe(lastMonth);
    // Counter sales carry no lines with a catalog cost: the margin says so instead of showing 0 %.
    await expect(page.getByTestId("kpi-margin")).toContainText(/Margen bruto\s*—\s*Sin costos unitarios/);
    await expect(page.getByTestId("margin-empty")).toContainText("Ninguna compra del periodo tiene costo unitario");
    await expect(page.getByTestId("membership-members-margin")).toHaveText("Sin costos unitarios");
    await page.screenshot({ path: `${SCREENS}/dashboard-margin-empty-es.png`, fullPage: true });
    await page.screenshot({ path: `${SCREENS}/dashboard-filtered-es.png`, fullPage: false });

    // Members enrolled before the period's end do not depend on the channel.
    expect(await page.getByTestId("kpi-members").textContent()).toBe(membersBefore);
  });

  test("a tier filter changes the numbers, and filters it cannot apply are named", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/console/analytics");
    const before = await purchasesShown(page);
    // Tier filters read the rollup per tier: the members in the tier now, with their whole history.
    const tier = await page.getByTestId("filter-tier").locator("option").nth(1).getAttribute("value");
    await page.getByTestId("filter-tier").selectOption(tier!);
    await page.getByTestId("filter-apply").click();
    await expect(page).toHaveURL(new RegExp(`tier=${tier}`));
    await expect.poll(() => purchasesShown(page)).not.toBe(before);
    await expect(page.getByTestId("ignored-filters")).toHaveCount(0);

    // A hand-edited address: an impossible date and a store that does not exist are named, and left out.
    await page.goto("/console/analytics?from=2026-13-40&store=00000000-0000-4000-8000-000000000000");
    await expect(page.getByTestId("ignored-filters")).toContainText("no son válidos o ya no existen: Desde, Tienda");
    await expect.poll(() => purchasesShown(page)).toBe(before);
    await page.screenshot({ path: `${SCREENS}/dashboard-ignored-filters-es.png`, fullPage: false });
    await setLocaleCookie(context, baseURL, "en");
    await page.reload();
    await expect(page.getByTestId("ignored-filters")).toContainText("not valid or no longer exist: From, Store");
    await page.screenshot({ path: `${SCREENS}/dashboard-ignored-filters-en.png`, fullPage: false });
  });

  test("exports a table view as CSV", async ({ page }) => {
    const response = await page.request.get("/console/analytics/export?table=daily");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toContain("day,store_id,store_code,channel,purchases");
    expect(lines.length).toBeGreaterThan(10);
    const cohorts = await page.request.get("/console/analytics/export?table=cohorts");
    expect((await cohorts.text()).split("\r\n")[0]).toContain("cohort,members,month_0");
  });
});
