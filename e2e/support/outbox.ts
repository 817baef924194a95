import { expect, type BrowserContext } from "@playwright/test";

/**
 * Asks for a member sign-in code through the portal and reads it from the
 * console's outbox as an admin — the way a person without SMTP would.
 */
export async function memberCodeFromOutbox(member: BrowserContext, admin: BrowserContext, who: { programId: string; email: string }): Promise<string> {
  const page = await member.newPage();
  await page.goto("/me/sign-in");
  await page.getByRole("textbox", { name: /correo|email/i }).fill(who.email);
  await page.getByRole("button", { name: /código|code|continuar|continue|enviar|send/i }).first().click();
  await page.waitForURL(/\/me\/verify/);
  await page.close();
  return readLatestCode(admin, who.email);
}

export async function readLatestCode(admin: BrowserContext, email: string): Promise<string> {
  const outbox = await admin.newPage();
  let code: string | undefined;
  await expect(async () => {
    await outbox.goto("/console/settings/outbox");
    const row = outbox.getByText(email).first();
    await expect(row).toBeVisible();
    const text = (await outbox.locator("li, tr, article").filter({ hasText: email }).first().innerText()) ?? "";
    code = /\b(\d{6})\b/.exec(text)?.[1];
    expect(code).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  await outbox.close();
  return code!;
}
