import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_PASSWORD, signInAsUser } from "../support/auth";
import { readLatestCode } from "../support/outbox";
import { setLocaleCookie } from "../support/locale";

// scripts/e2e-setup.ts gives this suite its own program ("plans", MXN, Mexico City): publishing a plan
// version there changes no other suite's earning. Its marketer designs, its admin reads the mail outbox.
type Fixtures = { programs: { plans: string }; members: { p: { id: string; email: string } }; api: { plansKey: string } };
const fixtures = (): Fixtures => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;
const MARKETER = "marketer-plans@e2e.example";
const ADMIN = "admin-plans@e2e.example";
const SHOTS = "test-results/screens/plans";
const RULE = { es: "Doble en vinilos el fin de semana", en: "Double on vinyl at weekends" };

// Both tests work on the one draft of the program: one after the other.
test.describe.configure({ mode: "serial" });

/** The next Saturday (never today), as the program's local "YYYY-MM-DDTHH:MM" and as an instant (Mexico City is UTC−6). */
function nextWeekday(weekday: number, hour = 12) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + (((weekday - d.getUTCDay() + 7) % 7) || 7));
  const date = d.toISOString().slice(0, 10);
  return { local: `${date}T${String(hour).padStart(2, "0")}:00`, iso: `${date}T${String(hour + 6).padStart(2, "0")}:00:00Z` };
}

async function fillBasket(page: Page, at: string) {
  await page.getByLabel("Fecha y hora").fill(at);
  await page.getByLabel("Socio (tarjeta o correo)").fill(fixtures().members.p.email);
  await page.getByLabel("SKU línea 1").fill("VIN-1");
  await page.getByLabel("Categoría línea 1").fill("vinilos");
  await page.getByLabel("Cantidad línea 1").fill("2");
  await page.getByLabel("Precio unitario línea 1 (MXN)").fill("150");
  await page.getByLabel("SKU línea 2").fill("LIB-1");
  await page.getByLabel("Categoría línea 2").fill("libros");
  await page.getByLabel("Cantidad línea 2").fill("1");
  await page.getByLabel("Precio unitario línea 2 (MXN)").fill("100");
  await page.getByRole("button", { name: "Calcular puntos" }).click();
}

/** Signs the program's member into the portal with a mailed code, read by the program's admin. */
async function signInPlansMember(page: Page, browser: Browser, baseURL: string) {
  const email = fixtures().members.p.email;
  await page.goto("/me/sign-in?program=plans");
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(email);
  await page.getByRole("button", { name: /^(Enviarme un código|Send me a code)$/ }).click();
  await page.waitForURL(/\/me\/verify/);
  const admin = await browser.newContext({ baseURL });
  try {
    const adminPage = await admin.newPage();
    await signInAsUser(adminPage, ADMIN, E2E_PASSWORD);
    await adminPage.close();
    const code = await readLatestCode(admin, email);
    await page.getByLabel(/^(Código de 6 dígitos|6-digit code)$/).fill(code);
    await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
    await page.waitForURL((url) => url.pathname === "/me");
  } finally {
    await admin.close();
  }
}

