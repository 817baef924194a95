import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { api, unique } from "../api/api-client";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

/** The demo program (USD), the cashier's store X (staff@demo works there). */
const storeX = (): string => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { stores: { x: string } }).stores.x;

/** A fresh member with exactly `points` available, through the API. */
async function memberWith(request: APIRequestContext, points: number): Promise<string> {
  const client = api(request);
  const member = await (await client.post("/api/v1/members", { externalId: unique("redeem") })).json();
  expect((await client.post(`/api/v1/members/${member.id}/adjustments`, { points, reason: "Saldo de prueba" })).status()).toBe(201);
  return member.id as string;
}

async function balanceOf(request: APIRequestContext, memberId: string): Promise<{ available: number; held?: number }> {
  return ((await (await api(request).get(`/api/v1/members/${memberId}`)).json()) as { balance: { available: number; held?: number } }).balance;
}

/** A coupon for "$5 off", issued through the API as the portal would. */
async function issuedCoupon(request: APIRequestContext): Promise<string> {
  const memberId = await memberWith(request, 500);
  const rewards = (await (await api(request).get("/api/v1/rewards")).json()) as { data: { id: string; name: { en: string } }[] };
  const reward = rewards.data.find((r) => r.name.en === "$5 off")!;
  const redemption = await api(request).post("/api/v1/redemptions", { memberId, rewardId: reward.id });
  expect(redemption.status()).toBe(201);
  return ((await redemption.json()) as { coupon: { code: string } }).coupon.code;
}

/** A number of the end of day's total row: its cells follow the CSV's columns after the person. */
const totalCell = async (page: Page, index: number) => Number((await page.getByTestId("eod-total-row").locator("td").nth(index).innerText()).replace(/[^\d-]/g, ""));

