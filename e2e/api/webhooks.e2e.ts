import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { createApiKeyFromConsole } from "../support/admin";
import { DEMO, signInAsUser } from "../support/auth";
import { registerEndpointFromConsole, signatureIsValid, startReceiver, type ReceivedWebhook } from "../support/webhook-receiver";

type Fixtures = { members: Record<"a" | "b" | "c" | "q", { id: string; email: string; programId: string }> };
const fixtures = () => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;

const ORDER = `WH-${Date.now().toString(36)}`;
const ours = (hook: ReceivedWebhook) => hook.json.type === "points.earned" && hook.json.data.orderRef === ORDER;
// Fails the first two deliveries of our event (500), then accepts; other tests' events are simply accepted.
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let key = "";
let endpoint = { id: "", secret: "" };

test.beforeAll(async ({ browser }) => {
  receiver = await startReceiver((hook, earlier) => (ours(hook) && earlier.length < 2 ? 500 : 200));
  const page = await browser.newPage();
  await signInAsUser(page, DEMO.admin, undefined, "/console/developers/webhooks");
  key = await createApiKeyFromConsole(page, `Webhooks e2e ${ORDER}`);
  endpoint = await registerEndpointFromConsole(page, receiver.url, ["points.earned"]);
  await page.close();
});

test.afterAll(async ({ browser }) => {
  // Leave no endpoint behind that would keep calling a closed port.
  const page = await browser.newPage();
  await signInAsUser(page, DEMO.admin, undefined, `/console/developers/webhooks/${endpoint.id}`);
  await page.getByRole("button", { name: "Eliminar endpoint" }).click();
  await page.getByRole("button", { name: "Sí, continuar" }).click();
  await page.waitForURL(/\/console\/developers\/webhooks$/);
  await page.close();
  await receiver.close();
});

test("a purchase through the API reaches the receiver signed, retried after two failures, accepted once", async ({ request, browser }) => {
  // A member of its own: the fixtures' members keep the balances other tests read.
  const joined = await request.post("/api/v1/members", {
    data: { externalId: `wh-${ORDER}`, name: "Wanda Webhook", email: `${ORDER.toLowerCase()}@e2e.example` },
    headers: { Authorization: `Bearer ${key}`, "Idempotency-Key": `idem-join-${ORDER}` },
  });
  expect(joined.status()).toBe(201);
  const memberId = ((await joined.json()) as { id: string }).id;
  const purchase = await request.post("/api/v1/purchases", {
    data: { memberId, orderId: ORDER, amount: 80, currency: "USD", channel: "ecommerce" },
    headers: { Authorization: `Bearer ${key}`, "Idempotency-Key": `idem-${ORDER}` },
  });
  expect(purchase.status()).toBe(201);
  const { pointsEarned, balance } = await purchase.json();

  await expect.poll(() => receiver.received.filter(ours).map((h) => h.answered), { timeout: 30_000 }).toEqual([500, 500, 200]);
  const hooks = receiver.received.filter(ours);
  for (const hook of hooks) expect(signatureIsValid(hook, endpoint.secret), "every attempt is signed with the endpoint's secret").toBe(true);
  expect(signatureIsValid(hooks[0]!, "whsec_not-the-secret")).toBe(false);
  expect(new Set(hooks.map((h) => h.id)).size, "the same event id on every retry").toBe(1);
  expect(hooks[0]!.json).toMatchObject({
    id: hooks[0]!.id,
    type: "points.earned",
    programId: fixtures().members.a.programId,
    occurredAt: expect.any(String),
    data: { memberId, points: pointsEarned, pending: false, orderRef: ORDER, purchaseId: expect.any(String), balance: { available: balance.available } },
  });

  // Nothing more arrives for it: accepted once.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(receiver.received.filter(ours)).toHaveLength(3);

  // The console's delivery log shows the three attempts with their answers.
  const page = await browser.newPage();
  await signInAsUser(page, DEMO.admin, undefined, `/console/developers/webhooks/${endpoint.id}`);
  const delivery = page.getByTestId("delivery").filter({ hasText: hooks[0]!.id });
  await expect(delivery.getByTestId("delivery-status")).toHaveText("Entregado");
  await expect(delivery.getByTestId("delivery-attempt")).toHaveCount(3);
  const rows = await delivery.getByTestId("delivery-attempt").allInnerTexts();
  expect(rows.map((r) => r.split(/\s+/).slice(0, 2))).toEqual([["1", "500"], ["2", "500"], ["3", "200"]]);
  await expect(delivery.getByTestId("delivery-attempt").first()).toContainText("HTTP 500: try again");
  await page.close();
});

test("the API registers, lists and deletes endpoints; the secret is returned once", async ({ request }) => {
  const auth = (idempotencyKey?: string) => ({ Authorization: `Bearer ${key}`, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) });
  const url = `https://hooks.example.com/${ORDER}`;
  const created = await request.post("/api/v1/webhooks", { data: { url, events: ["points.earned", "tier.changed"], description: "CRM" }, headers: auth(`wh-create-${ORDER}`) });
  expect(created.status()).toBe(201);
  const endpointBody = await created.json();
  expect(endpointBody).toMatchObject({ id: expect.any(String), url, events: ["points.earned", "tier.changed"], status: "active", secret: expect.stringMatching(/^whsec_/) });

  const listed = await request.get("/api/v1/webhooks", { headers: auth() });
  expect(listed.status()).toBe(200);
  const mine = ((await listed.json()).data as { id: string; secret?: string; secretHint: string }[]).find((e) => e.id === endpointBody.id);
  expect(mine).toMatchObject({ secretHint: endpointBody.secret.slice(0, 10) });
  expect(mine).not.toHaveProperty("secret");

  const insecure = await request.post("/api/v1/webhooks", { data: { url: "http://hooks.example.com/x", events: [] }, headers: auth(`wh-bad-${ORDER}`) });
  expect(insecure.status()).toBe(422);
  expect(insecure.headers()["content-type"]).toContain("application/problem+json");
  expect(await insecure.json()).toMatchObject({ code: "validation_failed", errors: { url: [expect.stringContaining("https")], events: [expect.any(String)] } });
  const massAssignment = await request.post("/api/v1/webhooks", { data: { url, events: ["points.earned"], status: "disabled" }, headers: auth(`wh-extra-${ORDER}`) });
  expect(massAssignment.status()).toBe(422);

  const removed = await request.delete(`/api/v1/webhooks/${endpointBody.id}`, { headers: auth(`wh-del-${ORDER}`) });
  expect(removed.status()).toBe(200);
  const again = await request.delete(`/api/v1/webhooks/${endpointBody.id}`, { headers: auth(`wh-del2-${ORDER}`) });
  expect(again.status()).toBe(404);
  expect(await again.json()).toMatchObject({ code: "not_found" });
});
