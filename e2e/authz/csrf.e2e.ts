import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "../support/auth";

/**
 * Server actions are public POST endpoints; Next refuses those whose Origin is
 * not this site. Replays the real sign-in form (every hidden field included)
 * from a foreign origin and from our own: only our own signs in.
 */
test("server actions refuse cross-origin posts", async ({ page, baseURL }) => {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(DEMO.admin);
  await page.getByLabel(/^(Contraseña|Password)$/).fill(DEMO_PASSWORD);
  const fields = await page.locator("form[aria-describedby='form-message']").evaluate((form: HTMLFormElement) => {
    const out: Record<string, string> = {};
    new FormData(form).forEach((value, key) => (out[key] = String(value)));
    return out;
  });
  const post = (origin: string) => page.request.post("/sign-in", { multipart: fields, headers: { Origin: origin }, maxRedirects: 0 });

  const foreign = await post("https://evil.example");
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(foreign.headers()["set-cookie"] ?? "").not.toContain("session-token");

  const own = await post(baseURL!);
  expect(own.headers()["set-cookie"] ?? "").toContain("session-token");
});
