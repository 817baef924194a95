import { expect, test } from "@playwright/test";
import { SEEDED_MEMBERS, signInAsMember } from "../support/auth";
import { expectHtmlLang, setLocaleCookie, switchLanguage } from "../support/locale";

// Members use their phones: the portal is tested at a phone's size.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test.describe("member portal home", () => {
  // The portal home is member-only: each test signs a different seeded member in with a mailed code.
  test("shows the program card and the bottom tab bar in Spanish", async ({ page, browser, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsMember(page, browser, SEEDED_MEMBERS.gabriela.email);
    await expectHtmlLang(page, "es");

    await expect(page.getByTestId("no-program")).toHaveCount(0);
    const hero = page.getByTestId("program-hero");
    await expect(hero).toContainText("Bienvenido a");
    await expect(hero.getByRole("heading", { level: 1 })).not.toBeEmpty();
    await expect(page.getByRole("heading", { name: "Cómo funciona" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Canjea recompensas" })).toBeVisible();

    const tabBar = page.getByTestId("portal-tab-bar");
    await expect(tabBar).toBeVisible();
    await expect(tabBar.getByRole("link", { name: "Inicio" })).toHaveAttribute("aria-current", "page");
    await expect(tabBar.getByRole("link")).toHaveText(["Inicio", "Buzón", "Cómo funciona", "Niveles", "Tiendas"]);
  });

  test("is translated to English", async ({ page, browser, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await signInAsMember(page, browser, SEEDED_MEMBERS.javier.email);
    await expectHtmlLang(page, "en");
    await expect(page.getByTestId("program-hero")).toContainText("Welcome to");
    await expect(page.getByRole("heading", { name: "Redeem rewards" })).toBeVisible();
    await expect(page.getByTestId("portal-tab-bar").getByRole("link")).toHaveText([
      "Home",
      "Inbox",
      "How it works",
      "Tiers",
      "Stores",
    ]);
  });

  test("the header switcher changes the language", async ({ page, browser, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await signInAsMember(page, browser, SEEDED_MEMBERS.diego.email);
    await switchLanguage(page, "es");
    await expect(page.getByTestId("program-hero")).toContainText("Bienvenido a");
  });
});