test.describe("desk redemption", () => {
  test.beforeEach(async ({ context, baseURL }) => setLocaleCookie(context, baseURL, "es"));

  test("redeems a coupon by code once; the second time is refused", async ({ page, request }) => {
    const code = await issuedCoupon(request);
    await signInAsUser(page, DEMO.staff, undefined, `/staff/${storeX()}/coupons`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Canjear cupón");
    const box = page.getByLabel("Código del cupón");
    await expect(box).toBeFocused();
    // Typed loosely, as a person would (a USB scanner types the exact code plus Enter the same way).
    await page.keyboard.type(code.toLowerCase().replace(/-/g, " "));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("coupon-card")).toHaveAttribute("data-status", "issued");
    await expect(page.getByTestId("coupon-status")).toHaveText("Vigente");
    await expect(page.getByTestId("coupon-redeem")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("coupon-redeemed")).toContainText("Cupón canjeado");
    await expect(page.getByTestId("coupon-card")).toHaveAttribute("data-status", "redeemed");

    await page.getByRole("button", { name: "Siguiente cupón" }).click();
    await expect(box).toBeFocused();
    await expect(box).toHaveValue("");
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("coupon-refused")).toHaveText("Este cupón ya fue canjeado.");
    await expect(page.getByTestId("coupon-used-at")).toContainText("en esta tienda");
    await expect(page.getByTestId("coupon-redeem")).toHaveCount(0);

    // Esc clears; an unknown code is "not found".
    await page.keyboard.press("Escape");
    await expect(box).toHaveValue("");
    await page.keyboard.type("LZ-22222-22223");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("coupon-refused")).toHaveAttribute("data-code", "coupon_not_found");
  });

  test("redeems a reward for a member and uses its coupon at once", async ({ page, request }) => {
    const memberId = await memberWith(request, 700);
    await signInAsUser(page, DEMO.staff, undefined, `/staff/${storeX()}/members/${memberId}/redeem`);
    await expect(page.getByTestId("balance-available")).toHaveText("700");
    const option = page.getByTestId("reward-option").filter({ hasNotText: "Le faltan" }).first();
    await expect(option).toBeFocused();
    const price = Number((await option.innerText()).match(/([\d,.]+)\s*pts/)![1]!.replace(/\D/g, ""));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("reward-confirm")).toBeVisible();
    await expect(page.getByLabel("Usar ahora en caja")).toBeChecked();
    await expect(page.getByTestId("reward-confirm-button")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("reward-done")).toHaveAttribute("data-used", "true");
    await expect(page.getByTestId("balance-available")).toHaveText(String(700 - price));
    expect((await balanceOf(request, memberId)).available).toBe(700 - price);
    // The coupon it issued is already used: the coupon box refuses it.
    const code = await page.getByTestId("issued-code").innerText();
    await page.goto(`/staff/${storeX()}/coupons`);
    await page.getByLabel("Código del cupón").fill(code);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("coupon-refused")).toHaveAttribute("data-code", "coupon_already_redeemed");
  });

  test("pays with points: hold then capture, hold then void, with the balance right after each", async ({ page, request }) => {
    const memberId = await memberWith(request, 300);
    await signInAsUser(page, DEMO.staff, undefined, `/staff/${storeX()}/members/${memberId}/redeem`);
    await page.getByRole("tab", { name: "Pagar con puntos" }).click();
    const points = page.getByLabel("Puntos a usar");
    await expect(points).toBeFocused();
    await page.keyboard.type("120");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("hold-points")).toContainText("120");
    await expect(page.getByTestId("balance-available")).toHaveText("180");
    await expect(page.getByTestId("balance-held")).toHaveText("120");
    await expect(page.getByTestId("hold-capture")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("hold-settled")).toHaveAttribute("data-status", "captured");
    await expect(page.getByTestId("balance-available")).toHaveText("180");
    await expect(page.getByTestId("balance-held")).toHaveText("0");
    expect((await balanceOf(request, memberId)).available).toBe(180);

    await page.getByRole("button", { name: "Nuevo pago con puntos" }).click();
    await page.getByLabel("Puntos a usar").fill("50");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("balance-available")).toHaveText("130");
    expect((await balanceOf(request, memberId)).available).toBe(130);
    await page.getByTestId("hold-void").click();
    await expect(page.getByTestId("hold-settled")).toHaveAttribute("data-status", "voided");
    await expect(page.getByTestId("balance-available")).toHaveText("180");
    await expect(page.getByTestId("balance-held")).toHaveText("0");
    expect((await balanceOf(request, memberId)).available).toBe(180);

    // More than the balance is refused with the balance, and nothing is held.
    await page.getByRole("button", { name: "Nuevo pago con puntos" }).click();
    await page.getByLabel("Puntos a usar").fill("999");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("amount-error")).toContainText("Saldo insuficiente", { timeout: 20_000 });
    expect((await balanceOf(request, memberId)).available).toBe(180);
  });

  test("end of day shows the store's activity, and the CSV has the same totals", async ({ page, request }) => {
    // Some activity at store X today: a coupon used at the counter.
    const code = await issuedCoupon(request);
    await signInAsUser(page, DEMO.staff, undefined, `/staff/${storeX()}/coupons`);
    await page.getByLabel("Código del cupón").fill(code);
    await page.keyboard.press("Enter");
    await page.getByTestId("coupon-redeem").click();
    await expect(page.getByTestId("coupon-redeemed")).toBeVisible();

    await page.getByRole("link", { name: "Cierre del día" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Cierre del día");
    await expect(page.getByTestId("eod-table")).toBeVisible();
    await expect(page.getByTestId("eod-row").filter({ hasText: DEMO.staff })).toBeVisible();
    const date = await page.getByTestId("eod-date").inputValue();
    // Other suites may work at store X meanwhile: compare the page and the CSV until one moment agrees.
    await expect
      .poll(async () => {
        await page.reload();
        const shown = { issued: await totalCell(page, 2), redemptions: await totalCell(page, 3), coupons: await totalCell(page, 5) };
        const csv = await page.request.get(`/staff/${storeX()}/end-of-day/csv?date=${date}`);
        expect(csv.headers()["content-type"]).toContain("text/csv");
        expect(csv.headers()["content-disposition"]).toContain(`${date}.csv`);
        const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
        const header = lines[0]!.split(",");
        const total = lines.at(-1)!.split(",");
        expect(total[2]).toBe("TOTAL");
        const col = (name: string) => Number(total[header.indexOf(name)]);
        return col("redemptions") === shown.redemptions && col("pointsIssued") === shown.issued && col("couponsRedeemed") === shown.coupons && shown.coupons >= 1;
      }, { timeout: 20_000 })
      .toBe(true);
  });

  test("prints only the report", async ({ page }) => {
    await signInAsUser(page, DEMO.staff, undefined, `/staff/${storeX()}/end-of-day`);
    await expect(page.getByTestId("eod-stats")).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("eod-print")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Tareas del mostrador" })).toBeHidden();
    await expect(page.getByTestId("eod-stats")).toBeVisible();
    await page.screenshot({ path: "test-results/desk-redeem-shots/end-of-day-print.png", fullPage: true });
  });

  test("a cashier cannot open another store's end of day", async ({ page }) => {
    const stores = JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { stores: { y: string } };
    await signInAsUser(page, DEMO.staff, undefined, "/staff");
    // staff@demo works at Centro Histórico and Polanco; store Y of the fixtures (Chapultepec) is not theirs.
    const csv = await page.request.get(`/staff/${stores.stores.y}/end-of-day/csv`);
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain("TOTAL");
    await page.goto(`/staff/${stores.stores.y}/end-of-day`);
    await expect(page.getByTestId("unknown-store")).toBeVisible();
    await expect(page.getByTestId("eod-stats")).toHaveCount(0);
  });
});
