import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, E2E_PASSWORD, signInAsUser } from "../support/auth";
import { setLocaleCookie, type UiLocale } from "../support/locale";

const SCREENS = "test-results/screens/rewards";
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });

const run = Date.now().toString(36);

test.describe("console rewards", () => {
  test("a marketer creates a reward, corrected field by field, in Spanish", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/rewards");
    await expect(page.getByRole("heading", { name: "Catálogo de recompensas" })).toBeVisible();
    await expect(page.getByTestId("reward-row").filter({ hasText: "$5 de descuento" })).toBeVisible();
    await page.getByRole("link", { name: "Nueva recompensa" }).first().click();
    const form = page.getByTestId("reward-form");
    await form.getByLabel("Tipo").selectOption("percent_discount");
    await form.getByLabel("Nombre en español").fill(`Vinilos ${run}`);
    await form.getByLabel("Porcentaje de descuento").fill("150");
    await form.getByLabel("Precio en puntos").fill("-5");
    await form.getByLabel(/^Existencias/).fill("-1");
    await form.getByLabel(/^Disponible desde/).fill("2026-02-01");
    await form.getByLabel(/^Disponible hasta/).fill("2026-01-01");
    await form.getByRole("button", { name: "Crear recompensa" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Revisa los campos marcados.");
    await expect(form.getByTestId("pointsPrice-error")).toHaveText("El precio en puntos no puede ser negativo.");
    await expect(form.getByTestId("value-error")).toHaveText("Un porcentaje no puede pasar de 100.");
    await expect(form.getByTestId("stock-error")).toHaveText("Las existencias no pueden ser menores que cero.");
    await expect(form.getByTestId("validUntil-error")).toHaveText("La fecha final debe ser posterior a la inicial.");
    await expect(form.getByLabel("Nombre en español")).toHaveValue(`Vinilos ${run}`);
    await shot(page, "reward-form-errors-es");

    await form.getByLabel("Porcentaje de descuento").fill("15");
    await form.getByLabel("Precio en puntos").fill("250");
    await form.getByLabel(/^Existencias/).fill("20");
    await form.getByLabel(/^Disponible hasta/).fill("2027-01-01");
    await form.getByRole("button", { name: "Crear recompensa" }).click();
    await expect(page.getByTestId("reward-created")).toHaveText("Recompensa creada.");
    await expect(page.getByRole("heading", { name: `Vinilos ${run}` })).toBeVisible();
    await expect(page.getByTestId("reward-form").getByLabel("Porcentaje de descuento")).toHaveValue("15");
    await page.goto("/console/rewards");
    const row = page.getByTestId("reward-row").filter({ hasText: `Vinilos ${run}` });
    await expect(row).toContainText("250 pts");
    await expect(row).toContainText("20");
  });

  test("the same mistakes read in English", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/rewards/new");
    const form = page.getByTestId("reward-form");
    await form.getByLabel("Name in Spanish").fill("x");
    await form.getByLabel("Points price").fill("-1");
    await form.getByRole("button", { name: "Create reward" }).click();
    await expect(form.getByTestId("nameEs-error")).toHaveText("Enter a name (at least 2 characters).");
    await expect(form.getByTestId("pointsPrice-error")).toHaveText("The points price may not be negative.");
    await expect(form.getByTestId("value-error")).toHaveText("Give the discount's value.");
    await shot(page, "reward-form-errors-en");
  });

  test("menus group rewards, partner codes are imported and counted, coupons can be voided", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/rewards/menus");
    const create = page.getByTestId("create-menu-form");
    await create.getByLabel("Nombre en español").fill(`Menú ${run}`);
    await create.getByLabel("Nombre en inglés").fill(`Menu ${run}`);
    await create.getByRole("button", { name: "Crear menú" }).click();
    await expect(create.getByTestId("form-message")).toHaveText("Menú creado.");
    const menu = page.getByTestId("menu").filter({ hasText: `Menú ${run}` });
    await expect(menu).toBeVisible();
    await menu.getByRole("button", { name: "Subir" }).click();
    await expect(page.getByTestId("menu").filter({ hasText: `Menú ${run}` })).toBeVisible();

    await page.goto("/console/rewards");
    await page.getByTestId("reward-row").getByRole("link", { name: "Un mes de streaming" }).click();
    await expect(page.getByTestId("free-codes")).toBeVisible();
    const codes = page.getByTestId("partner-codes-form");
    await codes.getByLabel("Códigos").fill(`codigo\nSTR-${run}-1\nSTR-${run}-2\nSTR-${run}-1\n`);
    await codes.getByRole("button", { name: "Importar códigos" }).click();
    await expect(codes.getByTestId("form-message")).toContainText("2 códigos nuevos");
    await expect(page.getByTestId("free-codes")).toContainText("códigos libres");

    const { rewards } = JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { rewards: { voidableCouponCode: string } };
    await page.goto("/console/rewards/coupons");
    await page.getByLabel("Código").fill(rewards.voidableCouponCode.toLowerCase());
    await page.getByRole("button", { name: "Buscar" }).click();
    const row = page.getByTestId("coupon-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Emitido");
    await row.getByText("Anular", { exact: true }).click();
    await row.getByLabel("Motivo").fill("x");
    await row.getByRole("button", { name: "Anular y devolver puntos" }).click();
    await expect(row.getByText("Escribe un motivo (al menos 3 caracteres).")).toBeVisible();
    await row.getByLabel("Motivo").fill("Prueba e2e de anulación");
    await row.getByRole("button", { name: "Anular y devolver puntos" }).click();
    await expect(page.getByTestId("coupon-voided")).toHaveText("Cupón anulado; se devolvieron 10 puntos.");
    await expect(page.getByTestId("coupon-row")).toContainText("Anulado");
    await expect(page.getByTestId("void-coupon-form")).toHaveCount(0);
  });

  test("a marketer aims a reward at the catalog: a SKU it does not have is refused, a category is kept", async ({ page, context, baseURL }) => {
    // The plans program has a small catalog of its own (scripts/e2e-setup.ts), so the demo catalog is not touched.
    fs.mkdirSync(SCREENS, { recursive: true });
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, "marketer-plans@e2e.example", E2E_PASSWORD, "/console/rewards/new");
    const form = page.getByTestId("reward-form");
    await form.getByLabel("Tipo", { exact: true }).selectOption("percent_discount");
    await form.getByLabel("Nombre en español").fill(`Botas ${run}`);
    await form.getByLabel("Porcentaje de descuento").fill("15");
    await form.getByLabel("Precio en puntos").fill("120");
    await form.getByLabel("Válida en").selectOption("sku");
    await form.getByLabel("SKU", { exact: true }).fill("NO-EXISTE-1");
    await form.getByRole("button", { name: "Crear recompensa" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Revisa los campos marcados.");
    await expect(form.getByTestId("targetSku-error")).toHaveText("No hay ningún producto con este SKU en el catálogo.");
    await expect(form.getByLabel("SKU", { exact: true })).toHaveValue("NO-EXISTE-1");
    await shot(page, "reward-target-error-es");

    await form.getByLabel("Válida en").selectOption("category");
    await form.getByLabel("Categoría", { exact: true }).selectOption({ label: "Moda › Calzado" });
    await form.getByRole("button", { name: "Crear recompensa" }).click();
    await expect(page.getByTestId("reward-created")).toHaveText("Recompensa creada.");
    const saved = page.getByTestId("reward-form");
    await expect(saved.getByLabel("Válida en")).toHaveValue("category");
    await expect(saved.getByLabel("Categoría", { exact: true })).toHaveValue("moda/calzado");
    await shot(page, "reward-target-es");

    await setLocaleCookie(context, baseURL, "en");
    await page.goto("/console/rewards/new");
    const english = page.getByTestId("reward-form");
    await english.getByLabel("Kind", { exact: true }).selectOption("free_product");
    await english.getByLabel("Name in Spanish").fill(`Calcetas ${run}`);
    await english.getByLabel("Points price").fill("30");
    await english.getByLabel("Valid on").selectOption("category");
    await english.getByRole("button", { name: "Create reward" }).click();
    await expect(english.getByTestId("targetCategory-error")).toHaveText("Choose the category the reward is valid on.");
    await english.getByLabel("Valid on").selectOption("sku");
    await english.getByLabel("SKU", { exact: true }).fill("TGT-TENIS-42");
    await english.getByRole("button", { name: "Create reward" }).click();
    await expect(page.getByTestId("reward-created")).toHaveText("Reward created.");
    await expect(page.getByTestId("reward-form").getByLabel("SKU", { exact: true })).toHaveValue("TGT-TENIS-42");
    await shot(page, "reward-target-en");
  });

  test("an analyst reads the catalog but cannot create", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.analyst, undefined, "/console/rewards");
    await expect(page.getByTestId("reward-list")).toBeVisible();
    await expect(page.getByRole("link", { name: "Nueva recompensa" })).toHaveCount(0);
    await page.goto("/console/rewards/new");
    await expect(page.getByTestId("access-denied")).toBeVisible();
  });

  for (const locale of ["es", "en"] as UiLocale[]) {
    test(`screens of the rewards pages (${locale})`, async ({ page, context, baseURL }) => {
      fs.mkdirSync(SCREENS, { recursive: true });
      await setLocaleCookie(context, baseURL, locale);
      await page.setViewportSize({ width: 1360, height: 900 });
      await signInAsUser(page, DEMO.admin, undefined, "/console/rewards");
      for (const [path, name] of [["/console/rewards", "catalog"], ["/console/rewards/menus", "menus"], ["/console/rewards/coupons", "coupons"], ["/console/rewards/new", "new"]] as const) {
        await page.goto(path);
        await expect(page.locator("h1")).toBeVisible();
        await shot(page, `${name}-${locale}`);
      }
      await page.goto("/console/rewards");
      await page.getByTestId("reward-row").getByRole("link").filter({ hasText: locale === "es" ? "Un mes de streaming" : "One month of streaming" }).click();
      await expect(page.getByTestId("reward-form")).toBeVisible();
      await shot(page, `edit-partner-${locale}`);
    });
  }
});
