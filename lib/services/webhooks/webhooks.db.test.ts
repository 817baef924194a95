import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import { latestMailTo } from "@/db/queries/email-outbox";
import type { ProgramRow } from "@/db/queries/programs";
import type { Actor } from "@/lib/auth/actor";
import { verifyWebhook } from "@/lib/domain/webhooks/signature";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { inviteTeamMember } from "@/lib/services/team/invite-team-member";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { dispatchWebhooks } from "./dispatch-webhooks";
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, setWebhookEndpointStatus, updateWebhookEndpoint } from "./manage-endpoints";
import type { FetchLike } from "./send-webhook";
import { openSecret } from "./signing-secret";
import { getWebhookEndpointDetail, listWebhookEndpoints, replayWebhookDelivery, sendTestWebhook } from "./webhook-deliveries";

let database: Database;
const system: Actor = { kind: "system", label: "test" };

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

type Received = { url: string; headers: Record<string, string>; body: string };
/** A fake network: each test answers for its own URLs; everything received is kept. */
const handlers = new Map<string, (n: number) => number>();
const received: Received[] = [];
const network: FetchLike = async (url, init) => {
  received.push({ url, headers: init.headers, body: init.body });
  const handler = handlers.get(url);
  const status = handler ? handler(received.filter((r) => r.url === url).length) : 404;
  return { status, text: async () => (status >= 400 ? "receiver says no" : "ok") };
};
const hook = (answer: (n: number) => number) => {
  const url = `https://hooks.example.com/${randomUUID()}`;
  handlers.set(url, answer);
  return url;
};
const to = (url: string) => received.filter((r) => r.url === url);
const dispatch = (now: Date, extra: Partial<Parameters<typeof dispatchWebhooks>[1]> = {}) => dispatchWebhooks(database.db, { now, fetch: network, random: () => 0.5, ...extra });

function userOf(program: ProgramRow, role: "marketer" | "analyst"): Actor {
  return { kind: "user", userId: randomUUID(), email: `${role}@example.com`, grants: [{ organizationId: program.organizationId, programId: program.id, role, storeIds: [], extraPermissions: [] }] };
}

