import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

const SHOTS = "test-results/screens/members";

test.beforeEach(async ({ context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
});

/** Searches the members list and opens the first match. */
async function openMember(page: Page, query: string, name: string) {
  await page.goto("/console/members");
  await page.getByRole("complementary").getByRole("link", { name: "Socios" }).waitFor();
  await page.getByRole("searchbox", { name: "Buscar socios" }).fill(query);
  await page.getByRole("button", { name: "Buscar" }).click();
  await page.waitForURL(/q=/);
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await page.getByTestId("member-row").getByRole("link", { name }).click();
  await page.waitForURL(/\/console\/members\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("member-name")).toHaveText(name);
}

test("a marketer finds a member, sees balances, expiries and explained history, and no adjustment forms", async ({ page }) => {
  await signInAsUser(page, DEMO.marketer, undefined, "/console/members");
  await expect(page.getByTestId("members-table")).toBeVisible();
  await expect(page.getByTestId("members-total")).toContainText("socios");
  await page.screenshot({ path: `${SHOTS}/console-members-es.png` });
  await openMember(page, "member-h@e2e", "Hugo Historia");

  await expect(page.getByTestId("balance-available")).toBeVisible();
  await expect(page.getByTestId("balance-lifetime")).toContainText("canjeados");
  await expect(page.getByTestId("next-expiry")).toContainText("Próximo vencimiento: 390 puntos");
  await expect(page.getByTestId("expiry-policy")).toContainText("12 meses");
  await expect(page.getByTestId("open-lots")).toBeVisible();
  const history = page.getByTestId("member-history");
  await expect(history.getByTestId("history-entry")).toHaveCount(20);
  await expect(history).toContainText("Motivo: Corrección Hugo");
  await page.screenshot({ path: `${SHOTS}/console-member-marketer-es.png`, fullPage: true });
  await history.getByTestId("member-ledger-more").click();
  await expect(history.getByTestId("history-entry").filter({ hasText: "Ticket E2E-H-0001" })).toContainText("Puntos base +450");

  await expect(page.getByTestId("adjust-form")).toHaveCount(0);
  await expect(page.getByTestId("override-form")).toHaveCount(0);
});

test("an admin overrides a tier with a reason and adjusts points: tier history and audit log show them", async ({ page }) => {
  await signInAsUser(page, DEMO.admin, undefined, "/console/members");
  await openMember(page, "Iris Ajuste", "Iris Ajuste");

  const override = page.getByTestId("override-form");
  await override.getByLabel("Nivel").selectOption({ label: "Oro" });
  await override.getByRole("button", { name: "Asignar nivel" }).click();
  await expect(override.getByTestId("overrideReason-error")).toHaveText("Escribe un motivo de al menos 3 caracteres.");
  await override.getByLabel("Motivo").fill("Cliente VIP e2e");
  await override.getByRole("button", { name: "Asignar nivel" }).click();
  await expect(override.getByTestId("form-message")).toContainText("Nivel asignado: Oro");
  await expect(page.getByTestId("member-tier")).toHaveText("Oro");
  await expect(page.getByTestId("tier-override")).toContainText("Asignado a mano hasta");
  await expect(page.getByTestId("tier-history-row").first()).toContainText("Asignación manual: Cliente VIP e2e");

  // Adjusting points: a bad number is refused field by field, a good one lands in the history.
  const adjust = page.getByTestId("adjust-form");
  await adjust.getByLabel("Puntos").fill("diez");
  await adjust.getByLabel("Motivo").fill("Compensación e2e");
  await adjust.getByRole("button", { name: "Aplicar ajuste" }).click();
  await expect(adjust.getByTestId("points-error")).toHaveText("Escribe un número entero, por ejemplo 50 o −50.");
  await adjust.getByLabel("Puntos").fill("15");
  await adjust.getByRole("button", { name: "Aplicar ajuste" }).click();
  await expect(adjust.getByTestId("form-message")).toContainText("Ajuste aplicado: +15 puntos");
  await expect(page.getByTestId("member-history").getByTestId("history-entry").first()).toContainText("Motivo: Compensación e2e");

  await page.screenshot({ path: `${SHOTS}/console-member-admin-es.png`, fullPage: true });
  await page.goto("/console/settings/audit?action=member.tier_override");
  const entry = page.getByTestId("audit-entry").first();
  await expect(entry).toContainText("member.tier_override");
  await expect(entry).toContainText("Cliente VIP e2e");
  await expect(entry).toContainText("gold");
  await page.goto("/console/settings/audit?action=points.adjust");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "Compensación e2e" })).toHaveCount(1);
});

test("the members area is in English too", async ({ page, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "en");
  await signInAsUser(page, DEMO.analyst, undefined, "/console/members?q=Hugo");
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await page.getByTestId("member-row").getByRole("link", { name: "Hugo Historia" }).click();
  await expect(page.getByText("Points activity")).toBeVisible();
  await expect(page.getByTestId("member-history")).toContainText("Reason: Corrección Hugo");
  await page.screenshot({ path: `${SHOTS}/console-member-en.png`, fullPage: true });
});
