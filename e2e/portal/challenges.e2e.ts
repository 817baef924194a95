import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { E2E_PASSWORD, signInAsUser, signInMemberOnPhone } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

/*
 * A challenge, end to end, in the "challenges" program (scripts/e2e-setup.ts:
 * 1 point per peso, no return window). The marketer creates "3 compras en 30
 * días" (500 points, a medal) and activates it; Carla buys three times through
 * the API and her "Mis retos" page shows the bar moving, then the badge; the
 * 500 points land in her balance once, even when the third purchase is retried.
 */
type Fixtures = { challenges: { programId: string; key: string; member: { id: string; email: string } } };
const fixtures = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures).challenges;
const SCREENS = "test-results/screens/challenges";
const run = Date.now().toString(36);

const auth = () => ({ Authorization: `Bearer ${fixtures().key}` });

async function buy(request: APIRequestContext, orderId: string) {
  const response = await request.post("/api/v1/purchases", {
    headers: { ...auth(), "Idempotency-Key": `ch-${orderId}` },
    data: { memberId: fixtures().member.id, orderId, amount: 100, currency: "MXN", channel: "pos" },
  });
  expect([200, 201]).toContain(response.status());
  return (await response.json()) as { pointsEarned: number; balance: { available: number } };
}

async function available(request: APIRequestContext): Promise<number> {
  const response = await request.get(`/api/v1/members/${fixtures().member.id}`, { headers: auth() });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { balance: { available: number } }).balance.available;
}

test("a marketer launches '3 purchases in 30 days'; the member's bar fills, the badge appears and the points land once", async ({ browser, baseURL, request }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SCREENS, { recursive: true });

  // The marketer creates the challenge as a draft, then activates it.
  const consoleContext = await browser.newContext({ baseURL, locale: "es-MX" });
  await setLocaleCookie(consoleContext, baseURL!, "es");
  const marketer = await consoleContext.newPage();
  await signInAsUser(marketer, "marketer-challenges@e2e.example", E2E_PASSWORD, "/console/challenges");
  await marketer.getByRole("link", { name: "Retos" }).first().click();
  await expect(marketer.getByRole("heading", { level: 1, name: "Retos" })).toBeVisible();
  await marketer.getByRole("link", { name: "Nuevo reto" }).first().click();
  await marketer.waitForURL(/\/console\/challenges\/new$/);
  await marketer.getByLabel("Nombre (español)").fill(`3 compras en 30 días ${run}`);
  await marketer.getByLabel("Nombre (inglés)").fill(`3 purchases in 30 days ${run}`);
  await marketer.getByLabel("Descripción (español)").fill("Compra tres veces en 30 días.");
  await marketer.getByLabel("¿Cuántas?").fill("3");
  await marketer.getByLabel(/^En cuántos días/).fill("30");
  await marketer.getByLabel("Nombre de la insignia (español)").fill("Cliente frecuente");
  await marketer.getByLabel("Nombre de la insignia (inglés)").fill("Regular");
  await marketer.getByText("Medalla", { exact: true }).click();
  await marketer.getByLabel("Puntos al completar").fill("500");
  await marketer.screenshot({ path: `${SCREENS}/console-new-challenge-es.png`, fullPage: true });
  await marketer.getByRole("button", { name: "Guardar reto" }).click();
  await marketer.waitForURL(/\/console\/challenges\?saved=1$/);
  const row = marketer.getByTestId("challenge-row").filter({ hasText: run });
  await expect(row.getByTestId("challenge-status")).toHaveText("Borrador");
  await row.getByRole("button", { name: "Activar" }).click();
  await expect(row.getByTestId("challenge-status")).toHaveText("Activo");
  await expect(row).toContainText("3 compras · en 30 días");
  await marketer.screenshot({ path: `${SCREENS}/console-challenges-es.png`, fullPage: true });

  // Carla opens "Mis retos" from her home: nothing done yet.
  const adminContext = await browser.newContext({ baseURL, locale: "es-MX" });
  const admin = await adminContext.newPage();
  await signInAsUser(admin, "admin-challenges@e2e.example", E2E_PASSWORD);
  const carla = await signInMemberOnPhone(browser, baseURL!, admin, { email: fixtures().member.email, program: "challenges" });
  await carla.getByTestId("challenges-link").click();
  await carla.waitForURL(/\/me\/challenges$/);
  await expect(carla.getByRole("heading", { level: 1, name: "Mis retos" })).toBeVisible();
  const card = carla.getByTestId("challenge-card").filter({ hasText: run });
  await expect(card.getByTestId("challenge-progress")).toHaveText("0 de 3");
  await expect(carla.getByTestId("my-badges")).toContainText("Aún sin insignias");

  // Two purchases: the bar shows 2 of 3.
  const start = await available(request);
  await buy(request, `CH-${run}-1`);
  await buy(request, `CH-${run}-2`);
  await carla.reload();
  await expect(card.getByTestId("challenge-progress")).toHaveText("2 de 3");
  await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2");
  await expectNoSeriousA11yViolations(carla);
  await carla.screenshot({ path: `${SCREENS}/portal-progress-es.png`, fullPage: true });

  // The third completes it: the purchase's own balance already has the 500 points; a retry pays nothing more.
  const third = await buy(request, `CH-${run}-3`);
  expect(third.balance.available).toBe(start + 300 + 500);
  const again = await buy(request, `CH-${run}-3`);
  expect(again.balance.available).toBe(start + 300 + 500);
  // A later purchase earns its own points only (the plan's tiers may multiply them by now).
  const fourth = await buy(request, `CH-${run}-4`);
  const total = start + 300 + 500 + fourth.pointsEarned;
  expect(await available(request)).toBe(total);

  await carla.reload();
  const badge = carla.getByTestId("earned-badge").filter({ hasText: "Cliente frecuente" });
  await expect(badge).toBeVisible();
  await expect(badge).toContainText("+500 puntos");
  await expect(carla.getByTestId("challenge-card").filter({ hasText: run })).toHaveCount(0);
  await expectNoSeriousA11yViolations(carla);
  await carla.screenshot({ path: `${SCREENS}/portal-badge-es.png`, fullPage: true });
  await carla.goto("/me");
  await expect(carla.getByTestId("points-available")).toHaveText(String(total));
  await carla.screenshot({ path: `${SCREENS}/portal-home-es.png`, fullPage: true });

  // The API tells the same story.
  const api = await request.get(`/api/v1/members/${fixtures().member.id}/challenges`, { headers: auth() });
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { data: { name: { es: string }; state: string; pointsAwarded: number; progress: { current: number; target: number } }[] };
  expect(body.data.find((c) => c.name.es.endsWith(run))).toMatchObject({ state: "completed", pointsAwarded: 500, progress: { current: 3, target: 3 } });

  // In English, on a phone.
  await setLocaleCookie(carla.context(), baseURL!, "en");
  await carla.goto("/me/challenges");
  await expect(carla.getByRole("heading", { level: 1, name: "My challenges" })).toBeVisible();
  await expect(carla.getByTestId("earned-badge").filter({ hasText: "Regular" })).toContainText("+500 points");
  await carla.screenshot({ path: `${SCREENS}/portal-badge-en.png`, fullPage: true });

  // The marketer's list counts the completion.
  await marketer.reload();
  await expect(marketer.getByTestId("challenge-row").filter({ hasText: run }).getByTestId("challenge-members")).toContainText("1 completado");
  await Promise.all([consoleContext.close(), adminContext.close(), carla.context().close()]);
});