test("the plan form refuses a bad plan field by field, in Spanish and English, and saves nothing", async ({ page, context, baseURL }) => {
  for (const [locale, texts] of [
    ["es", { save: "Guardar", rate: "Debe ser mayor que cero.", tier: "Cada umbral debe ser mayor que el del nivel anterior.", cap: "El tope no puede ser menor que cero.", dates: "La fecha de fin no puede ser anterior a la de inicio.", addRule: "Agregar regla", none: "No hay borrador." }],
    ["en", { save: "Save", rate: "Must be greater than zero.", tier: "Each threshold must be higher than the previous tier’s.", cap: "A cap cannot be below zero.", dates: "The end date cannot be before the start date.", addRule: "Add rule", none: "No draft." }],
  ] as const) {
    await setLocaleCookie(context, baseURL, locale);
    if (locale === "es") await signInAsUser(page, MARKETER, E2E_PASSWORD, "/console/plans/draft");
    else await page.goto("/console/plans/draft");

    const general = page.getByTestId("plan-general-form");
    await general.locator('input[name="baseRate.points"]').fill("-1");
    await general.getByRole("button", { name: texts.save }).click();
    await expect(general.getByTestId("baseRate.points-error")).toHaveText(texts.rate);
    await expect(general.locator('input[name="baseRate.points"]')).toHaveAttribute("aria-describedby", /field-baseRate\.points-error/);
    await expect(general.locator('input[name="baseRate.points"]')).toHaveValue("-1");

    const tiers = page.getByTestId("plan-tiers-form");
    await tiers.locator('input[name="tiers.2.threshold"]').fill("500");
    await tiers.getByRole("button", { name: texts.save }).click();
    await expect(tiers.getByTestId("tiers.2.threshold-error")).toHaveText(texts.tier);
    if (locale === "es") await page.screenshot({ path: `${SHOTS}/draft-errors-es.png`, fullPage: true });

    await page.goto("/console/plans/draft/rule");
    const rule = page.getByTestId("rule-form");
    await rule.locator('input[name="name.es"]').fill("Regla mala");
    await rule.locator('input[name="name.en"]').fill("Bad rule");
    await rule.locator('input[name="caps.perMemberPerDay"]').fill("-5");
    await rule.locator('input[name="conditions.dateRange.from"]').fill("2026-12-31");
    await rule.locator('input[name="conditions.dateRange.to"]').fill("2026-12-01");
    await rule.getByRole("button", { name: texts.addRule }).click();
    await expect(rule.getByTestId("caps.perMemberPerDay-error")).toHaveText(texts.cap);
    await expect(rule.getByTestId("conditions.dateRange.to-error")).toHaveText(texts.dates);
    await expect(rule.locator('input[name="conditions.dateRange.to"]')).toHaveAttribute("aria-invalid", "true");
    await page.screenshot({ path: `${SHOTS}/rule-errors-${locale}.png`, fullPage: true });

    // Nothing was saved: there is still no draft.
    await page.goto("/console/plans");
    await expect(page.getByTestId("draft-card")).toContainText(texts.none);
  }
});

