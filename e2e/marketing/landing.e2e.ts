import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, submitSignIn } from "../support/auth";
import { expectHtmlLang, readLocaleCookie, setLocaleCookie, switchLanguage } from "../support/locale";

test.describe("landing page", () => {
  test("explains Lazo in Spanish and links to every surface", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/");
    await expectHtmlLang(page, "es");
    await expect(page).toHaveTitle("Lazo · Programa de lealtad de código abierto");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("El programa de lealtad que se queda contigo.");
    await expect(page.getByRole("heading", { name: "Una plataforma, cuatro formas de usarla" })).toBeVisible();
    for (const title of ["Marketing", "Socios", "Personal de tienda", "Integradores"]) {
      await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "Ir a la consola" })).toHaveAttribute("href", "/console");
    await expect(page.getByRole("link", { name: "Ir al portal del socio" })).toHaveAttribute("href", "/me");
    await expect(page.getByRole("link", { name: "Ir al mostrador" })).toHaveAttribute("href", "/staff");
    await expect(page.getByRole("link", { name: "Ver la API" })).toHaveAttribute("href", "/api/v1");
  });

  test("explains Lazo in English", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await page.goto("/");
    await expectHtmlLang(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The loyalty program that stays yours.");
    await expect(page.getByRole("heading", { name: "Built to last" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the staff desk" })).toHaveAttribute("href", "/staff");
  });

  test("the hero leads to the console", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/");
    await page.getByRole("main").getByRole("link", { name: "Abrir la consola" }).click();
    // Signed out: the console asks for a sign-in first, then opens.
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fconsole$/);
    await submitSignIn(page, DEMO.admin, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByRole("navigation", { name: "Navegación principal" }).first()).toBeVisible();
  });

  test("the switcher changes the language and remembers it", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/");
    await switchLanguage(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The loyalty program that stays yours.");
    expect(await readLocaleCookie(context)).toBe("en");

    await page.reload();
    await expectHtmlLang(page, "en");

    await switchLanguage(page, "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("El programa de lealtad que se queda contigo.");
    expect(await readLocaleCookie(context)).toBe("es");
  });
});
