import { expect, type BrowserContext, type Page } from "@playwright/test";

export type UiLocale = "es" | "en";

/** Chooses the UI language the way the switcher does: through the NEXT_LOCALE cookie. */
export async function setLocaleCookie(context: BrowserContext, baseURL: string | undefined, locale: UiLocale) {
  if (!baseURL) throw new Error("baseURL is not configured");
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

export async function expectHtmlLang(page: Page, locale: UiLocale) {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/**
 * Clicks the language switcher's button for `target` (scoped to the visible
 * switcher: shells render one per breakpoint) and waits for the new language.
 */
export async function switchLanguage(page: Page, target: UiLocale) {
  const name = target === "en" ? /English/ : /Español/;
  await page.getByTestId("language-switcher").filter({ visible: true }).first().getByRole("button", { name }).click();
  await expectHtmlLang(page, target);
}

export async function readLocaleCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === "NEXT_LOCALE")?.value;
}
