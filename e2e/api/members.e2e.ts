import { expect, test } from "@playwright/test";
import { createApiKeyFromConsole } from "../support/admin";
import { DEMO, signInAsUser } from "../support/auth";

let key = "";
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signInAsUser(page, DEMO.admin, undefined, "/console/developers/api-keys");
  key = await createApiKeyFromConsole(page, `Members e2e ${Date.now().toString(36)}`);
  await page.close();
});

const auth = (idempotencyKey?: string) => ({ Authorization: `Bearer ${key}`, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) });

test("enrols a member, finds it by each identifier, refuses a duplicate externalId", async ({ request }) => {
  const externalId = `crm-${Date.now().toString(36)}`;
  const email = `${externalId}@example.com`;
  const created = await request.post("/api/v1/members", { headers: auth(`enrol-${externalId}`), data: { externalId, email, phone: "+52 55 1234 5678", name: "Diana Delta", consents: { terms: true, marketing: false } } });
  expect(created.status()).toBe(201);
  const member = await created.json();
  expect(member).toMatchObject({ externalId, email, phone: "+525512345678", cardNumber: expect.stringMatching(/^7\d{15}$/), balance: { available: 0, pending: 0 }, consents: { terms: true, marketing: false } });

  for (const query of [`externalId=${externalId}`, `email=${encodeURIComponent(email)}`, `cardNumber=${member.cardNumber}`]) {
    const found = await request.get(`/api/v1/members?${query}`, { headers: auth() });
    expect(found.status()).toBe(200);
    expect((await found.json()).data.map((m: { id: string }) => m.id)).toEqual([member.id]);
  }
  const ambiguous = await request.get(`/api/v1/members?externalId=${externalId}&email=${encodeURIComponent(email)}`, { headers: auth() });
  expect(ambiguous.status()).toBe(422);

  const duplicate = await request.post("/api/v1/members", { headers: auth(`enrol-again-${externalId}`), data: { externalId } });
  expect(duplicate.status()).toBe(409);
  expect(await duplicate.json()).toMatchObject({ code: "member_exists" });
});

test("adjusts points with a reason, never below zero", async ({ request }) => {
  const externalId = `adj-${Date.now().toString(36)}`;
  const member = await (await request.post("/api/v1/members", { headers: auth(`enrol-${externalId}`), data: { externalId } })).json();
  const credit = await request.post(`/api/v1/members/${member.id}/adjustments`, { headers: auth(`credit-${externalId}`), data: { points: 40, reason: "Welcome gift" } });
  expect(credit.status()).toBe(201);
  expect((await credit.json()).balance.available).toBe(40);
  const tooMuch = await request.post(`/api/v1/members/${member.id}/adjustments`, { headers: auth(`debit-${externalId}`), data: { points: -41, reason: "Correction" } });
  expect(tooMuch.status()).toBe(422);
  expect(await tooMuch.json()).toMatchObject({ code: "insufficient_points" });
  const noReason = await request.post(`/api/v1/members/${member.id}/adjustments`, { headers: auth(`noreason-${externalId}`), data: { points: 5 } });
  expect(await noReason.json()).toMatchObject({ code: "validation_failed", errors: { reason: [expect.any(String)] } });
  const after = await request.get(`/api/v1/members/${member.id}`, { headers: auth() });
  expect((await after.json()).balance.available).toBe(40);
});
