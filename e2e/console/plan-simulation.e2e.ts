import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PASSWORD, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

// scripts/e2e-setup.ts gives this suite its own program ("simula", MXN 0.10 a point): three members' purchases of the last
// months and a redemption, so the simulation has an observed redemption rate and a point value to price points with.
type Fixtures = { simulation: { programId: string; marketer: string } };
const fixtures = (): Fixtures => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;
const SCREENS = "test-results/screens/plan-simulation";
const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage });

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1280, height: 900 } });
test.beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

/** Doubles every tier's multiplier in the draft (created from the live plan on this first save). */
async function draftWithHigherMultipliers(page: Page) {
  await page.goto("/console/plans/draft");
  const tiers = page.getByTestId("plan-tiers-form");
  const multipliers = tiers.locator('input[name$=".earnMultiplier"]');
  const count = await multipliers.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const field = multipliers.nth(i);
    const live = Number((await field.inputValue()).replace(",", "."));
    await field.fill(String(live * 2));
  }
  await tiers.getByRole("button", { name: "Guardar" }).click();
  await expect(tiers.getByTestId("form-message")).toHaveText("Borrador guardado.");
}

test("a simulation of a draft plan with higher multipliers shows a higher cost than the live plan", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  await setLocaleCookie(context, baseURL, "es");
  await signInAsUser(page, fixtures().simulation.marketer, E2E_PASSWORD, "/console/plans");
  await draftWithHigherMultipliers(page);

  await page.goto("/console/plans");
  await page.getByRole("link", { name: "Simular cambios" }).click();
  await expect(page.getByRole("heading", { name: "Simulaciones del plan", level: 1 })).toBeVisible();
  const form = page.getByTestId("simulation-form");
  await expect(form.getByLabel("Versión a simular")).toContainText("Borrador");
  await shot(page, "start-es");

  // A window that ends before it starts is refused field by field, and nothing is queued.
  const from = await form.getByLabel("Desde").inputValue();
  const to = await form.getByLabel("Hasta").inputValue();
  await form.getByLabel("Desde").fill(to);
  await form.getByLabel("Hasta").fill(from);
  await form.getByRole("button", { name: "Simular" }).click();
  await expect(form.getByTestId("to-error")).toHaveText("La fecha final no puede ser anterior a la inicial.");
  await form.getByLabel("Desde").fill(from);
  await form.getByLabel("Hasta").fill(to);
  await form.getByRole("button", { name: "Simular" }).click();

  await page.waitForURL(/\/console\/plans\/simulations\/[0-9a-f-]{36}$/);
  const progress = page.getByTestId("simulation-progress");
  await expect(progress).toBeVisible();
  await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100", { timeout: 90_000 });
  const results = page.getByTestId("simulation-results");
  await expect(results).toBeVisible({ timeout: 30_000 });
  await expect(progress).toHaveAttribute("data-status", "completed");

  const cost = page.getByTestId("simulation-kpi-cost");
  const candidate = Number(await cost.getAttribute("data-candidate"));
  const baseline = Number(await cost.getAttribute("data-baseline"));
  expect(baseline).toBeGreaterThan(0);
  expect(candidate).toBeGreaterThan(baseline);
  const issued = page.getByTestId("simulation-kpi-points");
  expect(Number(await issued.getAttribute("data-candidate"))).toBeGreaterThan(Number(await issued.getAttribute("data-baseline")));
  await expect(page.getByTestId("simulation-row-expectedRedemptionCostMinor")).toContainText("Costo esperado de canje");
  await expect(page.getByTestId("simulation-monthly-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("simulation-tier-chart")).toBeVisible();
  await page.mouse.move(0, 0);
  await shot(page, "results-es");

  // The comparison downloads as CSV.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("simulation-csv").click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv).toContain("section,key,label,metric,candidate,baseline,difference,unit");
  expect(csv).toContain("summary,expectedRedemptionCostMinor,,expectedRedemptionCostMinor,");

  // The same page in English, after a reload: the run is a row, not a browser state.
  await setLocaleCookie(context, baseURL, "en");
  await page.reload();
  await expect(page.getByText("Expected redemption cost").first()).toBeVisible();
  await expect(page.getByTestId("simulation-progress")).toContainText("Finished.");
  await page.mouse.move(0, 0);
  await shot(page, "results-en");
  await page.goto("/console/plans/simulations");
  await expect(page.getByTestId("simulation-run-row").first().getByTestId("simulation-status")).toHaveText("Finished");
  await shot(page, "list-en");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await expect(page.getByTestId("simulation-results")).toBeVisible();
  await shot(page, "results-en-phone");
});
