import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { E2E_PASSWORD, signInAsUser, signInMemberOnPhone } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

/*
 * The opt-in leaderboard, end to end, in the "leaderboard" program
 * (scripts/e2e-setup-leaderboard.ts): the board starts off; Marta (2
 * challenges) and Nico ("Nico del Barrio", 1) joined it earlier. The admin
 * turns it on in the console; Lía completes "Primera compra" through the API,
 * joins under her masked name and sees herself ranked third (tied with Nico on
 * one challenge, but he got there first), then picks a name of her own; Beto,
 * who did not join, gets the invitation instead and never shows on the board;
 * Lía leaves from her privacy page and is gone at once.
 */
type Fixtures = { leaderboard: { programId: string; key: string; members: Record<"lia" | "beto", { id: string; email: string }> } };
const fixtures = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures).leaderboard;
const SCREENS = "test-results/screens/leaderboard";
const run = Date.now().toString(36);

async function buy(request: APIRequestContext, memberId: string, orderId: string) {
  const response = await request.post("/api/v1/purchases", {
    headers: { Authorization: `Bearer ${fixtures().key}`, "Idempotency-Key": `lb-${orderId}` },
    data: { memberId, orderId, amount: 100, currency: "MXN", channel: "pos" },
  });
  expect([200, 201]).toContain(response.status());
}

/** The console's switch, whatever state an earlier run left it in. */
async function setBoard(admin: Page, on: boolean) {
  const card = admin.getByTestId("leaderboard-setting");
  const wanted = on ? "Activado" : "Desactivado";
  if ((await card.getAttribute("data-enabled")) !== String(on)) {
    await card.getByRole("button", { name: on ? "Activar ranking" : "Desactivar ranking" }).click();
    await expect(card.getByTestId("form-message")).toContainText(on ? "Ranking activado" : "Ranking desactivado");
  }
  await expect(card.getByTestId("leaderboard-status")).toHaveText(wanted);
}

