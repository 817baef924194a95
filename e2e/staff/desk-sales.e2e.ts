import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { api, memberWithPurchase, unique } from "../api/api-client";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

/** The demo program (USD, one point per dollar), the cashier's store X (staff@demo works there). */
const storeX = (): string => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { stores: { x: string } }).stores.x;

async function newMember(request: APIRequestContext): Promise<string> {
  const member = await (await api(request).post("/api/v1/members", { externalId: unique("desk") })).json();
  return member.id as string;
}

async function availableOf(request: APIRequestContext, memberId: string): Promise<number> {
  return ((await (await api(request).get(`/api/v1/members/${memberId}`)).json()) as { balance: { available: number } }).balance.available;
}

async function typePurchase(page: Page, orderId: string, amount: string) {
  await expect(page.getByLabel("Referencia del ticket")).toBeFocused();
  await page.keyboard.type(orderId);
  await page.getByLabel(/^Importe total/).fill(amount);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("purchase-preview")).toBeVisible();
}

test.describe("desk sales: purchases, returns and adjustments", () => {
  test.beforeEach(async ({ context, baseURL }) => setLocaleCookie(context, baseURL, "es"));

  test("records a purchase with a preview of the points and rules, then a receipt that matches the balance", async ({ page, request }) => {
    const memberId = await newMember(request);
    await signInAsUser(page, DEMO.staff, undefined, `/staff/${storeX()}/members/${memberId}/purchase`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registrar compra");
    const orderId = unique("DESK");
    await typePurchase(page, orderId, "123.45");
    await expect(page.getByTestId("preview-points")).toHaveText("123");
    // The live plan's rules are listed, each saying whether it applies and why not (or that there are none).
    await expect(page.getByTestId("purchase-preview")).toContainText("Reglas del plan");
    await expect(page.getByTestId("confirm-purchase")).toBeFocused();
    await page.keyboard.press("Enter");
    const receipt = page.getByTestId("purchase-receipt");
    await expect(receipt).toBeVisible();
    await expect(page.getByTestId("receipt-order")).toHaveText(orderId);
    await expect(page.getByTestId("receipt-earned")).toHaveText("+123");
    const shown = Number((await page.getByTestId("receipt-balance").innerText()).replace(/\D/g, ""));
    expect(shown).toBe(await availableOf(request, memberId));
    expect(shown).toBe(123);
  });

  test("credits a double-submitted purchase once, and refuses the reference for another amount", async ({ page, request }) => {
    const memberId = await newMember(request);
    await signInAsUser(page, DEMO.staff, undefined, `/staff/${storeX()}/members/${memberId}/purchase`);
    const orderId = unique("DBL");
    await typePurchase(page, orderId, "50");
    await page.getByTestId("confirm-purchase").dblclick();
    await expect(page.getByTestId("purchase-receipt")).toBeVisible();
    // The same ticket again (a retry after a network error): the first result, nothing credited twice.
    await page.getByTestId("another-purchase").click();
    await typePurchase(page, orderId, "50");
    await expect(page.getByTestId("already-recorded")).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("receipt-replayed")).toBeVisible();
    expect(await availableOf(request, memberId)).toBe(50);
    // One ledger entry for the ticket, not two: the member's whole history is that single earn.
    const history = (await (await api(request).get(`/api/v1/members/${memberId}/history`)).json()) as { data: { kind: string; points: number; orderRef?: string | null }[] };
    expect(history.data).toHaveLength(1);
    expect(history.data[0]).toMatchObject({ kind: "earn", points: 50, orderRef: orderId });
    // The same reference with a different amount is refused before confirming.
    await page.getByTestId("another-purchase").click();
    await page.keyboard.type(orderId);
    await page.getByLabel(/^Importe total/).fill("70");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("orderId-error")).toContainText("ya se usó");
    expect(await availableOf(request, memberId)).toBe(50);
  });

  test("processes a partial return by order reference with a preview, then the rest", async ({ page, request }) => {
    const { memberId, orderId } = await memberWithPurchase(request, 100);
    expect(await availableOf(request, memberId)).toBe(100);
    await signInAsUser(page, DEMO.staff, undefined, `/staff/${storeX()}/returns`);
    await expect(page.getByLabel("Referencia del ticket")).toBeFocused();
    await page.keyboard.type(orderId);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("return-purchase")).toContainText(orderId);
    await page.getByLabel("Un importe").check();
    await page.getByLabel(/^Importe a devolver/).fill("30");
    await page.getByTestId("preview-return").click();
    await expect(page.getByTestId("preview-reversed")).toHaveText("−30");
    await expect(page.getByTestId("return-balance-after")).toContainText("70 disponibles");
    // Esc goes back to the choice without recording anything.
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("return-form")).toBeVisible();
    expect(await availableOf(request, memberId)).toBe(100);
    await page.getByTestId("preview-return").click();
    await expect(page.getByTestId("confirm-return")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("receipt-reversed")).toHaveText("−30");
    expect(await availableOf(request, memberId)).toBe(70);
    // The rest of it: never more than the purchase earned.
    await page.getByTestId("another-return").click();
    await page.keyboard.type(orderId);
    await page.keyboard.press("Enter");
    await page.getByLabel(/^Todo lo que queda/).check();
    await page.getByTestId("preview-return").click();
    await expect(page.getByTestId("preview-reversed")).toHaveText("−70");
    await page.getByTestId("confirm-return").click();
    await expect(page.getByTestId("return-receipt")).toContainText("Devuelta completa");
    expect(await availableOf(request, memberId)).toBe(0);
  });

  test("refuses adjustments to the plain cashier; the admin adjusts with a required reason", async ({ page, browser, baseURL, request }) => {
    const memberId = await newMember(request);
    const path = `/staff/${storeX()}/members/${memberId}/adjust`;
    await signInAsUser(page, DEMO.staff, undefined, path);
    await expect(page.getByTestId("desk-refusal")).toContainText("Necesitas el permiso de ajustes");
    await expect(page.getByTestId("desk-adjust-form")).toHaveCount(0);

    const admin = await browser.newContext({ baseURL });
    await setLocaleCookie(admin, baseURL, "es");
    const adminPage = await admin.newPage();
    await signInAsUser(adminPage, DEMO.admin, undefined, path);
    await expect(adminPage.getByLabel("Puntos")).toBeFocused();
    await adminPage.keyboard.type("25");
    await adminPage.keyboard.press("Enter");
    await expect(adminPage.getByTestId("reason-error")).toContainText("motivo");
    expect(await availableOf(request, memberId)).toBe(0);
    await adminPage.getByLabel("Motivo").fill("Ticket no registrado");
    await adminPage.getByRole("button", { name: "Aplicar ajuste" }).click();
    await expect(adminPage.getByTestId("form-message")).toContainText("+25");
    expect(await availableOf(request, memberId)).toBe(25);
    // Below zero is refused.
    await adminPage.getByLabel("Puntos").fill("-26");
    await adminPage.getByLabel("Motivo").fill("Corrección");
    await adminPage.getByRole("button", { name: "Aplicar ajuste" }).click();
    await expect(adminPage.getByTestId("points-error")).toContainText("25");
    expect(await availableOf(request, memberId)).toBe(25);
    await admin.close();
  });
});
