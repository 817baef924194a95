import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page } from "@playwright/test";

export type ReceivedWebhook = { id: string; timestamp: string; signature: string; body: string; json: { id: string; type: string; data: Record<string, unknown> }; answered: number };

/**
 * A real HTTP receiver on a free port of 127.0.0.1, as an integrator would
 * write one: it keeps every request and answers with whatever `answer` says.
 */
export async function startReceiver(answer: (hook: ReceivedWebhook, earlier: ReceivedWebhook[]) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const hook: ReceivedWebhook = {
        id: String(request.headers["lazo-webhook-id"]),
        timestamp: String(request.headers["lazo-webhook-timestamp"]),
        signature: String(request.headers["lazo-webhook-signature"]),
        body,
        json: JSON.parse(body),
        answered: 0,
      };
      hook.answered = answer(hook, received.filter((r) => r.id === hook.id));
      received.push(hook);
      response.writeHead(hook.answered, { "Content-Type": "text/plain" }).end(hook.answered < 300 ? "ok" : "try again");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/lazo-hooks`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The check documented in docs/WEBHOOKS.md, written out independently of Lazo's code. */
export function signatureIsValid(hook: ReceivedWebhook, secret: string): boolean {
  if (Math.abs(Date.now() / 1000 - Number(hook.timestamp)) > 300) return false;
  const expected = Buffer.from(`v1=${crypto.createHmac("sha256", secret).update(`${hook.timestamp}.${hook.body}`).digest("hex")}`);
  const given = Buffer.from(hook.signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** Registers an endpoint from Developers → Webhooks (Spanish UI); returns its id and the secret shown once. */
export async function registerEndpointFromConsole(page: Page, url: string, events: string[]): Promise<{ id: string; secret: string }> {
  await page.goto("/console/developers/webhooks");
  const form = page.getByTestId("create-webhook-form");
  await form.getByLabel("URL del endpoint").fill(url);
  for (const box of await form.locator('input[name="events"]').all()) {
    const value = await box.getAttribute("value");
    await box.setChecked(events.includes(value ?? ""));
  }
  await form.getByRole("button", { name: "Registrar endpoint" }).click();
  const secret = page.getByTestId("webhook-secret-value");
  await expect(secret).toHaveValue(/^whsec_[A-Za-z0-9_-]{43}$/);
  const href = await page.getByTestId("webhook-secret").locator("xpath=..").getByRole("link").getAttribute("href");
  return { id: href!.split("/").at(-1)!, secret: await secret.inputValue() };
}
