import { expect, test } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { registerEndpointFromConsole, signatureIsValid, startReceiver } from "../support/webhook-receiver";

test("a marketer registers an endpoint, sees the secret once, sends a test event, replays it and removes the endpoint", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await signInAsUser(page, DEMO.marketer, undefined, "/console/developers/webhooks");
    await expect(page.getByRole("link", { name: "Webhooks" }).first()).toBeVisible();
    await expect(page.getByTestId("verify-snippet")).toContainText("crypto.timingSafeEqual");

    // A plain-http URL that is not this machine is refused, field by field.
    const form = page.getByTestId("create-webhook-form");
    await form.getByLabel("URL del endpoint").fill("http://hooks.example.com/lazo");
    await form.getByRole("button", { name: "Registrar endpoint" }).click();
    await expect(form.getByTestId("url-error")).toHaveText("Usa https:// (http solo para localhost).");

    const endpoint = await registerEndpointFromConsole(page, receiver.url, ["member.created", "tier.changed"]);
    // The secret is shown once: after a reload only its first characters remain.
    await page.reload();
    await expect(page.getByTestId("webhook-secret-value")).toHaveCount(0);
    const row = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
    await expect(row).toContainText(`${endpoint.secret.slice(0, 10)}…`);
    await expect(row).toContainText("member.created");
    await expect(row.getByTestId("endpoint-status")).toHaveText("Activo");

    await row.getByRole("link", { name: "Ver entregas" }).click();
    await page.waitForURL(`**/console/developers/webhooks/${endpoint.id}`);
    await page.getByRole("button", { name: "Enviar evento de prueba" }).click();
    await expect(page.getByTestId("form-message")).toContainText("Evento de prueba en camino");
    // Other tests running at the same time may enrol members (member.created): count only test events.
    const tests = () => receiver.received.filter((h) => h.json.type === "webhook.test");
    await expect.poll(() => tests().length, { timeout: 15_000 }).toBe(1);
    const [test] = tests();
    expect(test!.json.type).toBe("webhook.test");
    expect(signatureIsValid(test!, endpoint.secret)).toBe(true);

    const delivery = page.getByTestId("delivery").filter({ hasText: "webhook.test" });
    await expect(async () => {
      await page.reload();
      await expect(delivery.getByTestId("delivery-status")).toHaveText("Entregado", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(delivery.getByTestId("delivery-attempt")).toContainText("200");

    await delivery.getByRole("button", { name: "Reenviar" }).click();
    await expect(page.getByTestId("replay-message")).toHaveText("Reenvío en camino.");
    await expect.poll(() => tests().length, { timeout: 15_000 }).toBe(2);
    expect(tests()[1]!.id, "a replay carries the same event id").toBe(test!.id);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("delivery").filter({ hasText: "reenvío 1" }).getByTestId("delivery-status")).toHaveText("Entregado", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });

    // Edit the events, disable and enable, rotate the secret.
    const edit = page.getByTestId("edit-webhook-form");
    await edit.locator('input[value="points.earned"]').check();
    await edit.getByRole("button", { name: "Guardar cambios" }).click();
    await expect(edit.getByTestId("form-message")).toHaveText("Cambios guardados.");
    await page.getByRole("button", { name: "Desactivar" }).click();
    await expect(page.getByTestId("endpoint-status")).toHaveText("Desactivado");
    await expect(page.getByTestId("disabled-reason")).toHaveText("Desactivado a mano.");
    await page.getByRole("button", { name: "Activar" }).click();
    await expect(page.getByTestId("endpoint-status")).toHaveText("Activo");
    await page.getByRole("button", { name: "Cambiar secreto" }).click();
    await page.getByRole("button", { name: "Sí, continuar" }).click();
    const rotated = page.getByTestId("webhook-secret-value");
    await expect(rotated).toHaveValue(/^whsec_/);
    expect(await rotated.inputValue()).not.toBe(endpoint.secret);

    await page.getByRole("button", { name: "Eliminar endpoint" }).click();
    await page.getByRole("button", { name: "Sí, continuar" }).click();
    await page.waitForURL(/\/console\/developers\/webhooks$/);
    await expect(page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
