import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { api, unique } from "../api/api-client";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

/**
 * Issue 7's acceptance journey at the counter, through the real UI: the
 * cashier signs in, picks a store, finds a member by phone, records a sale
 * with its preview, checks the panel against the API, redeems a coupon,
 * takes part of the sale back, and the end of day adds it all up.
 *
 * It works at Polanco, staff@demo's second store, which no other suite sells
 * at, and compares the end of day before and after, so the numbers are exact.
 */

const STORE = "Polanco";
const SALE = 250;
const RETURNED = 100;

type ApiBalance = { available: number; pending: number };
type ApiHistory = { data: { id: number; kind: string; points: number; availableDelta: number; orderRef?: string | null }[] };

const desk = (page: Page) => page.getByRole("navigation", { name: "Tareas del mostrador" });

async function apiBalance(request: APIRequestContext, memberId: string): Promise<ApiBalance> {
  const response = await api(request).get(`/api/v1/members/${memberId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { balance: ApiBalance }).balance;
}

/** A number as the page prints it ("1,234", "US$250.00", "−100", "+50"): its digits, signed. */
const numberIn = (text: string) => Number(text.replace(/[−–]/g, "-").replace(/[^\d-]/g, "")) || 0;

/** The end of day's columns, in the table's (and the CSV's) order. */
const COLUMNS = ["purchases", "purchaseAmount", "pointsIssued", "redemptions", "pointsRedeemed", "couponsRedeemed", "returns", "returnAmount", "pointsReversed", "clawbackPoints", "adjustments", "pointsAdjusted", "netPoints"] as const;
type Day = Record<(typeof COLUMNS)[number], number>;
const ZERO = Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Day;

async function rowNumbers(row: Locator): Promise<Day> {
  if ((await row.count()) === 0) return ZERO;
  const cells = await row.locator("td").allInnerTexts();
  expect(cells).toHaveLength(COLUMNS.length);
  return Object.fromEntries(COLUMNS.map((c, i) => [c, numberIn(cells[i]!)])) as Day;
}

/** The end of day as the page shows it: the cashier's own row and the store's total (zeros when the day is empty). */
async function endOfDay(page: Page): Promise<{ mine: Day; total: Day }> {
  await desk(page).getByRole("link", { name: "Cierre del día" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Cierre del día · ${STORE}`);
  await expect(page.getByTestId("eod-stats")).toBeVisible();
  return { mine: await rowNumbers(page.getByTestId("eod-row").filter({ hasText: DEMO.staff })), total: await rowNumbers(page.getByTestId("eod-total-row")) };
}

async function findByPhone(page: Page, typed: string) {
  await desk(page).getByRole("link", { name: "Buscar socio" }).click();
  const box = page.getByRole("searchbox");
  await expect(box).toBeFocused();
  await box.fill("");
  await page.keyboard.type(typed);
  await page.keyboard.press("Enter");
}

/** The panel's activity, newest first, as (entry id, kind, signed points). */
async function panelActivity(page: Page) {
  const entries = page.getByTestId("desk-activity").getByTestId("history-entry");
  return entries.evaluateAll((items) =>
    items.map((li) => ({
      id: Number(li.getAttribute("data-entry-id")),
      kind: li.getAttribute("data-kind"),
      points: li.querySelector('[data-testid="history-entry-points"]')?.textContent ?? "",
    })),
  );
}

test.beforeEach(async ({ context, baseURL }) => setLocaleCookie(context, baseURL, "es"));