test("an admin turns the leaderboard on; a member joins and sees herself ranked; one who stayed off gets the invitation", async ({ browser, baseURL, request }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SCREENS, { recursive: true });
  const { lia, beto } = fixtures().members;

  // Off, as every program starts: the admin sees the switch, Lía finds no link and no page.
  const adminContext = await browser.newContext({ baseURL, locale: "es-MX" });
  await setLocaleCookie(adminContext, baseURL!, "es");
  const admin = await adminContext.newPage();
  await signInAsUser(admin, "admin-leaderboard@e2e.example", E2E_PASSWORD, "/console/challenges");
  await expect(admin.getByRole("heading", { level: 1, name: "Retos" })).toBeVisible();
  await setBoard(admin, false);
  const liaPage = await signInMemberOnPhone(browser, baseURL!, admin, { email: lia.email, program: "leaderboard" });
  await liaPage.goto("/me/challenges");
  await expect(liaPage.getByRole("heading", { level: 1, name: "Mis retos" })).toBeVisible();
  await expect(liaPage.getByTestId("leaderboard-link")).toHaveCount(0);
  expect((await liaPage.goto("/me/leaderboard"))?.status()).toBe(404);
  await liaPage.goto("/me/privacy");
  await expect(liaPage.getByTestId("privacy-leaderboard")).toHaveCount(0);

  // The admin turns it on (the audit log keeps who did it).
  await setBoard(admin, true);
  await admin.screenshot({ path: `${SCREENS}/console-leaderboard-on-es.png`, fullPage: true });
  await admin.goto("/console/settings/audit");
  await expect(admin.getByText("program.leaderboard_enable").first()).toBeVisible();

  // Lía completes "Primera compra", follows the new link from her challenges and finds the invitation.
  await buy(request, lia.id, `LB-${run}-LIA`);
  await liaPage.goto("/me/challenges");
  await liaPage.getByTestId("leaderboard-link").click();
  await liaPage.waitForURL(/\/me\/leaderboard$/);
  await expect(liaPage.getByRole("heading", { level: 1, name: "Ranking del mes" })).toBeVisible();
  const names = liaPage.getByTestId("leaderboard-name");
  if ((await liaPage.getByTestId("leaderboard-form").getAttribute("data-joined")) === "false") {
    await expect(liaPage.getByTestId("leaderboard-join-prompt")).toContainText("No apareces en el ranking");
    await expect(liaPage.getByTestId("leaderboard-join-prompt")).toContainText("Este mes completaste 1 reto.");
    await expect(names).toHaveText(["Marta P.", "Nico del Barrio"]);
    await liaPage.screenshot({ path: `${SCREENS}/portal-invitation-es.png`, fullPage: true });
    // She joins under her masked name.
    await expect(liaPage.getByText("Mi nombre abreviado: Lía R.")).toBeVisible();
    await liaPage.getByRole("button", { name: "Unirme al ranking" }).click();
    await expect(liaPage.getByTestId("form-message")).toHaveText("Listo: ya estás en el ranking.");
  }
  await expect(liaPage.getByTestId("my-leaderboard-rank")).toHaveText("Puesto 3 de 3");
  await expect(names).toHaveText(["Marta P.", "Nico del Barrio", "Lía R."]);
  const mine = liaPage.locator("[data-testid=leaderboard-line][data-you]");
  await expect(mine).toContainText("Tú");
  await expect(mine.getByTestId("leaderboard-score")).toHaveText("1 reto");
  await expect(liaPage.getByTestId("leaderboard-rank")).toHaveText(["1", "2", "3"]);
  await expect(liaPage.locator("body")).not.toContainText(lia.email);
  await expectNoSeriousA11yViolations(liaPage);
  await liaPage.screenshot({ path: `${SCREENS}/portal-leaderboard-es.png`, fullPage: true });

  // The same page in English.
  await setLocaleCookie(liaPage.context(), baseURL!, "en");
  await liaPage.reload();
  await expect(liaPage.getByRole("heading", { level: 1, name: "This month's leaderboard" })).toBeVisible();
  await expect(liaPage.getByTestId("my-leaderboard-rank")).toHaveText("Rank 3 of 3");
  await expect(mine.getByTestId("leaderboard-score")).toHaveText("1 challenge");
  await liaPage.screenshot({ path: `${SCREENS}/portal-leaderboard-en.png`, fullPage: true });

  // She picks a name of her own (the choices fold away once she is on the board).
  await setLocaleCookie(liaPage.context(), baseURL!, "es");
  await liaPage.reload();
  await liaPage.getByTestId("leaderboard-manage").click();
  await liaPage.getByTestId("leaderboard-name-custom").check();
  await liaPage.getByLabel("Tu nombre visible").fill("Lía Café");
  await liaPage.getByRole("button", { name: "Guardar nombre" }).click();
  await expect(liaPage.getByTestId("form-message")).toHaveText("Guardamos tu nombre visible.");
  await expect(names).toHaveText(["Marta P.", "Nico del Barrio", "Lía Café"]);

  // Beto never joined: he sees the board without himself, his score and the invitation; a contact as a name is refused.
  const betoPage = await signInMemberOnPhone(browser, baseURL!, admin, { email: beto.email, program: "leaderboard" });
  await betoPage.goto("/me/leaderboard");
  await expect(betoPage.getByTestId("leaderboard-join-prompt")).toContainText("No apareces en el ranking");
  await expect(betoPage.getByTestId("leaderboard-join-prompt")).toContainText("Este mes aún no completas retos.");
  await expect(betoPage.getByTestId("leaderboard-name")).toHaveText(["Marta P.", "Nico del Barrio", "Lía Café"]);
  await expect(betoPage.locator("[data-testid=leaderboard-line][data-you]")).toHaveCount(0);
  await betoPage.getByTestId("leaderboard-name-custom").check();
  await betoPage.getByLabel("Tu nombre visible").fill("beto@example.com");
  await betoPage.getByRole("button", { name: "Unirme al ranking" }).click();
  await expect(betoPage.getByTestId("form-message")).toHaveText("Revisa tu nombre visible.");
  await expect(betoPage.getByText("No incluyas correos, teléfonos ni enlaces.")).toBeVisible();
  await expect(betoPage.getByTestId("leaderboard-name")).toHaveCount(3);
  await betoPage.screenshot({ path: `${SCREENS}/portal-not-joined-es.png`, fullPage: true });

  // Lía leaves from her privacy page: gone from the board at once.
  await liaPage.goto("/me/privacy");
  const privacy = liaPage.getByTestId("privacy-leaderboard");
  await privacy.getByRole("button", { name: "Salir del ranking" }).click();
  await expect(privacy.getByTestId("form-message")).toHaveText("Saliste del ranking: ya no apareces en la tabla.");
  await betoPage.reload();
  await expect(betoPage.getByTestId("leaderboard-name")).toHaveText(["Marta P.", "Nico del Barrio"]);

  await Promise.all([adminContext.close(), liaPage.context().close(), betoPage.context().close()]);
});
