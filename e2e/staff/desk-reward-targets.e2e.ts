import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PASSWORD, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

/**
 * The redeem screen says what a reward is valid on, so the cashier applies it
 * to the right line. The plans program's cashier, store, member (Tania) and
 * targeted rewards come from scripts/e2e-setup.ts.
 */
type Fixtures = { stores: { plans: string }; members: Record<"t", { id: string }> };
const fixtures = () => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;
const SHOTS = "test-results/screens/desk-reward-targets";
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

test("the cashier sees what each reward is valid on before confirming it", async ({ page, context, baseURL }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const { stores, members } = fixtures();
  const path = `/staff/${stores.plans}/members/${members.t.id}/redeem`;
  await setLocaleCookie(context, baseURL, "es");
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsUser(page, "staff-plans@e2e.example", E2E_PASSWORD, path);
  const footwear = page.getByTestId("reward-option").filter({ hasText: "20% en calzado" });
  await expect(footwear.getByTestId("reward-target")).toHaveText("Válido en: Calzado");
  await expect(page.getByTestId("reward-option").filter({ hasText: "Café de regalo" }).getByTestId("reward-target")).toHaveText("Válido en: Café de Chiapas 250 g (SKU TGT-CAFE-250)");
  await shot(page, "options-es");
  await footwear.click();
  const confirm = page.getByTestId("reward-confirm");
  await expect(confirm.getByTestId("reward-target")).toHaveText("Válido en: Calzado");
  await shot(page, "confirm-es");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("reward-confirm")).toHaveCount(0);

  await setLocaleCookie(context, baseURL, "en");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(path);
  await expect(page.getByTestId("reward-option").filter({ hasText: "20% off footwear" }).getByTestId("reward-target")).toHaveText("Valid on: Calzado");
  await shot(page, "options-en-phone");
});