test("acceptance: sign in, find by phone, sale with preview, panel = API, coupon, partial return, end of day adds up", async ({ page, request }) => {
  test.setTimeout(150_000);
  // A member of this test only, with a phone nobody else has.
  const phone = `55${String(Date.now()).slice(-4)}${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const name = `Renata Mostrador ${unique("r").slice(-5)}`;
  const created = await api(request).post("/api/v1/members", { externalId: unique("accept"), name, email: `${unique("accept")}@e2e.example`, phone });
  expect(created.status()).toBe(201);
  const memberId = ((await created.json()) as { id: string }).id;

  // 1. Sign in and pick the store: the cashier sees only their two stores.
  await signInAsUser(page, DEMO.staff);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Elige tu tienda");
  const stores = page.getByTestId("store-picker").getByRole("link");
  await expect(stores).toHaveCount(2);
  await stores.filter({ has: page.getByTestId("store-name").getByText(STORE, { exact: true }) }).click();
  await expect(page).toHaveURL(/\/staff\/[0-9a-f-]{36}$/);
  const storeId = new URL(page.url()).pathname.split("/")[2]!;
  await expect(page.getByTestId("current-store")).toContainText(STORE);
  const panelPath = `/staff/${storeId}/members/${memberId}`;

  const before = await endOfDay(page);

  // 2. Search by phone, typed as the member says it.
  await findByPhone(page, `${phone.slice(0, 2)} ${phone.slice(2, 6)}-${phone.slice(6)}`);
  await expect(page).toHaveURL(new RegExp(`${panelPath}$`));
  await expect(page.getByTestId("member-name")).toHaveText(name);
  await expect(page.getByTestId("points-available")).toHaveText("0");
  await expect(page.getByTestId("desk-activity")).toHaveCount(0);

  // 3. Record a purchase: the preview's points are what the receipt credits.
  await page.getByTestId("member-actions").getByRole("link", { name: "Registrar compra" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registrar compra");
  const orderId = unique("ACC");
  await expect(page.getByLabel("Referencia del ticket")).toBeFocused();
  await page.keyboard.type(orderId);
  await page.getByLabel(/^Importe total/).fill(`${SALE}.00`);
  await page.keyboard.press("Enter");
  const preview = page.getByTestId("purchase-preview");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("Reglas del plan");
  const previewPoints = numberIn(await page.getByTestId("preview-points").innerText());
  // The demo plan: one point per dollar.
  expect(previewPoints).toBe(SALE);
  await expect(page.getByTestId("preview-balance-after")).toContainText(`${SALE} disponibles`);
  await expect(page.getByTestId("confirm-purchase")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("purchase-receipt")).toBeVisible();
  await expect(page.getByTestId("receipt-order")).toHaveText(orderId);
  await expect(page.getByTestId("receipt-earned")).toHaveText(`+${previewPoints}`);
  await expect(page.getByTestId("receipt-balance")).toHaveText(String(previewPoints));
  expect((await apiBalance(request, memberId)).available).toBe(previewPoints);

  // 4. The panel: balance and activity, the same as the API's balance and history.
  await page.getByTestId("purchase-receipt").getByRole("link", { name: "Volver al socio" }).click();
  await expect(page).toHaveURL(new RegExp(`${panelPath}$`));
  await expect(page.getByTestId("points-available")).toHaveText(String(SALE));
  await expect(page.getByTestId("points-pending")).toHaveText("0");
  const sale = page.getByTestId("history-entry").first();
  await expect(sale).toHaveAttribute("data-kind", "earn");
  await expect(sale.getByTestId("history-entry-points")).toHaveText(`+${SALE}`);
  await expect(sale).toContainText(orderId);
  await expect(sale).toContainText(STORE);
  const api1 = await apiBalance(request, memberId);
  expect(api1).toMatchObject({ available: SALE, pending: 0 });
  const history1 = ((await (await api(request).get(`/api/v1/members/${memberId}/history`)).json()) as ApiHistory).data;
  expect(await panelActivity(page)).toEqual(history1.map((e) => ({ id: e.id, kind: e.kind, points: `+${e.points}` })));
  expect(history1).toMatchObject([{ kind: "earn", points: SALE, orderRef: orderId }]);

  // 5. The member takes a reward as a coupon to hand over ("$5 de descuento", 100 pts)…
  await page.getByTestId("member-actions").getByRole("link", { name: "Canjear" }).click();
  await expect(page.getByTestId("balance-available")).toHaveText(String(SALE));
  const reward = page.getByTestId("reward-option").filter({ hasText: "$5 de descuento" });
  await expect(reward).toContainText("100 pts");
  await reward.click();
  await expect(page.getByTestId("reward-confirm")).toBeVisible();
  await page.getByLabel("Entregar el cupón").check();
  await page.getByTestId("reward-confirm-button").click();
  await expect(page.getByTestId("reward-done")).toHaveAttribute("data-used", "false");
  const code = (await page.getByTestId("issued-code").innerText()).trim();
  expect(code).toMatch(/^LZ-/);
  await expect(page.getByTestId("balance-available")).toHaveText(String(SALE - 100));
  // …which the panel lists among what they can use now.
  await page.getByRole("link", { name: "Volver al socio" }).first().click();
  await expect(page.getByTestId("member-coupons")).toContainText(code);
  await expect(page.getByTestId("points-available")).toHaveText(String(SALE - 100));

  // 6. …and redeems it at the Cupones tab, typed or scanned.
  await desk(page).getByRole("link", { name: "Cupones" }).click();
  await expect(page.getByLabel("Código del cupón")).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("coupon-card")).toHaveAttribute("data-status", "issued");
  await expect(page.getByTestId("coupon-reward")).toContainText("$5 de descuento");
  await page.getByTestId("coupon-redeem").click();
  await expect(page.getByTestId("coupon-redeemed")).toContainText("Cupón canjeado");
  await expect(page.getByTestId("coupon-card")).toHaveAttribute("data-status", "redeemed");

  // 7. A partial return by the order reference: the preview shows the points reversed, then confirm.
  await desk(page).getByRole("link", { name: "Devoluciones" }).click();
  await expect(page.getByLabel("Referencia del ticket")).toBeFocused();
  await page.keyboard.type(orderId);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("return-purchase")).toContainText(orderId);
  await page.getByLabel("Un importe").check();
  await page.getByLabel(/^Importe a devolver/).fill(String(RETURNED));
  await page.getByTestId("preview-return").click();
  await expect(page.getByTestId("preview-reversed")).toHaveText(`−${RETURNED}`);
  expect(numberIn(await page.getByTestId("preview-refund").innerText())).toBe(RETURNED * 100);
  await expect(page.getByTestId("return-balance-after")).toContainText(`${SALE - 100 - RETURNED} disponibles`);
  await expect(page.getByTestId("preview-clawback")).toHaveCount(0);
  expect((await apiBalance(request, memberId)).available).toBe(SALE - 100);
  await expect(page.getByTestId("confirm-return")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("return-receipt")).toBeVisible();
  await expect(page.getByTestId("receipt-reversed")).toHaveText(`−${RETURNED}`);
  await expect(page.getByTestId("receipt-balance")).toHaveText(String(SALE - 100 - RETURNED));
  expect((await apiBalance(request, memberId)).available).toBe(SALE - 100 - RETURNED);

  // The panel again, found by phone: balance and history agree with the API, newest first.
  await findByPhone(page, phone);
  await expect(page).toHaveURL(new RegExp(`${panelPath}$`));
  await expect(page.getByTestId("points-available")).toHaveText(String(SALE - 100 - RETURNED));
  await expect(page.getByTestId("member-panel").getByText(code)).toHaveCount(0);
  const history2 = ((await (await api(request).get(`/api/v1/members/${memberId}/history`)).json()) as ApiHistory).data;
  expect(history2.map((e) => [e.kind, e.availableDelta])).toEqual([
    ["reverse", -RETURNED],
    ["redeem", -100],
    ["earn", SALE],
  ]);
  const signed = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);
  expect(await panelActivity(page)).toEqual(history2.map((e) => ({ id: e.id, kind: e.kind, points: signed(e.availableDelta) })));
  await expect(page.getByTestId("history-entry").first()).toContainText(orderId);
  expect(await apiBalance(request, memberId)).toMatchObject({ available: SALE - 100 - RETURNED, pending: 0 });

  // 8. The end of day shows all of it, for this cashier and for the store.
  const after = await endOfDay(page);
  const expected: Day = {
    ...ZERO,
    purchases: 1,
    purchaseAmount: SALE * 100,
    pointsIssued: SALE,
    redemptions: 1,
    pointsRedeemed: 100,
    couponsRedeemed: 1,
    returns: 1,
    returnAmount: RETURNED * 100,
    pointsReversed: RETURNED,
    netPoints: SALE - 100 - RETURNED,
  };
  const delta = (a: Day, b: Day) => Object.fromEntries(COLUMNS.map((c) => [c, a[c] - b[c]]));
  expect(delta(after.mine, before.mine)).toEqual(expected);
  expect(delta(after.total, before.total)).toEqual(expected);
  await expect(page.getByTestId("eod-row").filter({ hasText: DEMO.staff })).toBeVisible();
  // The cards say the same as the table's total.
  expect(numberIn(await page.getByTestId("eod-purchases").locator("p").nth(1).innerText())).toBe(after.total.purchases);
  expect(numberIn(await page.getByTestId("eod-issued").locator("p").nth(1).innerText())).toBe(after.total.pointsIssued);
  expect(numberIn(await page.getByTestId("eod-redemptions").locator("p").nth(1).innerText())).toBe(after.total.redemptions);
  expect(numberIn(await page.getByTestId("eod-returns").locator("p").nth(1).innerText())).toBe(after.total.returns);
  expect(numberIn(await page.getByTestId("eod-net").locator("p").nth(1).innerText())).toBe(after.total.netPoints);

  // And the CSV for reconciliation has the same totals as the page.
  const date = await page.getByTestId("eod-date").inputValue();
  const csv = await page.request.get(`/staff/${storeId}/end-of-day/csv?date=${date}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(","));
  const header = lines[0]!;
  const col = (line: string[], name: string) => Number(line[header.indexOf(name)]);
  const mine = lines.find((l) => l[2] === DEMO.staff)!;
  const total = lines.at(-1)!;
  expect(total[2]).toBe("TOTAL");
  for (const [line, shown] of [[mine, after.mine], [total, after.total]] as const) {
    expect(col(line, "purchases")).toBe(shown.purchases);
    expect(Math.round(col(line, "purchaseAmount_USD") * 100)).toBe(shown.purchaseAmount);
    expect(col(line, "pointsIssued")).toBe(shown.pointsIssued);
    expect(col(line, "redemptions")).toBe(shown.redemptions);
    expect(col(line, "couponsRedeemed")).toBe(shown.couponsRedeemed);
    expect(col(line, "returns")).toBe(shown.returns);
    expect(col(line, "pointsReversed")).toBe(shown.pointsReversed);
    expect(col(line, "netPoints")).toBe(shown.netPoints);
  }
  await page.screenshot({ path: "test-results/screens/desk-accept/end-of-day.png", fullPage: true });
});
