import fs from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { E2E_PASSWORD, signInAsUser } from "../support/auth";
import { setLocaleCookie, type UiLocale } from "../support/locale";
import { readLatestCode } from "../support/outbox";

/*
 * An offer campaign from the console to the member's phone. It runs in the
 * "plans" program (scripts/e2e-setup.ts), not the demo one: its segment and
 * campaign would otherwise show up in suites that read the demo program's
 * lists, and its audience is only the members this test creates.
 */
const SCREENS = "test-results/screens/inbox";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const MARKETER = "marketer-plans@e2e.example";
const ADMIN = "admin-plans@e2e.example";
const run = Date.now().toString(36);
const REWARD = { es: `Descuento de $50 ${run}`, en: `$50 off ${run}` };

type Fixtures = { api: { plansKey: string } };
const plansKey = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures).api.plansKey;
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });

async function createMember(request: APIRequestContext, who: { key: string; name: string; birthday: string }) {
  const email = `offer.${who.key}.${run}@example.com`;
  const response = await request.post("/api/v1/members", {
    headers: { Authorization: `Bearer ${plansKey()}`, "Idempotency-Key": `offer-${who.key}-${run}` },
    data: { externalId: `OFFER-${who.key}-${run}`, email, name: who.name, birthday: who.birthday, consents: { terms: true, marketing: true } },
  });
  expect(response.status()).toBe(201);
  return email;
}

/** A member of the plans program signs in with a mailed code, read from that program's outbox by its admin. */
async function signInMember(browser: Browser, admin: BrowserContext, baseURL: string, email: string, locale: UiLocale): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL, locale: locale === "es" ? "es-MX" : "en-US" });
  await setLocaleCookie(context, baseURL, locale);
  const page = await context.newPage();
  await page.goto("/me/sign-in?program=plans");
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(email);
  await page.getByRole("button", { name: /^(Enviarme un código|Send me a code)$/ }).click();
  await page.waitForURL(/\/me\/verify/);
  await page.getByLabel(/^(Código de 6 dígitos|6-digit code)$/).fill(await readLatestCode(admin, email));
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname === "/me");
  return page;
}

/** The value of the option of `select` whose text contains `text`. */
async function optionValue(select: Locator, text: string): Promise<string> {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  expect(value, `an option "${text}"`).toBeTruthy();
  return value!;
}

const tabBadge = (page: Page) => page.getByTestId("portal-tab-bar").getByTestId("inbox-badge");

test.describe.configure({ mode: "serial" });

