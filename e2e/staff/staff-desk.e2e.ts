import { expect, test } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { expectHtmlLang, setLocaleCookie, switchLanguage } from "../support/locale";

test.describe("staff desk", () => {
  // The desk needs a signed-in user who may use it: the demo cashier (two stores).
  test.beforeEach(async ({ page }) => {
    await signInAsUser(page, DEMO.staff);
  });

  test("asks for a store, then shows it in the header with the member search", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/staff");
    await expectHtmlLang(page, "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Elige tu tienda");
    await expect(page.getByTestId("current-store")).toContainText("Sin tienda seleccionada");

    const firstStore = page.getByTestId("store-picker").getByRole("link").first();
    const storeName = (await firstStore.getByTestId("store-name").innerText()).trim();
    await firstStore.click();

    await expect(page).toHaveURL(/\/staff\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("current-store")).toContainText(storeName);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buscar socio");
    const search = page.getByLabel("Teléfono, correo, tarjeta o nombre");
    await expect(search).toBeFocused();
    await expect(page.getByRole("button", { name: "Buscar" })).toBeEnabled();

    await page.getByRole("link", { name: "Cambiar de tienda" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Elige tu tienda");
  });

  test("rejects a store the cashier is not assigned to", async ({ page, context, baseURL, browser }) => {
    // The owner's picker lists every store; the cashier works at two of them.
    const owner = await browser.newContext({ baseURL });
    const ownerPage = await owner.newPage();
    await signInAsUser(ownerPage, DEMO.admin, undefined, "/staff");
    const allStores = await ownerPage.getByTestId("store-picker").getByRole("link").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split("/")[2]));
    await owner.close();

    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/staff");
    const mine = await page.getByTestId("store-picker").getByRole("link").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split("/")[2]));
    const other = allStores.find((id) => !mine.includes(id));
    expect(other).toBeTruthy();
    await page.goto(`/staff/${other}`);
    await expect(page.getByTestId("unknown-store")).toBeVisible();
    await expect(page.getByRole("searchbox")).toHaveCount(0);
  });

  test("rejects a store that is not in the program", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/staff/00000000-0000-0000-0000-000000000000");
    await expect(page.getByTestId("unknown-store")).toBeVisible();
    await expect(page.getByTestId("current-store")).toContainText("Sin tienda seleccionada");
    await expect(page.getByRole("searchbox")).toHaveCount(0);
  });

  test("is translated to English", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await page.goto("/staff");
    await expectHtmlLang(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose your store");
    await expect(page.getByTestId("current-store")).toContainText("No store selected");
  });

  test("the header switcher changes the language and keeps the store", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/staff");
    await page.getByTestId("store-picker").getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buscar socio");
    const url = page.url();

    await switchLanguage(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find a member");
    expect(page.url()).toBe(url);
  });
});