describe("webhook delivery", () => {
  it("fans each event out once per subscribed endpoint, signed with the endpoint's secret", async () => {
    const program = await makeProgram(database);
    const earnedUrl = hook(() => 200);
    const membersUrl = hook(() => 204);
    const earned = await createWebhookEndpoint(database.db, system, { programId: program.id, url: earnedUrl, events: ["points.earned"] });
    await createWebhookEndpoint(database.db, system, { programId: program.id, url: membersUrl, events: ["member.created", "points.earned"] });
    const member = await makeMember(database, program.id);
    await earnPoints(database.db, { programId: program.id, memberId: member.id, points: 25, orderRef: "ORD-1" });

    const now = new Date();
    const first = await dispatch(now);
    expect(first).toMatchObject({ deliveries: 3, attempted: 3, succeeded: 3 });
    expect(to(membersUrl).map((r) => JSON.parse(r.body).type).sort()).toEqual(["member.created", "points.earned"]);
    const [delivery] = to(earnedUrl);
    const body = JSON.parse(delivery!.body);
    expect(body).toMatchObject({ id: expect.stringMatching(/^evt_\d+$/), type: "points.earned", programId: program.id, data: { memberId: member.id, points: 25, pending: false, orderRef: "ORD-1", balance: { available: 25, pending: 0 } } });
    expect(delivery!.headers["Lazo-Webhook-Id"]).toBe(body.id);
    const signed = { secret: earned.secret, timestamp: delivery!.headers["Lazo-Webhook-Timestamp"]!, body: delivery!.body, signatureHeader: delivery!.headers["Lazo-Webhook-Signature"]!, nowSeconds: Math.floor(now.getTime() / 1000) };
    expect(verifyWebhook(signed)).toBe(true);
    expect(verifyWebhook({ ...signed, secret: "whsec_wrong" })).toBe(false);

    // Running again, or twice at once, sends nothing more.
    await Promise.all([dispatch(new Date()), dispatch(new Date())]);
    expect(to(earnedUrl)).toHaveLength(1);
    expect(to(membersUrl)).toHaveLength(2);
  });

  it("delivers once even when two dispatchers race over the same new events", async () => {
    const program = await makeProgram(database);
    const url = hook(() => 200);
    await createWebhookEndpoint(database.db, system, { programId: program.id, url, events: ["member.created"] });
    await Promise.all(Array.from({ length: 5 }, () => makeMember(database, program.id)));
    const now = new Date();
    await Promise.all([dispatch(now), dispatch(now), dispatch(now)]);
    expect(to(url)).toHaveLength(5);
    expect(new Set(to(url).map((r) => r.headers["Lazo-Webhook-Id"])).size).toBe(5);
  });

  it("retries with backoff after failures and logs every attempt", async () => {
    const program = await makeProgram(database);
    const url = hook((n) => (n <= 2 ? 500 : 200));
    const endpoint = await createWebhookEndpoint(database.db, system, { programId: program.id, url, events: ["member.created"] });
    await makeMember(database, program.id);
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);

    expect(await dispatch(t0)).toMatchObject({ attempted: 1, failed: 1 });
    // Base 30 s, jitter 0.5 → the first retry is due 22.5 s later, the second 45 s after that.
    expect(await dispatch(at(20_000))).toMatchObject({ attempted: 0 });
    expect(await dispatch(at(23_000))).toMatchObject({ attempted: 1, failed: 1 });
    expect(await dispatch(at(60_000))).toMatchObject({ attempted: 0 });
    expect(await dispatch(at(69_000))).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(await dispatch(at(10 * 60_000))).toMatchObject({ attempted: 0 });

    const detail = await getWebhookEndpointDetail(database.db, system, { programId: program.id, endpointId: endpoint.id });
    expect(detail.deliveries).toHaveLength(1);
    expect(detail.deliveries[0]).toMatchObject({ status: "succeeded", eventType: "member.created", nextAttemptAt: null });
    expect(detail.deliveries[0]!.attempts.map((a) => [a.attempt, a.responseStatus])).toEqual([[1, 500], [2, 500], [3, 200]]);
    expect(detail.deliveries[0]!.attempts[0]!.error).toBe("HTTP 500: receiver says no");
    expect(detail.endpoint).toMatchObject({ status: "active", consecutiveFailures: 0, failingSince: null });
    // Every attempt carried the same event id, so the receiver can de-duplicate.
    expect(new Set(to(url).map((r) => r.headers["Lazo-Webhook-Id"])).size).toBe(1);
  });

  it("gives up after 24 hours, disables the endpoint, mails the admins and audits it", async () => {
    const program = await makeProgram(database);
    const adminEmail = `admin-${randomUUID().slice(0, 8)}@example.com`;
    await inviteTeamMember(database.db, system, { programId: program.id, email: adminEmail, name: "Admin", role: "admin", appUrl: "http://lazo.test" });
    const url = hook(() => 503);
    const endpoint = await createWebhookEndpoint(database.db, system, { programId: program.id, url, events: ["member.created"] });
    await makeMember(database, program.id);
    const t0 = new Date();
    await dispatch(t0);
    await dispatch(new Date(t0.getTime() + 60 * 60_000));
    expect((await listWebhookEndpoints(database.db, system, { programId: program.id }))[0]).toMatchObject({ status: "active", consecutiveFailures: 2, pendingDeliveries: 1 });

    await dispatch(new Date(t0.getTime() + 24 * 60 * 60_000 + 1));
    const [after] = await listWebhookEndpoints(database.db, system, { programId: program.id });
    expect(after).toMatchObject({ status: "disabled", disabledReason: "failing_24h", consecutiveFailures: 3, pendingDeliveries: 0, failedDeliveries: 1 });
    const mail = await latestMailTo(database.db, adminEmail);
    expect(mail?.subject).toContain("Webhook desactivado");
    expect(mail?.text).toContain(url);
    const audit = await listAuditEntries(database.db, { programId: program.id, action: "webhook.auto_disable", limit: 5 });
    expect(audit).toHaveLength(1);

    // A disabled endpoint gets nothing new until it is enabled again.
    await makeMember(database, program.id);
    const before = to(url).length;
    await dispatch(new Date(t0.getTime() + 25 * 60 * 60_000));
    expect(to(url)).toHaveLength(before);
    await expect(replayWebhookDelivery(database.db, system, { programId: program.id, deliveryId: (await getWebhookEndpointDetail(database.db, system, { programId: program.id, endpointId: endpoint.id })).deliveries[0]!.id })).rejects.toMatchObject({ code: "endpoint_disabled" });
    const enabled = await setWebhookEndpointStatus(database.db, system, { programId: program.id, endpointId: endpoint.id, status: "active" });
    expect(enabled).toMatchObject({ status: "active", disabledReason: null, consecutiveFailures: 0 });
  });

  it("replays a delivery as a new one with the same event id, and sends test events", async () => {
    const program = await makeProgram(database);
    const url = hook(() => 200);
    const endpoint = await createWebhookEndpoint(database.db, system, { programId: program.id, url, events: ["member.created"] });
    await makeMember(database, program.id);
    await dispatch(new Date());
    const [original] = (await getWebhookEndpointDetail(database.db, system, { programId: program.id, endpointId: endpoint.id })).deliveries;
    const marketer = userOf(program, "marketer");
    await replayWebhookDelivery(database.db, marketer, { programId: program.id, deliveryId: original!.id });
    await sendTestWebhook(database.db, marketer, { programId: program.id, endpointId: endpoint.id });
    expect(await dispatch(new Date())).toMatchObject({ attempted: 2, succeeded: 2 });
    const bodies = to(url).map((r) => JSON.parse(r.body) as { id: string; type: string });
    expect(bodies.map((b) => b.type)).toEqual(["member.created", "member.created", "webhook.test"]);
    expect(bodies[1]!.id).toBe(bodies[0]!.id);
    const detail = await getWebhookEndpointDetail(database.db, system, { programId: program.id, endpointId: endpoint.id });
    expect(detail.deliveries.map((d) => [d.eventType, d.replay, d.status]).sort()).toEqual([["member.created", 0, "succeeded"], ["member.created", 1, "succeeded"], ["webhook.test", 0, "succeeded"]]);
    expect((await listAuditEntries(database.db, { programId: program.id, action: "webhook.", limit: 10 })).map((a) => a.action).sort()).toEqual(["webhook.create", "webhook.replay", "webhook.test"]);
  });
});

