import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

const SCREENS = "test-results/screens/campaigns";
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
const run = Date.now().toString(36);
const count = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/\D/g, ""));

/** Local datetime-local value `days` from today (the browser's clock is close enough to the program's for a window of days). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1280, height: 900 } });

test.describe("console campaigns", () => {
  test("a marketer launches a birthday campaign with a 10 % control group; running it twice rewards nobody twice", async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/campaigns");
    await expect(page.getByRole("heading", { name: "Campañas", exact: true })).toBeVisible();
    await shot(page, "list-es");
    await page.getByRole("link", { name: "Nueva campaña" }).first().click();
    await expect(page.getByRole("heading", { name: "Nueva campaña" })).toBeVisible();

    // Saving with nothing typed names the missing fields and writes nothing.
    await page.getByRole("button", { name: "Guardar borrador" }).click();
    await expect(page.getByTestId("form-message")).toContainText("Revisa los campos marcados");

    await page.getByLabel("Nombre", { exact: true }).fill(`Cumpleaños ${run}`);
    await page.getByLabel("Disparador", { exact: true }).selectOption("birthday");
    await page.getByLabel("Puntos por socio").fill("200");
    await page.getByLabel("Grupo de control (%)").fill("10");
    await page.getByLabel("Asunto (español)").fill("¡Feliz cumpleaños, {name}!");
    await page.getByLabel("Texto (español)").fill("Te regalamos {points} puntos.");
    await page.getByLabel("Asunto (inglés)").fill("Happy birthday, {name}!");
    await page.getByLabel("Texto (inglés)").fill("{points} points for you.");
    await expect(page.getByTestId("preview-es")).toContainText("¡Feliz cumpleaños, Ana!");
    await expect(page.getByTestId("preview-es")).toContainText("Te regalamos 200 puntos.");
    await shot(page, "form-es");
    await page.getByRole("button", { name: "Guardar borrador" }).click();
    await page.waitForURL(/\/console\/campaigns\/[0-9a-f-]+\?saved=1/);
    await expect(page.getByTestId("campaign-status")).toHaveText("Borrador");

    // A test send lands in the outbox.
    await page.getByLabel("Correo de destino").fill(`prueba-${run}@example.com`);
    await page.getByRole("button", { name: "Enviar prueba" }).click();
    await expect(page.locator("#test-send-message")).toContainText("Prueba enviada");

    await page.getByRole("button", { name: "Activar" }).click();
    await expect(page.getByTestId("campaign-status")).toHaveText("Activa");
    await page.getByRole("button", { name: "Ejecutar ahora" }).click();
    await expect(page.locator("#run-message")).toContainText(/premiad/);
    await page.reload();
    const awarded = await count(page, "arm-treatment-awarded");
    const members = (await count(page, "arm-treatment-members")) + (await count(page, "arm-control-members"));
    // Running again on the same day rewards nobody new.
    await page.getByRole("button", { name: "Ejecutar ahora" }).click();
    await expect(page.locator("#run-message")).toContainText("Nadie nuevo premiado");
    await page.reload();
    expect(await count(page, "arm-treatment-awarded")).toBe(awarded);
    expect((await count(page, "arm-treatment-members")) + (await count(page, "arm-control-members"))).toBe(members);
    await expect(page.getByTestId("arm-control-awarded")).toHaveText("0");
    await shot(page, "birthday-detail-es");
  });

  test("a weekend double-points campaign holds out about 10 % of the audience, and the results page compares them", async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await setLocaleCookie(context, baseURL, "en");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/campaigns/new");
    await page.getByLabel("Name", { exact: true }).fill(`Double points ${run}`);
    await page.getByLabel("Campaign kind").selectOption("bonus");
    await page.getByLabel("Multiplier").fill("2");
    await page.getByLabel("Control group (%)").fill("10");
    // A month ahead: an active ×2 for all members would double every other test's purchases on this shared server.
    await page.getByLabel("Start").fill(`${dayFromNow(30)}T00:00`);
    await page.getByLabel("End").fill(`${dayFromNow(33)}T00:00`);
    await page.getByLabel("Subject (Spanish)").fill("Puntos dobles este fin de semana");
    await page.getByLabel("Text (Spanish)").fill("Gana el doble, {name}.");
    await page.getByLabel("Subject (English)").fill("Double points this weekend");
    await page.getByLabel("Text (English)").fill("Earn double, {name}.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(/\/console\/campaigns\/[0-9a-f-]+\?saved=1/);
    await page.getByRole("button", { name: "Activate" }).click();
    await expect(page.getByTestId("campaign-status")).toHaveText("Active");
    await page.reload();
    const treatment = await count(page, "arm-treatment-members");
    const control = await count(page, "arm-control-members");
    expect(treatment).toBeGreaterThan(0);
    expect(control).toBeGreaterThan(0);
    expect(control / (treatment + control)).toBeGreaterThan(0.04);
    expect(control / (treatment + control)).toBeLessThan(0.2);
    for (const m of ["participation", "purchases", "revenue", "redemptions"]) await expect(page.getByTestId(`chart-${m}`).locator(".recharts-surface")).toBeVisible();
    await expect(page.getByTestId("metric-participation")).toContainText("95% CI");
    await shot(page, "bonus-detail-en");
    await page.goto("/console/campaigns");
    await expect(page.getByTestId("campaign-row").filter({ hasText: `Double points ${run}` })).toContainText("Active");
    await shot(page, "list-en");
  });
});
