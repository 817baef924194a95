import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { campaignAwards, campaignMembers, campaigns, coupons, domainEvents, emailOutbox, ledgerEntries, memberMessages } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { assignGroup } from "@/lib/domain/campaigns/assignment";
import { redeemCoupon } from "@/lib/services/coupons/validate-coupon";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { createMember } from "@/lib/services/members/create-member";
import { updateMyConsents } from "@/lib/services/members/update-my-consents";
import { createReward } from "@/lib/services/rewards/manage-rewards";
import { createSegment } from "@/lib/services/segments/manage-segments";
import { refreshSegments } from "@/lib/services/segments/refresh-segments";
import { createStore } from "@/lib/services/stores/create-store";
import type { CreateCampaignInput } from "@/lib/validation/campaigns";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { getCampaignResults } from "./campaign-results";
import { createCampaign, setCampaignStatus } from "./manage-campaigns";
import { countMyUnread, listMyInbox, markAllMyMessagesRead, markMyMessageRead } from "./member-inbox";
import { runProgramCampaigns } from "./run-campaigns";

const NOW = new Date("2026-06-15T18:00:00Z");
const system: Actor = { kind: "system", label: "test" };
const marketerOf = (p: ProgramRow): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: "marketer@example.com",
  grants: [{ organizationId: p.organizationId, programId: p.id, role: "marketer" as Grant["role"], storeIds: [], extraPermissions: [] }],
});
const templates = {
  es: { subject: "Un regalo para ti, {name}", body: "Tu {reward} te espera: {code}." },
  en: { subject: "A gift for you, {name}", body: "Your {reward} is waiting: {code}." },
};

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase({ isolated: true });
});
afterAll(async () => {
  await database?.close();
});

/** A program with `inside` members in the "Oaxaca" segment (marketing consent unless told) and one member outside it. */
async function setup(o: { inside?: number; consents?: boolean[]; reward?: Partial<Parameters<typeof createReward>[2]> } = {}) {
  const p = await makeProgram(database);
  const marketer = marketerOf(p);
  const consents = o.consents ?? Array.from({ length: o.inside ?? 4 }, () => true);
  const member = (city: string, marketing: boolean) =>
    createMember(database.db, { programId: p.id, name: "Socia", email: `${randomUUID().slice(0, 8)}@example.com`, city, consents: { terms: true, marketing } });
  const inside = [];
  for (const marketing of consents) inside.push(await member("Oaxaca", marketing));
  const outside = await member("Puebla", true);
  const segment = await createSegment(database.db, marketer, { programId: p.id, name: "Oaxaca", definition: { type: "group", match: "all", items: [{ type: "city", cities: ["Oaxaca"] }] } }, NOW);
  const reward = await createReward(database.db, system, { programId: p.id, kind: "amount_discount", name: { es: "Descuento de $50", en: "$50 off" }, pointsPrice: 500, value: 5_000, ...o.reward } as never);
  const offer = (over: Partial<CreateCampaignInput> = {}): CreateCampaignInput => ({ programId: p.id, name: "Oferta", kind: "offer", segmentId: segment.id, rewardId: reward.id, channels: ["inbox", "email"], templates, ...over });
  const launch = async (over: Partial<CreateCampaignInput> = {}) => {
    const c = await createCampaign(database.db, marketer, offer(over));
    await setCampaignStatus(database.db, marketer, { programId: p.id, campaignId: c.id, status: "running" });
    return c;
  };
  return { p, marketer, inside, outside, segment, reward, offer, launch };
}

