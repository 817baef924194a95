import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAsMember } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

const fixtures = () => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { rewards: { couponMember: { email: string } } };

test("a member sees their own coupons with a QR to show at the counter", async ({ page, browser, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsMember(page, browser, fixtures().rewards.couponMember.email);
  await page.goto("/me/coupons");
  await expect(page.getByRole("heading", { name: "Mis cupones" })).toBeVisible();
  const shown = page.getByTestId("my-coupon").filter({ hasText: "Postre de regalo e2e" });
  await expect(shown).toHaveAttribute("data-status", "issued");
  await expect(shown.getByRole("img", { name: /Código QR del cupón LZ-/ }).locator("svg")).toBeVisible();
  await expect(shown.getByTestId("coupon-code")).toHaveText(/^LZ-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
  fs.mkdirSync("test-results/screens/rewards", { recursive: true });
  await page.screenshot({ path: "test-results/screens/rewards/me-coupons-es-phone.png", fullPage: true });
});
