import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { api, unique } from "../api/api-client";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie, type UiLocale } from "../support/locale";

/**
 * Screenshots of the desk's sales screens (purchase, return, adjustment) on a
 * tablet and a phone, in Spanish and English, for people to look at:
 * test-results/screens/desk-sales-<locale>-<device>-<step>.png. Runs only when asked:
 *   DESK_SHOTS=1 npx playwright test e2e/staff/desk-sales-screenshots.e2e.ts
 */
const storeX = (): string => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { stores: { x: string } }).stores.x;
const DEVICES = { tablet: { width: 1024, height: 768 }, phone: { width: 390, height: 844 } } as const;

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/desk-sales-${name}.png`, fullPage: true });

for (const locale of ["es", "en"] as UiLocale[]) {
  for (const [device, viewport] of Object.entries(DEVICES)) {
    test(`desk sales screens, ${locale}, ${device}`, async ({ page, context, baseURL, request }) => {
      test.setTimeout(120_000);
      await setLocaleCookie(context, baseURL, locale);
      await page.setViewportSize(viewport);
      const member = await (await api(request).post("/api/v1/members", { externalId: unique("shot"), name: locale === "es" ? "Lucía Hernández" : "Lucy Harris" })).json();
      const name = `${locale}-${device}`;
      await signInAsUser(page, DEMO.staff, undefined, `/staff/${storeX()}/members/${member.id}/purchase`);
      await expect(page.getByTestId("purchase-form")).toBeVisible();
      const orderId = unique("TKT");
      await page.locator("#orderId").fill(orderId);
      await page.getByTestId("show-lines").click();
      await page.locator("#line-0-product").fill("CD-ROCK-01");
      await page.locator("#line-0-quantity").fill("2");
      await page.locator("#line-0-price").fill("15.50");
      await page.getByTestId("use-lines-total").click();
      await shot(page, `${name}-1-purchase`);
      await page.getByTestId("preview-purchase").click();
      await expect(page.getByTestId("purchase-preview")).toBeVisible();
      await shot(page, `${name}-2-purchase-preview`);
      await page.getByTestId("confirm-purchase").click();
      await expect(page.getByTestId("purchase-receipt")).toBeVisible();
      await shot(page, `${name}-3-purchase-receipt`);

      await page.goto(`/staff/${storeX()}/returns`);
      await expect(page.getByTestId("return-find")).toBeVisible();
      await shot(page, `${name}-4-returns`);
      await page.locator("#orderId").fill(orderId);
      await page.getByTestId("find-purchase").click();
      await expect(page.getByTestId("return-form")).toBeVisible();
      await page.getByTestId("return-line-quantity").first().fill("1");
      await shot(page, `${name}-5-return-choice`);
      await page.getByTestId("preview-return").click();
      await expect(page.getByTestId("return-preview")).toBeVisible();
      await shot(page, `${name}-6-return-preview`);
      await page.getByTestId("confirm-return").click();
      await expect(page.getByTestId("return-receipt")).toBeVisible();
      await shot(page, `${name}-7-return-receipt`);

      await page.goto(`/staff/${storeX()}/members/${member.id}/adjust`);
      await expect(page.getByTestId("desk-refusal")).toBeVisible();
      await shot(page, `${name}-8-adjust-refused`);
      await page.goto(`/staff/${storeX()}/returns`);
      await page.locator("#orderId").fill("NO-SUCH-TICKET");
      await page.getByTestId("find-purchase").click();
      await expect(page.getByTestId("form-message")).toBeVisible();
      await shot(page, `${name}-9-return-not-found`);
    });
  }
  test(`desk adjustment form as the admin, ${locale}`, async ({ page, context, baseURL, request }) => {
    await setLocaleCookie(context, baseURL, locale);
    await page.setViewportSize(DEVICES.tablet);
    const member = await (await api(request).post("/api/v1/members", { externalId: unique("shot") })).json();
    await signInAsUser(page, DEMO.admin, undefined, `/staff/${storeX()}/members/${member.id}/adjust`);
    await expect(page.getByTestId("desk-adjust-form")).toBeVisible();
    await page.locator("#points").fill("-5");
    await page.locator("#reason").fill("x");
    await page.locator("#reason").press("Enter");
    await expect(page.getByTestId("form-message")).toBeVisible();
    await shot(page, `${locale}-tablet-10-adjust-errors`);
    await page.setViewportSize(DEVICES.phone);
    await shot(page, `${locale}-phone-10-adjust-errors`);
  });
}