const couponsOf = (p: ProgramRow, memberId: string) => database.db.select().from(coupons).where(and(eq(coupons.programId, p.id), eq(coupons.memberId, memberId)));
const inboxOf = (p: ProgramRow, memberId: string) => database.db.select().from(memberMessages).where(and(eq(memberMessages.programId, p.id), eq(memberMessages.memberId, memberId)));
const mailTo = (email: string) => database.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
const run = (p: ProgramRow, now = NOW) => runProgramCampaigns(database.db, { programId: p.id, now });
const campaignRow = async (id: string) => (await database.db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!;

describe("offer campaigns", () => {
  it("issues the reward's coupon to each member of the segment exactly once, free, however often and however concurrently it runs", async () => {
    const { p, inside, outside, reward, launch } = await setup({ inside: 4 });
    const c = await launch();
    const runs = await Promise.all([run(p), run(p)]);
    expect(runs.reduce((s, r) => s + r.awarded, 0)).toBe(4);
    expect(await run(p, new Date(NOW.getTime() + 3_600_000))).toMatchObject({ awarded: 0, evaluated: 0 });
    for (const m of inside) {
      const mine = await couponsOf(p, m.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ rewardId: reward.id, campaignId: c.id, pointsSpent: 0, redeemEntryId: null, status: "issued" });
      // No points moved: an offer is not a redemption.
      expect((await getBalance(database.db, { programId: p.id, memberId: m.id })).available).toBe(0);
      const [message] = await inboxOf(p, m.id);
      expect(message).toMatchObject({ couponId: mine[0]!.id, rewardId: reward.id, title: { es: "Un regalo para ti, Socia" }, body: { es: `Tu Descuento de $50 te espera: ${mine[0]!.code}.`, en: `Your $50 off is waiting: ${mine[0]!.code}.` } });
      const mails = await mailTo(m.email!);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain(mine[0]!.code);
    }
    expect(await couponsOf(p, outside.id)).toHaveLength(0);
    expect(await inboxOf(p, outside.id)).toHaveLength(0);
    const entries = await database.db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries).where(eq(ledgerEntries.programId, p.id));
    expect(Number(entries[0]!.n)).toBe(0);
    const issued = await database.db.select().from(domainEvents).where(and(eq(domainEvents.programId, p.id), eq(domainEvents.type, "coupon.issued")));
    expect(issued).toHaveLength(4);
    // A later run reads nobody new, and its progress still counts everyone reached.
    expect((await campaignRow(c.id)).runProgress).toMatchObject({ total: 4, done: 4, awarded: 4, control: 0, skipped: 0 });
  });

  it("reaches members who join the segment later, once, while the campaign runs", async () => {
    const { p, marketer, segment, launch } = await setup({ inside: 2 });
    await launch();
    expect(await run(p)).toMatchObject({ awarded: 2 });
    const late = await createMember(database.db, { programId: p.id, name: "Nueva", email: `${randomUUID().slice(0, 8)}@example.com`, city: "Oaxaca", consents: { terms: true, marketing: true } });
    await refreshSegments(database.db, marketer, { programId: p.id, segmentId: segment.id }, NOW);
    expect(await run(p)).toMatchObject({ awarded: 1, evaluated: 1 });
    expect(await couponsOf(p, late.id)).toHaveLength(1);
  });

  it("stops exactly at a count cap, and at a money cap, and never passes either on a re-run", async () => {
    const counted = await setup({ inside: 5 });
    const byCount = await counted.launch({ budgetCount: 3 });
    expect(await run(counted.p)).toMatchObject({ awarded: 3, budget: 1 });
    expect(await run(counted.p)).toMatchObject({ awarded: 0, budget: 1 });
    expect(await campaignRow(byCount.id)).toMatchObject({ spentCount: 3, spentMoneyMinor: 15_000 });
    const issued = await database.db.select({ n: sql<number>`count(*)::int` }).from(coupons).where(eq(coupons.campaignId, byCount.id));
    expect(Number(issued[0]!.n)).toBe(3);

    // $50 coupons under a $120 cap: two fit, a third would pass it.
    const money = await setup({ inside: 5 });
    const byMoney = await money.launch({ budgetMoneyMinor: 12_000 });
    expect(await run(money.p)).toMatchObject({ awarded: 2, budget: 1 });
    expect(await campaignRow(byMoney.id)).toMatchObject({ spentCount: 2, spentMoneyMinor: 10_000 });
    expect((await campaignRow(byMoney.id)).runProgress).toMatchObject({ total: 5, done: 3, awarded: 2, skipped: 1 });
  });

  it("stops when the reward runs out of stock", async () => {
    const { p, launch } = await setup({ inside: 4, reward: { stock: 2 } });
    const c = await launch();
    expect(await run(p)).toMatchObject({ awarded: 2, unavailable: 1 });
    expect(Number((await database.db.select({ n: sql<number>`count(*)::int` }).from(coupons).where(eq(coupons.campaignId, c.id)))[0]!.n)).toBe(2);
  });

  it("gives nothing to members without marketing consent, and reaches them once they consent", async () => {
    const { p, inside, launch } = await setup({ consents: [true, false] });
    const [yes, no] = inside as [(typeof inside)[0], (typeof inside)[0]];
    await launch();
    expect(await run(p)).toMatchObject({ awarded: 1, noConsent: 1 });
    expect(await couponsOf(p, yes.id)).toHaveLength(1);
    expect(await couponsOf(p, no.id)).toHaveLength(0);
    expect(await inboxOf(p, no.id)).toHaveLength(0);
    expect(await mailTo(no.email!)).toHaveLength(0);
    await updateMyConsents(database.db, { kind: "member", programId: p.id, memberId: no.id }, { marketing: "yes", personalization: "no" });
    expect(await run(p)).toMatchObject({ awarded: 1 });
    expect(await couponsOf(p, no.id)).toHaveLength(1);
  });

  it("holds out the control group (tracked, nothing issued) and counts offers issued and redeemed per arm", async () => {
    const { p, marketer, inside, launch } = await setup({ inside: 12 });
    const c = await launch({ controlSharePct: 50 });
    const control = inside.filter((m) => assignGroup(c.id, m.id, 50) === "control");
    const treatment = inside.filter((m) => assignGroup(c.id, m.id, 50) === "treatment");
    expect(control.length).toBeGreaterThan(0);
    expect(treatment.length).toBeGreaterThan(0);
    expect(await run(p)).toMatchObject({ awarded: treatment.length, control: control.length });
    for (const m of control) {
      expect(await couponsOf(p, m.id)).toHaveLength(0);
      expect(await inboxOf(p, m.id)).toHaveLength(0);
    }
    const arms = await database.db.select({ group: campaignMembers.group, n: sql<number>`count(*)::int` }).from(campaignMembers).where(eq(campaignMembers.campaignId, c.id)).groupBy(campaignMembers.group);
    expect(Object.fromEntries(arms.map((a) => [a.group, Number(a.n)]))).toEqual({ control: control.length, treatment: treatment.length });
    const heldOut = await database.db.select().from(campaignAwards).where(and(eq(campaignAwards.campaignId, c.id), eq(campaignAwards.isControl, true)));
    expect(heldOut).toHaveLength(control.length);

    const storeId = (await createStore(database.db, system, { programId: p.id, code: "OAX-1", name: "Oaxaca" })).id;
    const [first] = await couponsOf(p, treatment[0]!.id);
    await redeemCoupon(database.db, system, { programId: p.id, code: first!.code, storeId }, { now: NOW });
    const results = await getCampaignResults(database.db, marketer, { programId: p.id, campaignId: c.id }, NOW);
    expect(results.treatment).toMatchObject({ members: treatment.length, awarded: treatment.length, offersIssued: treatment.length, offersRedeemed: 1 });
    expect(results.control).toMatchObject({ members: control.length, awarded: 0, offersIssued: 0, offersRedeemed: 0 });
  });

  it("issues only between its start and end, then ends", async () => {
    const { p, inside, launch } = await setup({ inside: 2 });
    const c = await launch({ startsAt: new Date("2026-06-20T00:00:00Z"), endsAt: new Date("2026-06-22T00:00:00Z") });
    expect(await run(p)).toMatchObject({ awarded: 0 });
    expect(await couponsOf(p, inside[0]!.id)).toHaveLength(0);
    expect(await run(p, new Date("2026-06-21T12:00:00Z"))).toMatchObject({ awarded: 2 });
    await run(p, new Date("2026-06-23T00:00:00Z"));
    expect((await campaignRow(c.id)).status).toBe("ended");
  });

  it("needs a reward of its own program, refuses a points cap, and a money cap on a reward without a money value", async () => {
    const { p, marketer, offer } = await setup({ inside: 1 });
    const other = await setup({ inside: 1 });
    await expect(createCampaign(database.db, marketer, offer({ rewardId: other.reward.id }))).rejects.toMatchObject({ code: "validation_failed", fields: { rewardId: expect.any(Array) } });
    await expect(createCampaign(database.db, marketer, offer({ rewardId: null }))).rejects.toMatchObject({ code: "validation_failed", fields: { rewardId: expect.any(Array) } });
    await expect(createCampaign(database.db, marketer, offer({ budgetPoints: 1_000 }))).rejects.toMatchObject({ code: "validation_failed", fields: { budgetPoints: expect.any(Array) } });
    const percent = await createReward(database.db, system, { programId: p.id, kind: "percent_discount", name: { es: "10 %", en: "10 %" }, pointsPrice: 100, value: 1_000 } as never);
    await expect(createCampaign(database.db, marketer, offer({ rewardId: percent.id, budgetMoneyMinor: 10_000 }))).rejects.toMatchObject({ code: "validation_failed", fields: { budgetMoneyMinor: expect.any(Array) } });
    expect(await createCampaign(database.db, marketer, offer({ rewardId: percent.id, budgetCount: 10 }))).toMatchObject({ kind: "offer", budgetCount: 10, definition: { rewardId: percent.id } });
  });
});

