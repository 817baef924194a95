import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { domainEvents, referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import { exportMyData } from "@/lib/services/members/export-my-data";
import { createMember } from "@/lib/services/members/create-member";
import { createProgram } from "@/lib/services/programs/create-program";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { createWebhookEndpoint } from "@/lib/services/webhooks/manage-endpoints";
import { dispatchWebhooks } from "@/lib/services/webhooks/dispatch-webhooks";
import type { FetchLike } from "@/lib/services/webhooks/send-webhook";
import { openTestDatabase } from "@/tests/support/database";
import { releaseAndRewardReferrals } from "./release-and-reward";

let database: Database;
let programId: string;
const system: Actor = { kind: "system", label: "test" };
const T0 = new Date("2026-06-01T15:00:00Z");
const DAY = 86_400_000;
const AFTER_WINDOW = new Date(T0.getTime() + 15 * DAY);
const REFERRAL_EVENTS = ["referral.created", "referral.completed", "referral.cancelled"];

beforeAll(async () => {
  // Isolated: the webhook dispatch below fans out and sends every program's events of the database.
  database = await openTestDatabase({ isolated: true });
  const slug = `refev-${randomUUID().slice(0, 8)}`;
  const program = await createProgram(
    database.db,
    { slug, name: `Referidos ${slug}`, currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" },
    { plan: { ...defaultPlan(), pendingDays: 14 }, settings: { referrals: { referrerPoints: 100, refereePoints: 50, limitPerReferrer: 1, minPurchaseMinor: 20_000 } } },
  );
  programId = program.id;
});
afterAll(async () => database.close());

const tag = () => randomUUID().slice(0, 8);
const referrer = () => createMember(database.db, { programId, name: "Ana Refiere", email: `ana.${tag()}@example.com` }, T0);
const friend = (code: string, name = "Beto Nuevo") => createMember(database.db, { programId, name, email: `f.${tag()}@example.com`, referralCode: code }, T0);
const buy = (memberId: string, orderId = `ORD-${tag()}`) =>
  recordPurchase(database.db, system, { programId, memberId, orderId, amountMinor: 30_000, currency: "MXN", channel: "pos", occurredAt: T0 }, T0).then((r) => ({ ...r, orderId }));
const referralOf = async (refereeId: string) => (await database.db.select().from(referrals).where(and(eq(referrals.programId, programId), eq(referrals.refereeId, refereeId))))[0]!;

/** The referral events of one referral, oldest first, as an integration would receive their `data`. */
async function eventsOf(referralId: string) {
  const rows = await database.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.programId, programId), inArray(domainEvents.type, REFERRAL_EVENTS)))
    .orderBy(asc(domainEvents.id));
  return rows.filter((r) => (r.payload as { referralId?: string }).referralId === referralId).map((r) => ({ type: r.type, data: r.payload as Record<string, unknown>, at: r.createdAt }));
}

