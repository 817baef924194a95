import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { cardTokenKey, signCardToken } from "../../lib/auth/member-card-token";
import { api, unique } from "../api/api-client";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

type DeskFixtures = { programs: { demo: string }; stores: { x: string }; members: Record<"a" | "b", { id: string; email: string }> };
const fixtures = (): DeskFixtures => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as DeskFixtures;
/** The server's AUTH_SECRET (playwright.config.ts), from which the card-token key derives. */
const secret = () => process.env.AUTH_SECRET || "lazo-e2e-only-secret-0123456789abcdef";

const searchBox = (page: Page) => page.getByRole("searchbox");
const panelUrl = (memberId: string) => new RegExp(`/staff/${fixtures().stores.x}/members/${memberId}$`);

async function openDesk(page: Page) {
  await page.goto(`/staff/${fixtures().stores.x}`);
  await expect(searchBox(page)).toBeFocused();
}

/** Types like a cashier (or a USB scanner): the text, then Enter. */
async function typeAndEnter(page: Page, text: string) {
  await searchBox(page).fill("");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

test.describe("desk: find a member", () => {
  test.beforeEach(async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.staff);
  });

  test("a phone number, typed any way, opens the member's panel", async ({ page, request }) => {
    const phone = `55${String(Date.now()).slice(-8)}`;
    const member = await (await api(request).post("/api/v1/members", { externalId: unique("desk"), name: "Fabiola Teléfono", email: `${unique("tel")}@e2e.example`, phone })).json();
    await openDesk(page);
    await typeAndEnter(page, `${phone.slice(0, 2)} ${phone.slice(2, 6)}-${phone.slice(6)}`);
    await expect(page).toHaveURL(panelUrl(member.id));
    await expect(page.getByTestId("member-name")).toHaveText("Fabiola Teléfono");
    await expect(page.getByTestId("points-available")).toHaveText("0");
    const actions = page.getByTestId("member-actions");
    await expect(actions.getByRole("link", { name: "Registrar compra" })).toHaveAttribute("href", `/staff/${fixtures().stores.x}/members/${member.id}/purchase`);
    await expect(actions.getByRole("link", { name: "Canjear" })).toHaveAttribute("href", `/staff/${fixtures().stores.x}/members/${member.id}/redeem`);
    // The demo cashier has no points:adjust.
    await expect(actions.getByRole("link", { name: "Ajustar puntos" })).toHaveCount(0);
  });

  test("a card number goes straight to the panel, with points, activity and rewards", async ({ page, request }) => {
    const alicia = await (await api(request).get(`/api/v1/members/${fixtures().members.a.id}`)).json();
    await openDesk(page);
    await typeAndEnter(page, alicia.cardNumber);
    await expect(page).toHaveURL(panelUrl(alicia.id));
    await expect(page.getByTestId("member-name")).toHaveText("Alicia Alfa");
    await expect(page.getByTestId("member-card")).toHaveText(alicia.cardNumber.replace(/(\d{4})(?=\d)/g, "$1 "));
    await expect(page.getByTestId("points-available")).toHaveText(/1[.,]?200/);
    await expect(page.getByTestId("desk-activity").getByTestId("history-entry").first()).toContainText("Bienvenida e2e");
    await expect(page.getByTestId("member-rewards").locator('[data-affordable="true"]').first()).toBeVisible();
  });

  test("a name with a typo lists the closest first; arrows and Enter open it", async ({ page, request }) => {
    const tag = unique("fz");
    const quiroga = await (await api(request).post("/api/v1/members", { externalId: unique("desk"), name: "Zenobia Quiroga", email: `${tag}-1@e2e.example` })).json();
    await api(request).post("/api/v1/members", { externalId: unique("desk"), name: "Zenobia Quintero", email: `${tag}-2@e2e.example` });
    await openDesk(page);
    await typeAndEnter(page, "Zenobya Quiroga");
    const rows = page.getByTestId("desk-result");
    await expect(rows.first()).toContainText("Zenobia Quiroga");
    await expect(page.getByTestId("desk-results")).toContainText("Zenobia Quintero");
    // The text stays in the box, selected, so the next scan replaces it.
    await expect(searchBox(page)).toHaveValue("Zenobya Quiroga");
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(rows.first()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(panelUrl(quiroga.id));
  });

  test("a scanned member QR (typed by a USB scanner) opens the panel; a stale one is explained", async ({ page }) => {
    const { programs, members } = fixtures();
    const key = cardTokenKey(secret());
    const fresh = signCardToken(key, { programId: programs.demo, memberId: members.b.id, now: new Date() }).token;
    await openDesk(page);
    await typeAndEnter(page, fresh);
    await expect(page).toHaveURL(panelUrl(members.b.id));
    await expect(page.getByTestId("member-name")).toHaveText("Bruno Beta");

    const stale = signCardToken(key, { programId: programs.demo, memberId: members.b.id, now: new Date(Date.now() - 10 * 60_000) }).token;
    await openDesk(page);
    await typeAndEnter(page, stale);
    await expect(page.getByTestId("token-refused")).toContainText("Este código de tarjeta ya venció");
  });

  test("nobody found: enrol on the spot, with the terms required, then the panel", async ({ page }) => {
    await openDesk(page);
    await typeAndEnter(page, "xochiquetzal wbrzyk");
    await expect(page.getByTestId("no-results")).toContainText("No encontramos a nadie con «xochiquetzal wbrzyk»");
    await page.getByTestId("no-results").getByTestId("enrol-link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inscribir socio");
    await expect(page.getByLabel("Nombre completo")).toHaveValue("Xochiquetzal Wbrzyk");

    const email = `${unique("new")}@e2e.example`;
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel(/^Teléfono/).fill("55 8765 4321");
    await page.getByRole("button", { name: "Inscribir socio" }).click();
    await expect(page.getByTestId("terms-error")).toHaveText("El socio debe aceptar los términos para inscribirse.");
    await expect(page.getByLabel("Correo electrónico")).toHaveValue(email);

    await page.getByTestId("consent-terms").check();
    await page.getByTestId("consent-marketing").check();
    await page.getByRole("button", { name: "Inscribir socio" }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/${fixtures().stores.x}/members/[0-9a-f-]{36}\\?enrolled=1$`));
    await expect(page.getByTestId("enrolled-banner")).toBeVisible();
    await expect(page.getByTestId("member-name")).toHaveText("Xochiquetzal Wbrzyk");
    await expect(page.getByTestId("desk-activity")).toHaveCount(0);

    // Found at once by the email; enrolling the same email again points to the existing member.
    await openDesk(page);
    await typeAndEnter(page, email);
    await expect(page.getByTestId("member-name")).toHaveText("Xochiquetzal Wbrzyk");
  });

  test("keyboard first: focus in the box, Enter searches, Esc clears, Esc leaves the panel", async ({ page }) => {
    await openDesk(page);
    await page.keyboard.type("Alicia Alfa");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?q=Alicia\+Alfa|\?q=Alicia%20Alfa/);
    await expect(page.getByTestId("desk-result").first()).toContainText("Alicia Alfa");
    await page.keyboard.press("Escape");
    await expect(searchBox(page)).toHaveValue("");
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(new RegExp(`/staff/${fixtures().stores.x}$`));
    await expect(page.getByTestId("desk-results")).toHaveCount(0);

    await typeAndEnter(page, fixtures().members.a.email);
    await expect(page.getByTestId("member-panel")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(new RegExp(`/staff/${fixtures().stores.x}$`));
    await expect(searchBox(page)).toBeFocused();
  });

  test("the scanner explains when there is no camera, and closes on Esc", async ({ page }) => {
    await openDesk(page);
    await page.getByTestId("open-scanner").click();
    const dialog = page.getByTestId("barcode-scanner");
    await expect(dialog).toBeVisible();
    // Headless Chromium has no camera: a clear message instead of a black box.
    await expect(dialog.getByTestId("scanner-problem")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });
});

test.describe("desk: in English", () => {
  test("search, panel and enrolment speak English", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await signInAsUser(page, DEMO.staff);
    await openDesk(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find a member");
    await typeAndEnter(page, fixtures().members.a.email);
    await expect(page.getByText("Available points")).toBeVisible();
    await expect(page.getByRole("link", { name: "Record purchase" })).toBeVisible();
    await page.goto(`/staff/${fixtures().stores.x}/members/new?q=${encodeURIComponent("someone@example.com")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enrol a member");
    await expect(page.getByLabel("Email")).toHaveValue("someone@example.com");
  });
});