test("a marketer launches an offer to a segment; its members find it in their inbox and coupons, nobody else does", async ({ browser, baseURL, request }) => {
  test.setTimeout(300_000);
  fs.mkdirSync(SCREENS, { recursive: true });
  const inside = [await createMember(request, { key: "ines", name: "Inés Oferta", birthday: "1990-02-14" }), await createMember(request, { key: "owen", name: "Owen Offer", birthday: "1988-02-03" })];
  const outside = await createMember(request, { key: "omar", name: "Omar Fuera", birthday: "1990-09-10" });

  const admin = await browser.newContext({ baseURL });
  await signInAsUser(await admin.newPage(), ADMIN, E2E_PASSWORD);
  const consoleContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await setLocaleCookie(consoleContext, baseURL, "es");
  const desk = await consoleContext.newPage();

  // The reward the offer gives: a $50 discount.
  await signInAsUser(desk, MARKETER, E2E_PASSWORD, "/console/rewards/new");
  const rewardForm = desk.getByTestId("reward-form");
  await rewardForm.getByLabel("Tipo", { exact: true }).selectOption("amount_discount");
  await rewardForm.getByLabel("Nombre en español").fill(REWARD.es);
  await rewardForm.getByLabel("Nombre en inglés").fill(REWARD.en);
  await rewardForm.getByLabel(/^Monto del descuento/).fill("50");
  await rewardForm.getByLabel("Precio en puntos").fill("500");
  await rewardForm.getByRole("button", { name: "Crear recompensa" }).click();
  await desk.waitForURL((url) => !url.pathname.endsWith("/new"));

  // The segment: members born in February (only this test's two in this program).
  await desk.goto("/console/segments/new");
  await desk.getByLabel("Nombre del segmento").fill(`Febrero ${run}`);
  await desk.getByTestId("segment-group").first().getByLabel("Agregar condición").last().selectOption("birthdayMonth");
  await desk.getByTestId("segment-condition").first().getByLabel("Feb", { exact: true }).check();
  const preview = desk.getByTestId("segment-preview");
  await expect(preview).toHaveAttribute("data-pending", "false", { timeout: 30_000 });
  await expect(preview.getByTestId("segment-preview-count")).toHaveAttribute("data-count", "2");
  await desk.getByRole("button", { name: "Guardar segmento" }).click();
  await desk.waitForURL(/\/console\/segments\?saved=/);

  // The offer campaign: the reward from the catalog, to that segment, by inbox and email.
  await desk.goto("/console/campaigns/new");
  await desk.getByLabel("Nombre", { exact: true }).fill(`Oferta ${run}`);
  await desk.getByLabel("Tipo de campaña").selectOption("offer");
  const segment = desk.getByLabel("Segmento", { exact: true });
  await segment.selectOption(await optionValue(segment, `Febrero ${run}`));
  const reward = desk.getByLabel("Recompensa", { exact: true });
  await reward.selectOption(await optionValue(reward, REWARD.es));
  await expect(desk.getByTestId("offer-value")).toContainText("50");
  await desk.getByLabel("Grupo de control (%)").fill("0");
  await desk.getByLabel(/^Máximo de cupones/).fill("10");
  await desk.getByLabel("Asunto (español)").fill("{name}, un regalo para ti");
  await desk.getByLabel("Texto (español)").fill("Te regalamos un {reward}. Muestra el código {code} en caja.");
  await desk.getByLabel("Asunto (inglés)").fill("{name}, a gift for you");
  await desk.getByLabel("Texto (inglés)").fill("Here is a {reward}. Show the code {code} at the counter.");
  await expect(desk.getByTestId("preview-es")).toContainText(`Te regalamos un ${REWARD.es}. Muestra el código LZ-`);
  await shot(desk, "console-offer-form-es");
  await desk.getByRole("button", { name: "Guardar borrador" }).click();
  await desk.waitForURL(/\/console\/campaigns\/[0-9a-f-]+\?saved=1/);
  const campaignUrl = desk.url().replace(/\?.*$/, "");
  await desk.getByRole("button", { name: "Activar" }).click();
  await expect(desk.getByTestId("campaign-status")).toHaveText("Activa");
  // Activating launches the sweep; the page follows its progress until it ends.
  const progress = desk.getByTestId("run-progress");
  await expect(progress).toHaveAttribute("data-state", "finished", { timeout: 60_000 });
  await expect(progress.getByTestId("run-progress-count")).toHaveText("2 de 2 socios");
  await desk.reload();
  await expect(desk.getByTestId("arm-treatment-offers-issued")).toHaveText("2");
  await expect(desk.getByTestId("campaign-budget")).toContainText("2 de 10 cupones");
  // Running it again issues nothing new.
  await desk.getByRole("button", { name: "Ejecutar ahora" }).click();
  await expect(desk.locator("#run-message")).toContainText("Nadie nuevo premiado");
  await expect(progress.getByTestId("run-progress-count")).toHaveText("2 de 2 socios");
  await shot(desk, "console-offer-es");

  // Inés (Spanish), on her phone: the badge, the offer, its coupon.
  const ines = await signInMember(browser, admin, baseURL!, inside[0]!, "es");
  await expect(tabBadge(ines)).toHaveText("1");
  await ines.getByTestId("portal-tab-bar").getByRole("link", { name: /Buzón/ }).click();
  await ines.waitForURL(/\/me\/inbox$/);
  const message = ines.getByTestId("inbox-message");
  await expect(message).toHaveCount(1);
  await expect(message).toHaveAttribute("data-unread", "true");
  await expect(message).toHaveAttribute("data-kind", "offer");
  await expect(message.getByTestId("inbox-title")).toHaveText("Inés Oferta, un regalo para ti");
  await expect(ines.getByTestId("inbox-summary")).toHaveText("Tienes 1 mensaje sin leer");
  await shot(ines, "inbox-unread-es");
  await message.locator("summary").click();
  const code = (await message.getByTestId("inbox-coupon-code").innerText()).replace(/^Código:\s*/, "").trim();
  expect(code).toMatch(/^LZ-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  await expect(message.getByTestId("inbox-body")).toHaveText(`Te regalamos un ${REWARD.es}. Muestra el código ${code} en caja.`);
  await expect(message).toHaveAttribute("data-unread", "false");
  await expect(tabBadge(ines)).toHaveCount(0);
  await test.step("axe on a full inbox (es)", () => expectNoSeriousA11yViolations(ines));
  await shot(ines, "inbox-open-es");
  await ines.reload();
  await expect(ines.getByTestId("inbox-summary")).toHaveText("Todo leído");
  await expect(tabBadge(ines)).toHaveCount(0);
  await ines.getByTestId("inbox-message").locator("summary").click();
  await ines.getByTestId("inbox-coupon-link").click();
  await ines.waitForURL(/\/me\/coupons$/);
  await expect(ines.getByTestId("my-coupon").filter({ hasText: code })).toContainText(REWARD.es);

  // The offer's email carries the same coupon.
  const outbox = await admin.newPage();
  await outbox.goto("/console/settings/outbox");
  await expect(outbox.getByTestId("outbox-mail").filter({ hasText: inside[0]! }).filter({ hasText: "un regalo para ti" })).toBeVisible();
  await outbox.close();

  // Owen (English): "mark all as read" clears the badge.
  const owen = await signInMember(browser, admin, baseURL!, inside[1]!, "en");
  await expect(tabBadge(owen)).toHaveText("1");
  await owen.goto("/me/inbox");
  await expect(owen.getByTestId("inbox-message").getByTestId("inbox-title")).toHaveText("Owen Offer, a gift for you");
  await expect(owen.getByTestId("inbox-summary")).toHaveText("You have 1 unread message");
  await shot(owen, "inbox-unread-en");
  await owen.getByRole("button", { name: "Mark all as read" }).click();
  await expect(owen.getByTestId("inbox-summary")).toHaveText("All read");
  await expect(owen.getByTestId("inbox-message")).toHaveAttribute("data-unread", "false");
  await expect(tabBadge(owen)).toHaveCount(0);
  await owen.getByTestId("inbox-message").locator("summary").click();
  await expect(owen.getByTestId("inbox-coupon")).toContainText(`Your coupon for ${REWARD.en}`);
  await test.step("axe on a full inbox (en)", () => expectNoSeriousA11yViolations(owen));
  await shot(owen, "inbox-open-en");
  await owen.goto("/me/coupons");
  await expect(owen.getByTestId("my-coupon")).toHaveCount(1);

  // Omar, outside the segment: no badge, an empty inbox, no coupon.
  const omar = await signInMember(browser, admin, baseURL!, outside, "es");
  await expect(omar.getByTestId("portal-tab-bar")).toBeVisible();
  await expect(tabBadge(omar)).toHaveCount(0);
  await omar.goto("/me/inbox");
  await expect(omar.getByRole("heading", { name: "Tu buzón está vacío" })).toBeVisible();
  await expect(omar.getByTestId("inbox-message")).toHaveCount(0);
  await shot(omar, "inbox-empty-es");
  await omar.goto("/me/coupons");
  await expect(omar.getByTestId("my-coupon")).toHaveCount(0);

  // The results count the offers per arm.
  await desk.goto(campaignUrl);
  await expect(desk.getByTestId("arm-treatment-offers-issued")).toHaveText("2");
  await expect(desk.getByTestId("arm-treatment-offers-redeemed")).toHaveText("0");
  await expect(desk.getByTestId("arm-control-offers-issued")).toHaveText("0");
});