describe("referral events", () => {
  it("announces the referral when the friend joins, and its completion once however often the job runs", async () => {
    const ana = await referrer();
    const beto = await friend(ana.referralCode!);
    const referral = await referralOf(beto.id);
    expect(await eventsOf(referral.id)).toEqual([{ type: "referral.created", data: { referralId: referral.id, referrerId: ana.id, refereeId: beto.id, code: ana.referralCode, createdAt: T0.toISOString() }, at: T0 }]);

    const purchase = await buy(beto.id);
    await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW });
    await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW });
    const settled = await referralOf(beto.id);
    const events = await eventsOf(referral.id);
    expect(events.map((e) => e.type)).toEqual(["referral.created", "referral.completed"]);
    expect(events[1]).toEqual({
      type: "referral.completed",
      data: { referralId: referral.id, referrerId: ana.id, refereeId: beto.id, code: ana.referralCode, purchaseId: purchase.purchaseId, status: "rewarded", reason: null, referrerPoints: 100, refereePoints: 50, referrerEntryId: settled.referrerEntryId, refereeEntryId: settled.refereeEntryId },
      at: AFTER_WINDOW,
    });
    expect(settled.referrerEntryId).toEqual(expect.any(Number));
  });

  it("announces a referral past the referrer's limit as completed without points", async () => {
    const ana = await referrer();
    const [beto, carla] = [await friend(ana.referralCode!), await friend(ana.referralCode!, "Carla Nueva")];
    await buy(beto.id);
    await buy(carla.id);
    await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW });
    const completed = [...(await eventsOf((await referralOf(beto.id)).id)), ...(await eventsOf((await referralOf(carla.id)).id))].filter((e) => e.type === "referral.completed");
    expect(completed.map((e) => [e.data.status, e.data.reason, e.data.referrerPoints, e.data.refereePoints]).sort()).toEqual([
      ["not_rewarded", "limit_reached", 0, 0],
      ["rewarded", null, 100, 50],
    ]);
  });

  it("announces a refund before the reward as cancelled, in the refund's transaction, and nothing after", async () => {
    const ana = await referrer();
    const beto = await friend(ana.referralCode!);
    const purchase = await buy(beto.id);
    const refundedAt = new Date(T0.getTime() + 2 * DAY);
    await refundPurchase(database.db, system, { programId, orderId: purchase.orderId, amount: 300 }, refundedAt);
    await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW });
    const referral = await referralOf(beto.id);
    expect((await eventsOf(referral.id)).slice(1)).toEqual([
      { type: "referral.cancelled", data: { referralId: referral.id, referrerId: ana.id, refereeId: beto.id, code: ana.referralCode, purchaseId: purchase.purchaseId, status: "cancelled", reason: "purchase_refunded" }, at: refundedAt },
    ]);
  });

  it("writes nothing when a refused code stops the enrolment", async () => {
    const before = await database.db.select().from(domainEvents).where(eq(domainEvents.programId, programId));
    await expect(friend("ZZZZZZZZ")).rejects.toMatchObject({ status: 422 });
    expect(await database.db.select().from(domainEvents).where(eq(domainEvents.programId, programId))).toHaveLength(before.length);
  });

  it("can be subscribed to: an endpoint of referral.completed gets a delivery for each completion, and only those", async () => {
    const endpoint = await createWebhookEndpoint(database.db, system, { programId, url: "https://hooks.example.com/lazo", events: ["referral.completed"] }, T0);
    const ana = await referrer();
    const beto = await friend(ana.referralCode!);
    await buy(beto.id);
    await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW });
    const sent: { type: string; referralId: string }[] = [];
    const network: FetchLike = async (_url, init) => {
      const body = JSON.parse(init.body) as { type: string; data: { referralId: string } };
      sent.push({ type: body.type, referralId: body.data.referralId });
      return { status: 200, text: async () => "ok" };
    };
    await dispatchWebhooks(database.db, { now: AFTER_WINDOW, fetch: network, random: () => 0.5 });
    expect(endpoint.events).toEqual(["referral.completed"]);
    expect(sent).toContainEqual({ type: "referral.completed", referralId: (await referralOf(beto.id)).id });
    expect(sent.every((s) => s.type === "referral.completed")).toBe(true);
  });
});

describe("the member's data download", () => {
  it("holds the member's code, who referred them, the friends they referred and the points each earned", async () => {
    const ana = await referrer();
    const beto = await friend(ana.referralCode!);
    const carla = await friend(ana.referralCode!, "Carla María Pérez");
    await buy(beto.id);
    await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW });
    const display = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

    const anas = (await exportMyData(database.db, { kind: "member", programId, memberId: ana.id }, AFTER_WINDOW)).referrals;
    expect(anas).toMatchObject({ code: display(ana.referralCode!), referredBy: null, pointsEarned: 100 });
    expect(anas.referred.map((f) => [f.name, f.status, f.pointsEarned]).sort()).toEqual([
      ["Beto N.", "rewarded", 100],
      ["Carla P.", "pending", 0],
    ]);
    // Friends appear as the portal shows them: never their address.
    expect(JSON.stringify(anas)).not.toContain(carla.email!);

    const betos = (await exportMyData(database.db, { kind: "member", programId, memberId: beto.id }, AFTER_WINDOW)).referrals;
    expect(betos).toMatchObject({ code: display(beto.referralCode!), referred: [], pointsEarned: 50, referredBy: { name: "Ana R.", code: display(ana.referralCode!), status: "rewarded", pointsEarned: 50 } });
  });
});
