import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signInAsUser, submitSignIn } from "../support/auth";
import { createApiKeyFromConsole, invitationLinkFromOutbox, inviteFromTeamPage, uniqueEmail } from "../support/admin";
import { setLocaleCookie } from "../support/locale";

test.beforeEach(async ({ context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
});

test("an admin invites a marketer, who accepts from the mailed link and sees no administration", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("marketer");
  const password = "una frase larga de prueba";
  await signInAsUser(page, DEMO.admin, DEMO_PASSWORD, "/console/team");
  await inviteFromTeamPage(page, { email, name: "Mara Mercadeo", role: "Marketing" });
  await expect(page.getByTestId("team-member").filter({ hasText: email })).toContainText("Invitación pendiente");

  const link = await invitationLinkFromOutbox(page, email);

  const invitee = await browser.newContext({ baseURL });
  await setLocaleCookie(invitee, baseURL, "es");
  const newcomer = await invitee.newPage();
  await newcomer.goto(link);
  await newcomer.getByLabel("Contraseña", { exact: true }).fill(password);
  await newcomer.getByLabel("Repite la contraseña").fill("otra frase distinta");
  await newcomer.getByRole("button", { name: "Crear contraseña y continuar" }).click();
  await expect(newcomer.getByTestId("confirm-error")).toHaveText("Las contraseñas no coinciden.");
  await newcomer.getByLabel("Contraseña", { exact: true }).fill(password);
  await newcomer.getByLabel("Repite la contraseña").fill(password);
  await newcomer.getByRole("button", { name: "Crear contraseña y continuar" }).click();
  await newcomer.waitForURL(/\/sign-in\?invited=1/);

  await submitSignIn(newcomer, email, password);
  await newcomer.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await newcomer.goto("/console");
  const nav = newcomer.getByRole("complementary");
  await expect(nav.getByRole("link", { name: "Inicio" })).toBeVisible();
  for (const hidden of ["Equipo", "Llaves de API", "Bitácora de auditoría", "Bandeja de salida"]) await expect(nav.getByRole("link", { name: hidden })).toHaveCount(0);
  await newcomer.goto("/console/team");
  await expect(newcomer.getByTestId("access-denied")).toBeVisible();

  // The link works once.
  await newcomer.goto(link);
  await newcomer.getByLabel("Contraseña", { exact: true }).fill("otra frase larga más");
  await newcomer.getByLabel("Repite la contraseña").fill("otra frase larga más");
  await newcomer.getByRole("button", { name: "Crear contraseña y continuar" }).click();
  await expect(newcomer.getByTestId("form-message")).toContainText("ya se usó o venció");
  await invitee.close();

  await page.goto("/console/team");
  await expect(page.getByTestId("team-member").filter({ hasText: email })).toContainText("Activo");
});

test("an admin sees every administration page in the navigation", async ({ page }) => {
  await signInAsUser(page, DEMO.admin, DEMO_PASSWORD, "/console");
  const nav = page.getByRole("complementary");
  for (const label of ["Equipo", "Llaves de API", "Bandeja de salida", "Bitácora de auditoría"]) await expect(nav.getByRole("link", { name: label })).toBeVisible();
});

test("an API key is shown once and can be revoked", async ({ page }) => {
  const name = `POS ${Date.now().toString(36)}`;
  await signInAsUser(page, DEMO.admin, DEMO_PASSWORD, "/console/developers/api-keys");
  const secret = await createApiKeyFromConsole(page, name);
  const row = page.getByTestId("api-key").filter({ hasText: name });
  await expect(row).toContainText(`lz_${secret.slice(3, 11)}_…`);
  await expect(row).toContainText("Activa");

  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await row.getByRole("button", { name: "Revocar" }).click();
  await row.getByRole("button", { name: "Sí, revocar" }).click();
  await expect(row).toContainText("Revocada");
  await expect(row.getByRole("button", { name: "Revocar" })).toHaveCount(0);
});

test("the audit log lists administration changes, filters them and exports CSV", async ({ page }) => {
  const keyName = `Audit ${Date.now().toString(36)}`;
  const email = uniqueEmail("audited");
  await signInAsUser(page, DEMO.admin, DEMO_PASSWORD, "/console/developers/api-keys");
  await createApiKeyFromConsole(page, keyName);
  await inviteFromTeamPage(page, { email, role: "Analista" });

  await page.goto("/console/settings/audit");
  const entries = page.getByTestId("audit-entry");
  await expect(entries.filter({ hasText: "api_key.create" }).filter({ hasText: keyName })).toHaveCount(1);
  await expect(entries.filter({ hasText: "team.add" }).filter({ hasText: email })).toHaveCount(1);
  await expect(entries.filter({ hasText: "team.add" }).first()).toContainText(DEMO.admin);

  await page.getByLabel("Acción (empieza con)").fill("team.");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await page.waitForURL(/action=team\./);
  await expect(entries.filter({ hasText: email })).toHaveCount(1);
  await expect(entries.filter({ hasText: "api_key.create" })).toHaveCount(0);

  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("audit-export").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...rows] = csv.trimEnd().split("\r\n");
  expect(header).toBe("id,created_at,actor_type,actor,action,target_type,target_id,before,after");
  expect(rows.some((r) => r.includes("team.add") && r.includes(email))).toBe(true);
  expect(rows.every((r) => !r.includes("api_key.create"))).toBe(true);
});

test("a marketer gets no administration pages and no audit export", async ({ page, request }) => {
  await signInAsUser(page, DEMO.marketer, DEMO_PASSWORD, "/console");
  for (const path of ["/console/team", "/console/developers/api-keys", "/console/settings/audit", "/console/settings/outbox"]) {
    await page.goto(path);
    await expect(page.getByTestId("access-denied")).toBeVisible();
  }
  const response = await page.request.get("/console/settings/audit/export");
  expect(response.status()).toBe(403);
  expect((await request.get("/console/settings/audit/export", { maxRedirects: 0 })).status()).not.toBe(200);
});
