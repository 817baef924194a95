import fs from "node:fs";
import { test, type Page } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie, type UiLocale } from "../support/locale";

/**
 * Screenshots of the desk's search, results, member panel and enrolment, on a
 * tablet and a phone, in both languages, for visual review. Opt-in:
 *   DESK_SHOTS=1 npx playwright test e2e/staff/desk-search-screenshots.e2e.ts
 * (PNGs land in test-results/desk-shots/).
 */

const storeX = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { stores: { x: string } }).stores.x;
const memberA = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { members: { a: { id: string } } }).members.a.id;
const VIEWPORTS = { tablet: { width: 1024, height: 768 }, phone: { width: 390, height: 844 } } as const;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `test-results/desk-shots/${name}.png`, fullPage: true });
}

for (const locale of ["es", "en"] as UiLocale[]) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`desk screens ${locale} ${device}`, async ({ page, context, baseURL }) => {
      await page.setViewportSize(viewport);
      await setLocaleCookie(context, baseURL, locale);
      await signInAsUser(page, DEMO.staff);
      const base = `/staff/${storeX()}`;
      await page.goto(base);
      await shoot(page, `${device}-${locale}-1-search`);
      await page.goto(`${base}?q=${encodeURIComponent("Alicia Alfa")}`);
      await shoot(page, `${device}-${locale}-2-results`);
      await page.goto(`${base}?q=${encodeURIComponent("xochiquetzal wbrzyk")}`);
      await shoot(page, `${device}-${locale}-3-none`);
      await page.goto(`${base}/members/${memberA()}`);
      await shoot(page, `${device}-${locale}-4-panel`);
      await page.goto(`${base}/members/new?q=${encodeURIComponent("Ana López")}`);
      await shoot(page, `${device}-${locale}-5-enrol`);
      await page.getByRole("button", { name: locale === "es" ? "Inscribir socio" : "Enrol member" }).click();
      await page.getByTestId("form-message").waitFor();
      await shoot(page, `${device}-${locale}-6-enrol-errors`);
      await page.goto(base);
      await page.getByTestId("open-scanner").click();
      await page.getByTestId("scanner-problem").waitFor();
      await shoot(page, `${device}-${locale}-7-scanner`);
    });
  }
}