test("a marketer adds double points on weekends for a category, publishes, tests a basket, and a purchase earns exactly that", async ({ page, browser, context, baseURL, request }) => {
  test.slow(); // a whole journey: console, API and portal
  await setLocaleCookie(context, baseURL, "es");
  await signInAsUser(page, MARKETER, E2E_PASSWORD, "/console/plans");
  await expect(page.getByRole("heading", { level: 1, name: "Plan de lealtad" })).toBeVisible();
  await page.getByRole("complementary").getByRole("link", { name: "Plan de lealtad" }).waitFor();

  // The rule: Saturday and Sunday, category "vinilos", ×2.
  await page.goto("/console/plans/draft/rule");
  const form = page.getByTestId("rule-form");
  await form.getByLabel("Nombre en español").fill(RULE.es);
  await form.getByLabel("Nombre en inglés").fill(RULE.en);
  await form.getByLabel("Sábado").check();
  await form.getByLabel("Domingo").check();
  await form.getByLabel("Categorías (cualquier nivel)").fill("vinilos");
  await form.getByLabel("Tipo").selectOption("multiplier");
  await form.getByLabel("Valor").fill("2");
  await page.screenshot({ path: `${SHOTS}/rule-form-es.png`, fullPage: true });
  await form.getByRole("button", { name: "Agregar regla" }).click();
  await page.waitForURL(/\/console\/plans\/draft\?saved=/);
  await expect(page.getByTestId("rule-item")).toHaveCount(1);
  await expect(page.getByTestId("rule-item")).toContainText(RULE.es);
  await expect(page.getByTestId("rule-item")).toContainText("×2 puntos");
  await page.screenshot({ path: `${SHOTS}/draft-es.png`, fullPage: true });

  // Publish it for everyone.
  await page.goto("/console/plans");
  await expect(page.getByTestId("draft-card")).toContainText("1 de 1 regla activa");
  await page.getByRole("button", { name: "Publicar borrador" }).click();
  await page.waitForURL(/\/console\/plans\?published=2$/);
  await expect(page.getByTestId("plan-notice")).toHaveText("Se publicó la versión 2. Las compras desde ahora acumulan con ella.");
  await expect(page.getByTestId("live-plan")).toContainText("1 de 1 regla activa");
  const rows = page.getByTestId("plan-version-row");
  await expect(rows.first()).toContainText("v2");
  await expect(rows.first()).toContainText("Vigente");
  await expect(rows.nth(1)).toContainText("Reemplazada");
  await page.screenshot({ path: `${SHOTS}/plans-es.png`, fullPage: true });

  // The tester: on a Saturday the vinyl line doubles (2 × 150 → 300 base + 300), the book line does not (100).
  const saturday = nextWeekday(6);
  await page.goto("/console/plans/tester");
  await page.getByLabel("Tienda").selectOption({ label: "Planes Centro" });
  await fillBasket(page, saturday.local);
  const result = page.getByTestId("tester-result");
  await expect(result.getByTestId("tester-total")).toHaveText("700");
  await expect(result.getByTestId("line-points")).toHaveText(["600", "100"]);
  const outcome = result.getByTestId("rule-outcome");
  await expect(outcome).toHaveAttribute("data-fired", "true");
  await expect(outcome).toContainText(RULE.es);
  await expect(outcome).toContainText("+300 pts");
  await page.screenshot({ path: `${SHOTS}/tester-es.png`, fullPage: true });
  // On a Monday it says why not, in words.
  await page.getByLabel("Fecha y hora").fill(nextWeekday(1).local);
  await page.getByRole("button", { name: "Calcular puntos" }).click();
  await expect(result.getByTestId("tester-total")).toHaveText("400");
  await expect(result.getByTestId("rule-why")).toHaveText("El lunes no es día de la regla.");

  // A purchase through the API on that Saturday earns exactly what the tester said.
  const { members, api } = fixtures();
  const orderId = `PLN-${Date.now().toString(36)}`;
  const purchase = await request.post("/api/v1/purchases", {
    headers: { Authorization: `Bearer ${api.plansKey}`, "Idempotency-Key": `idem-${orderId}` },
    data: {
      memberId: members.p.id,
      orderId,
      amount: 400,
      currency: "MXN",
      channel: "pos",
      occurredAt: saturday.iso,
      lines: [
        { sku: "VIN-1", category: "vinilos", quantity: 2, unitPrice: 150 },
        { sku: "LIB-1", category: "libros", quantity: 1, unitPrice: 100 },
      ],
    },
  });
  expect(purchase.status()).toBe(201);
  expect(await purchase.json()).toMatchObject({ pointsEarned: 700, explanation: { planVersion: 2, rules: [{ fired: true, points: 300 }] } });

  // The member reads the explanation in their history.
  const memberContext = await browser.newContext({ baseURL, locale: "es-MX" });
  try {
    await setLocaleCookie(memberContext, baseURL, "es");
    const portal = await memberContext.newPage();
    await signInPlansMember(portal, browser, baseURL!);
    await portal.goto("/me/history");
    const entry = portal.getByTestId("history-entry").filter({ hasText: `Ticket ${orderId}` });
    await expect(entry.getByTestId("history-entry-points")).toHaveText("+700");
    await expect(entry.getByTestId("history-rule")).toContainText(RULE.es);
    await expect(entry.getByTestId("history-rule")).toContainText("300");
    await expect(entry).toContainText("Puntos base +400");
    await portal.screenshot({ path: `${SHOTS}/portal-history-es.png`, fullPage: true });
  } finally {
    await memberContext.close();
  }
});