describe("the inbox is each member's own", () => {
  it("lists an offer with its coupon to its member only, counts unread across pages, and marks read only the member's own", async () => {
    const { p, inside, launch } = await setup({ inside: 2 });
    await launch();
    await launch({ name: "Segunda" });
    await run(p);
    const [ana, beto] = inside as [(typeof inside)[0], (typeof inside)[0]];
    const asAna: Actor = { kind: "member", programId: p.id, memberId: ana.id };
    const asBeto: Actor = { kind: "member", programId: p.id, memberId: beto.id };
    const inbox = await listMyInbox(database.db, asAna, 1, NOW);
    expect(inbox.unread).toBe(2);
    expect(inbox.messages).toHaveLength(1);
    expect(inbox.messages[0]).toMatchObject({ memberId: ana.id, coupon: { status: "issued" }, reward: { name: { en: "$50 off" } } });
    const anasNewest = inbox.messages[0]!.id;
    const betos = await listMyInbox(database.db, asBeto);
    expect(betos.messages.every((m) => m.memberId === beto.id)).toBe(true);
    // Another member's message is "not found", whichever way it is marked; a malformed id is a validation error.
    await expect(markMyMessageRead(database.db, asBeto, { messageId: anasNewest })).rejects.toMatchObject({ code: "not_found" });
    await expect(markAllMyMessagesRead(database.db, asBeto, { throughId: anasNewest })).rejects.toMatchObject({ code: "not_found" });
    await expect(markMyMessageRead(database.db, asAna, { messageId: "nope" })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await countMyUnread(database.db, asAna)).toBe(2);
    expect(await markAllMyMessagesRead(database.db, asAna, { throughId: anasNewest }, NOW)).toEqual({ changed: 2 });
    expect(await countMyUnread(database.db, asAna)).toBe(0);
    expect(await countMyUnread(database.db, asBeto)).toBe(2);
    // Console users and API keys have no inbox.
    await expect(countMyUnread(database.db, marketerOf(p))).rejects.toMatchObject({ code: "not_found" });
  });
});
