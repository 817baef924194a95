import { expect, test } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { expectHtmlLang, setLocaleCookie } from "../support/locale";

test.describe("not found page", () => {
  test("answers 404 with a friendly Spanish page", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    const response = await page.goto("/no-existe-esta-pagina");
    expect(response?.status()).toBe(404);
    await expectHtmlLang(page, "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No encontramos esta página");
    await page.getByRole("link", { name: "Volver al inicio" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("is translated to English", async ({ page, context, baseURL }) => {
    // Signed out, a console address goes to sign-in first; signed in, it is a plain 404.
    await signInAsUser(page, DEMO.admin);
    await setLocaleCookie(context, baseURL, "en");
    const response = await page.goto("/console/does-not-exist");
    expect(response?.status()).toBe(404);
    await expectHtmlLang(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find this page");
    await expect(page.getByRole("link", { name: "Back to home" })).toBeVisible();
  });
});