test("the plan pages read in English, and an analyst reads the plan without edit controls", async ({ page, browser, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "en");
  await signInAsUser(page, MARKETER, E2E_PASSWORD, "/console/plans");
  await expect(page.getByRole("heading", { level: 1, name: "Loyalty plan" })).toBeVisible();
  await expect(page.getByTestId("plan-history")).toContainText("Live");
  await page.screenshot({ path: `${SHOTS}/plans-en.png`, fullPage: true });
  await page.goto("/console/plans/draft");
  await expect(page.getByRole("heading", { level: 1, name: "Edit draft" })).toBeVisible();
  await expect(page.getByTestId("rules-help")).toContainText("How points are worked out");
  await page.screenshot({ path: `${SHOTS}/draft-en.png`, fullPage: true });
  await page.goto("/console/plans/tester");
  await fillBasketEn(page, nextWeekday(0).local);
  await expect(page.getByTestId("tester-total")).toHaveText("700");
  await expect(page.getByTestId("rule-outcome")).toContainText(RULE.en);
  await page.screenshot({ path: `${SHOTS}/tester-en.png`, fullPage: true });

  const analyst = await browser.newContext({ baseURL });
  try {
    await setLocaleCookie(analyst, baseURL, "es");
    const analystPage = await analyst.newPage();
    await signInAsUser(analystPage, "analyst@demo.lazo.example", undefined, "/console/plans");
    await expect(analystPage.getByTestId("live-plan")).toBeVisible();
    await expect(analystPage.getByRole("link", { name: /Crear borrador|Editar borrador/ })).toHaveCount(0);
    await expect(analystPage.getByRole("button", { name: /Volver a v/ })).toHaveCount(0);
    await analystPage.goto("/console/plans/draft");
    await expect(analystPage.getByTestId("access-denied")).toBeVisible();
  } finally {
    await analyst.close();
  }
});

async function fillBasketEn(page: Page, at: string) {
  await page.getByLabel("Date and time").fill(at);
  // No member: Paula has climbed a tier by now, and the total should show the plan alone.
  await page.getByLabel("SKU line 1").fill("VIN-1");
  await page.getByLabel("Category line 1").fill("vinilos");
  await page.getByLabel("Quantity line 1").fill("2");
  await page.getByLabel("Unit price line 1 (MXN)").fill("150");
  await page.getByLabel("SKU line 2").fill("LIB-1");
  await page.getByLabel("Category line 2").fill("libros");
  await page.getByLabel("Quantity line 2").fill("1");
  await page.getByLabel("Unit price line 2 (MXN)").fill("100");
  await page.getByRole("button", { name: "Work out points" }).click();
}

test("tiers qualified by spend take their thresholds in money and show them as money; the draft is then discarded", async ({ page, context, baseURL }) => {
  for (const [locale, texts] of [
    ["es", { metric: "Califica por", save: "Guardar", saved: "Borrador guardado.", hint: "montos en MXN", summary: "5,000.00", discard: "Descartar borrador" }],
    ["en", { metric: "Qualify by", save: "Save", saved: "Draft saved.", hint: "amounts in MXN", summary: "5,000.00", discard: "Discard draft" }],
  ] as const) {
    await setLocaleCookie(context, baseURL, locale);
    if (locale === "es") await signInAsUser(page, MARKETER, E2E_PASSWORD, "/console/plans/draft");
    else await page.goto("/console/plans/draft");
    const tiers = page.getByTestId("plan-tiers-form");
    await expect(tiers).toContainText(texts.hint);
    await tiers.getByLabel(texts.metric).selectOption("spend");
    await tiers.locator('input[name="tiers.1.threshold"]').fill("5000");
    await tiers.locator('input[name="tiers.2.threshold"]').fill("15000.5");
    await tiers.getByRole("button", { name: texts.save }).click();
    await expect(tiers.getByTestId("form-message")).toHaveText(texts.saved);
    // Stored in minor units, shown again in pesos.
    await expect(tiers.locator('input[name="tiers.1.threshold"]')).toHaveValue("5000.00");
    await expect(tiers.locator('input[name="tiers.2.threshold"]')).toHaveValue("15000.50");
    await page.screenshot({ path: `${SHOTS}/tiers-spend-${locale}.png`, fullPage: true });
    await page.goto("/console/plans");
    await expect(page.getByTestId("draft-card")).toContainText(texts.summary);
    await page.getByRole("button", { name: texts.discard }).click();
    await expect(page).toHaveURL(/discarded=1/);
  }
});
