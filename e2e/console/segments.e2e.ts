import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

const SCREENS = "test-results/screens/segments";
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });

const run = Date.now().toString(36);
const NAME = `Gastadores ${run}`;

/** The preview's count once it has settled (no count running, none waiting for the debounce). */
async function settledCount(preview: Locator): Promise<number> {
  await expect(preview).toHaveAttribute("data-pending", "false", { timeout: 30_000 });
  const count = preview.getByTestId("segment-preview-count");
  await expect(count).toHaveAttribute("data-count", /^\d+$/);
  return Number(await count.getAttribute("data-count"));
}

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1280, height: 800 } });

test.describe("console segments", () => {
  test("a marketer builds spend AND (gold OR balance), watches the count, saves and downloads the CSV", async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/segments");
    await expect(page.getByRole("heading", { name: "Aún no hay segmentos" })).toBeVisible();
    await shot(page, "list-empty-es");
    await page.getByRole("link", { name: "Nuevo segmento" }).first().click();
    await expect(page.getByRole("heading", { name: "Nuevo segmento" })).toBeVisible();
    const preview = page.getByTestId("segment-preview");
    const everyone = await settledCount(preview);
    expect(everyone).toBeGreaterThan(0);
    await page.getByLabel("Nombre del segmento").fill(NAME);

    const root = page.getByTestId("segment-group").first();
    await root.getByLabel("Agregar condición").last().selectOption("spend");
    const spend = page.getByTestId("segment-condition").first();
    await spend.getByLabel(/^Gasto/).fill("20");
    const spenders = await settledCount(preview);
    expect(spenders).toBeLessThan(everyone);
    expect(spenders).toBeGreaterThan(0);

    await root.getByRole("button", { name: "Agregar grupo" }).click();
    const group = page.getByTestId("segment-group").nth(1);
    await expect(group.getByLabel("Cómo combinar este grupo")).toHaveValue("any");
    await expect(group.getByTestId("group-error")).toHaveText("Un grupo necesita al menos una condición.");
    await expect(preview.getByTestId("segment-preview-invalid")).toBeVisible();
    await group.getByLabel("Agregar condición").selectOption("tier");
    await group.getByTestId("segment-condition").first().getByLabel("Oro").check();
    await group.getByLabel("Agregar condición").selectOption("pointsBalance");
    await group.getByTestId("segment-condition").nth(1).getByLabel("puntos").fill("300");
    const final = await settledCount(preview);
    expect(final).toBeLessThanOrEqual(spenders);
    await expect(preview.getByTestId("segment-sample").getByRole("listitem")).toHaveCount(Math.min(final, 10));
    await shot(page, "builder-es");

    // A wrong value is named next to it, and the count waits for a valid rule.
    await spend.getByLabel(/^Gasto/).fill("");
    await expect(spend.getByTestId("condition-error")).toHaveText("Escribe un número.");
    await spend.getByLabel(/^Gasto/).fill("20");
    expect(await settledCount(preview)).toBe(final);

    await page.getByRole("button", { name: "Guardar segmento" }).click();
    await page.waitForURL(/\/console\/segments\?saved=/);
    await expect(page.getByTestId("form-message")).toContainText("Segmento guardado");
    const row = page.getByTestId("segment-row").filter({ hasText: NAME });
    expect((await row.getByTestId("segment-count").innerText()).replace(/\D/g, "")).toBe(String(final));
    await expect(row).toContainText("3 condiciones");
    await shot(page, "list-es");

    const download = page.waitForEvent("download");
    await row.getByTestId("segment-export").click();
    const file = await (await download).path();
    const lines = fs.readFileSync(file, "utf8").trim().split("\r\n");
    expect(lines[0]).toContain("member_id,card_number,name,email,phone,tier,points_available");
    expect(lines.length - 1).toBe(final);

    // Reopened, the builder shows the saved tree.
    await row.getByRole("link", { name: NAME }).click();
    await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
    await expect(page.getByTestId("segment-condition")).toHaveCount(3);
    expect(await settledCount(page.getByTestId("segment-preview"))).toBe(final);
  });

  test("the list and the builder in English", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/segments");
    await expect(page.getByRole("heading", { name: "Segments", exact: true })).toBeVisible();
    await expect(page.getByTestId("segment-row").filter({ hasText: NAME })).toContainText("3 conditions");
    await shot(page, "list-en");
    await page.getByTestId("segment-row").filter({ hasText: NAME }).getByRole("link", { name: NAME }).click();
    await expect(page.getByTestId("segment-condition")).toHaveCount(3);
    await expect(page.getByTestId("segment-group").nth(1).getByLabel("How to combine this group")).toHaveValue("any");
    await settledCount(page.getByTestId("segment-preview"));
    await shot(page, "builder-en");
    // Rewards can be limited to the segment, picked by name.
    await page.goto("/console/rewards/new");
    await expect(page.getByTestId("reward-form").getByRole("group", { name: "Segments" }).getByLabel(NAME)).toBeVisible();
  });

  test("an analyst sees the list and the rules read-only", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.analyst, undefined, "/console/segments");
    await expect(page.getByTestId("segments-read-only")).toBeVisible();
    await expect(page.getByRole("link", { name: "Nuevo segmento" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Actualizar todos" })).toHaveCount(0);
    const row = page.getByTestId("segment-row").filter({ hasText: NAME });
    await expect(row.getByTestId("segment-export")).toBeVisible();
    await row.getByRole("link", { name: NAME }).click();
    await expect(page.getByTestId("segment-condition")).toHaveCount(3);
    await expect(page.getByRole("button", { name: "Guardar segmento" })).toHaveCount(0);
    await expect(page.getByLabel("Agregar condición")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Eliminar segmento" })).toHaveCount(0);
    expect(await settledCount(page.getByTestId("segment-preview"))).toBeGreaterThan(0);
    await page.goto("/console/segments/new");
    await expect(page.getByTestId("segment-form")).toHaveCount(0);
  });
});