describe("webhook endpoints", () => {
  it("stores the secret sealed, shows it once, rotates it, and audits every change", async () => {
    const program = await makeProgram(database);
    const created = await createWebhookEndpoint(database.db, system, { programId: program.id, url: "http://localhost:4000/hook", events: ["points.earned", "points.earned"] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.events).toEqual(["points.earned"]);
    const [listed] = await listWebhookEndpoints(database.db, system, { programId: program.id });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const rotated = await rotateWebhookSecret(database.db, system, { programId: program.id, endpointId: created.id });
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.secretHint).toBe(rotated.secret.slice(0, 10));
    const updated = await updateWebhookEndpoint(database.db, system, { programId: program.id, endpointId: created.id, events: ["tier.changed"], description: "CRM" });
    expect(updated).toMatchObject({ events: ["tier.changed"], description: "CRM" });
    await deleteWebhookEndpoint(database.db, system, { programId: program.id, endpointId: created.id });
    expect(await listWebhookEndpoints(database.db, system, { programId: program.id })).toEqual([]);
    const actions = (await listAuditEntries(database.db, { programId: program.id, action: "webhook.", limit: 10 })).map((a) => a.action);
    expect(actions.sort()).toEqual(["webhook.create", "webhook.delete", "webhook.rotate_secret", "webhook.update"]);
    expect(() => openSecret("v1.x.y.z")).toThrow();
  });

  it("refuses bad URLs and events field by field, and keeps programs apart", async () => {
    const program = await makeProgram(database);
    const other = await makeProgram(database);
    await expect(createWebhookEndpoint(database.db, system, { programId: program.id, url: "http://hooks.example.com/x", events: [] })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { url: ["Use https:// (plain http only for localhost)."], events: ["Pick at least one event."] },
    });
    await expect(createWebhookEndpoint(database.db, system, { programId: program.id, url: "https://ok.example.com", events: ["points.gifted" as never] })).rejects.toMatchObject({ code: "validation_failed" });
    const endpoint = await createWebhookEndpoint(database.db, system, { programId: program.id, url: "https://ok.example.com", events: ["member.created"] });
    await expect(createWebhookEndpoint(database.db, userOf(program, "analyst"), { programId: program.id, url: "https://ok.example.com", events: ["member.created"] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listWebhookEndpoints(database.db, userOf(other, "marketer"), { programId: program.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteWebhookEndpoint(database.db, userOf(other, "marketer"), { programId: other.id, endpointId: endpoint.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
