import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, E2E_PASSWORD, E2E_USERS, openUserMenu, signInThroughForm, submitSignIn } from "../support/auth";
import { expectHtmlLang, setLocaleCookie } from "../support/locale";

test.describe("console and staff sign-in", () => {
  test("the demo admin lands on the console", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inicia sesión");
    await expect(page.getByRole("link", { name: "¿Olvidaste tu contraseña?" })).toHaveAttribute("href", "/forgot-password");
    await submitSignIn(page, DEMO.admin, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByTestId("stat-members")).toBeVisible();
  });

  test("store staff land on the desk, see only their stores and have no console", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInThroughForm(page, DEMO.staff);
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Elige tu tienda");
    // The sample seeds four stores; this cashier works at two of them.
    await expect(page.getByTestId("store-picker").getByRole("link")).toHaveCount(2);

    await page.goto("/console");
    await expect(page.getByTestId("no-access")).toContainText("No tienes acceso a la consola");
    await expect(page.getByRole("link", { name: "Ir al mostrador" })).toBeVisible();
  });

  test("a wrong password shows the message and keeps the email", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await page.goto("/sign-in");
    await expectHtmlLang(page, "en");
    await submitSignIn(page, DEMO.marketer, "not the password");
    await expect(page.getByTestId("form-message")).toHaveText("The email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue(DEMO.marketer);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an unknown email gets the same message as a wrong password", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/sign-in");
    await submitSignIn(page, `nadie-${Date.now()}@example.com`, "lo que sea 123");
    await expect(page.getByTestId("form-message")).toHaveText("El correo o la contraseña no son correctos.");
  });

  test("a signed-out visit to a console page goes to sign-in and comes back after it", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/console?tab=demo");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fconsole%3Ftab%3Ddemo/);
    await submitSignIn(page, DEMO.admin, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/console\?tab=demo$/);
  });

  test("sign out ends the session", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInThroughForm(page, DEMO.marketer);
    const menu = await openUserMenu(page);
    await expect(menu.getByTestId("user-menu-email")).toHaveText(DEMO.marketer);
    // What a request still in flight during sign-out would carry back: the cookie as it was.
    const before = (await context.cookies()).find((c) => c.name.endsWith("session-token"))!;
    await menu.getByRole("button", { name: "Cerrar sesión", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out$/);
    await expect(page.getByTestId("form-message")).toHaveText("Cerraste sesión.");
    await page.goto("/console");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await context.addCookies([before]);
    await page.goto("/console");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });
});

/*
 * These change an account's standing (every session ended; sign-in locked for
 * a minute), so each uses its own user from scripts/e2e-setup.ts that no other
 * test signs in: any success on the account would reset the failure count.
 */
test.describe("account protection", () => {
  test("sign out everywhere also ends the user's other sessions", async ({ page, browser, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    const other = await browser.newContext({ baseURL });
    const otherPage = await other.newPage();
    await signInThroughForm(otherPage, E2E_USERS.everywhere, E2E_PASSWORD);
    await signInThroughForm(page, E2E_USERS.everywhere, E2E_PASSWORD);

    const menu = await openUserMenu(page);
    await menu.getByRole("button", { name: /Sign out on all devices/ }).click();
    await expect(page).toHaveURL(/notice=signed-out-everywhere/);
    await expect(page.getByTestId("form-message")).toHaveText("You are signed out on all your devices.");

    await otherPage.goto("/console");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await other.close();
  });

  test("the 6th wrong password within a minute is refused even when right", async ({ page, context, baseURL }) => {
    // The lock is per email: a user of its own, so nobody else's sign-in is locked out.
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await submitSignIn(page, E2E_USERS.lockout, `wrong password ${i}`);
      // The answer clears the password field: wait for it, or the next try races this one.
      await expect(page.getByLabel("Contraseña")).toHaveValue("");
      await expect(page.getByTestId("form-message")).toHaveText("El correo o la contraseña no son correctos.");
    }
    await submitSignIn(page, E2E_USERS.lockout, E2E_PASSWORD);
    await expect(page.getByTestId("form-message")).toContainText(/Demasiados intentos\. Vuelve a intentarlo en \d+ segundos?\./);
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
