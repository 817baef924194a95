import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { api, unique } from "../api/api-client";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie, type UiLocale } from "../support/locale";

/**
 * Screenshots of the coupon box, redeem for a member and the end of day, on a
 * tablet and a phone, in both languages, for visual review. Opt-in:
 *   DESK_SHOTS=1 npx playwright test e2e/staff/desk-redeem-screenshots.e2e.ts
 * (PNGs land in test-results/desk-redeem-shots/).
 */

const storeX = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { stores: { x: string } }).stores.x;
const VIEWPORTS = { tablet: { width: 1024, height: 768 }, phone: { width: 390, height: 844 } } as const;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `test-results/desk-redeem-shots/${name}.png`, fullPage: true });
}

for (const locale of ["es", "en"] as UiLocale[]) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`redeem screens ${locale} ${device}`, async ({ page, context, baseURL, request }) => {
      const client = api(request);
      const member = await (await client.post("/api/v1/members", { externalId: unique("shot"), name: "Alicia Alfa" })).json();
      await client.post(`/api/v1/members/${member.id}/adjustments`, { points: 650, reason: "Saldo de prueba" });
      const rewards = (await (await client.get("/api/v1/rewards")).json()) as { data: { id: string; name: { en: string } }[] };
      const coupon = await (await client.post("/api/v1/redemptions", { memberId: member.id, rewardId: rewards.data.find((r) => r.name.en === "$5 off")!.id })).json();

      await page.setViewportSize(viewport);
      await setLocaleCookie(context, baseURL, locale);
      await signInAsUser(page, DEMO.staff);
      const base = `/staff/${storeX()}`;
      const prefix = `${device}-${locale}`;
      await page.goto(`${base}/coupons`);
      await shoot(page, `${prefix}-1-coupons`);
      await page.getByLabel(locale === "es" ? "Código del cupón" : "Coupon code").fill(coupon.coupon.code);
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("coupon-card")).toBeVisible();
      await shoot(page, `${prefix}-2-coupon-found`);
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("coupon-redeemed")).toBeVisible();
      await page.getByLabel(locale === "es" ? "Código del cupón" : "Coupon code").fill(coupon.coupon.code);
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("coupon-refused")).toBeVisible();
      await shoot(page, `${prefix}-3-coupon-refused`);

      await page.goto(`${base}/members/${member.id}/redeem`);
      await shoot(page, `${prefix}-4-redeem-rewards`);
      await page.getByTestId("reward-option").filter({ hasNotText: /Le faltan|short/ }).first().click();
      await shoot(page, `${prefix}-5-redeem-confirm`);
      await page.keyboard.press("Escape");
      await page.getByRole("tab", { name: locale === "es" ? "Pagar con puntos" : "Pay with points" }).click();
      await shoot(page, `${prefix}-6-points`);
      await page.keyboard.type("120");
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("hold-active")).toBeVisible();
      await shoot(page, `${prefix}-7-points-held`);
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("hold-settled")).toBeVisible();

      await page.goto(`${base}/end-of-day`);
      await shoot(page, `${prefix}-8-end-of-day`);
      await page.goto(`${base}/end-of-day?date=2020-01-01`);
      await shoot(page, `${prefix}-9-end-of-day-empty`);
    });
  }
}
