import { expect, type Page } from "@playwright/test";

/** Unique per run and per test, so parallel tests on the shared server never collide. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.example`;
}

/** Invites someone from Console → Team (Spanish UI) and waits for the confirmation. */
export async function inviteFromTeamPage(page: Page, person: { email: string; name?: string; role?: "Administrador" | "Marketing" | "Analista" }) {
  await page.goto("/console/team");
  const form = page.getByTestId("invite-form");
  await form.getByLabel("Correo electrónico").fill(person.email);
  if (person.name) await form.getByLabel(/^Nombre/).fill(person.name);
  await form.getByLabel("Rol").selectOption({ label: person.role ?? "Marketing" });
  await form.getByRole("button", { name: "Enviar invitación" }).click();
  await expect(form.getByTestId("form-message")).toContainText(`Invitación enviada a ${person.email}`);
}

/** Opens the newest mail to `email` in Settings → Outbox and returns the invitation link's path and query. */
export async function invitationLinkFromOutbox(page: Page, email: string): Promise<string> {
  await page.goto("/console/settings/outbox");
  const mail = page.getByTestId("outbox-mail").filter({ hasText: email }).first();
  await expect(mail).toContainText("Invitación a");
  await mail.getByText("Ver mensaje").click();
  const body = await mail.getByTestId("outbox-body").innerText();
  const link = /https?:\/\/\S+\/invite\/accept\?token=\S+/.exec(body)?.[0];
  expect(link, "the invitation mail carries an accept link").toBeTruthy();
  const url = new URL(link!);
  return url.pathname + url.search;
}

/** Creates an API key from Developers → API keys and returns the secret shown once. */
export async function createApiKeyFromConsole(page: Page, name: string): Promise<string> {
  await page.goto("/console/developers/api-keys");
  const form = page.getByTestId("create-key-form");
  await form.getByLabel("Nombre").fill(name);
  await form.getByRole("button", { name: "Crear llave" }).click();
  const secret = page.getByTestId("new-api-key-value");
  await expect(secret).toHaveValue(/^lz_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  return secret.inputValue();
}
