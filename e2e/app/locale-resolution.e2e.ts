import { expect, test } from "@playwright/test";
import { expectHtmlLang, setLocaleCookie } from "../support/locale";

const spanishTitle = "El programa de lealtad que se queda contigo.";
const englishTitle = "The loyalty program that stays yours.";

test.describe("locale resolution without a cookie", () => {
  test.describe("English browser", () => {
    test.use({ locale: "en-US" });

    test("follows Accept-Language", async ({ page }) => {
      await page.goto("/");
      await expectHtmlLang(page, "en");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(englishTitle);
    });

    test("lets the cookie win over Accept-Language", async ({ page, context, baseURL }) => {
      await setLocaleCookie(context, baseURL, "es");
      await page.goto("/");
      await expectHtmlLang(page, "es");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(spanishTitle);
    });
  });

  test.describe("browser in an unsupported language", () => {
    test.use({ locale: "fr-FR" });

    test("falls back to Spanish", async ({ page }) => {
      await page.goto("/");
      await expectHtmlLang(page, "es");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(spanishTitle);
    });
  });

  test("ignores a cookie holding an unsupported locale", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "de", url: baseURL ?? "" }]);
    await page.goto("/");
    // The suite's browser locale is es-MX.
    await expectHtmlLang(page, "es");
  });
});
