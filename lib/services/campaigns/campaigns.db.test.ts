import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import type { ProgramRow } from "@/db/queries/programs";
import { campaignAwards, campaignMembers, domainEvents, emailOutbox, ledgerEntries, memberMessages } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { assignGroup } from "@/lib/domain/campaigns/assignment";
import { findJob } from "@/lib/jobs/lifecycle-jobs";
import { createMember } from "@/lib/services/members/create-member";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { createSegment } from "@/lib/services/segments/manage-segments";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import type { CreateCampaignInput } from "@/lib/validation/campaigns";
import { getCampaignResults } from "./campaign-results";
import { createCampaign, setCampaignStatus, updateCampaign } from "./manage-campaigns";
import { runProgramCampaigns } from "./run-campaigns";
import { listMyInbox, markMyMessageRead } from "./member-inbox";

// 15 June 2026, noon in Mexico City: members born on 15 June have their birthday today.
const NOW = new Date("2026-06-15T18:00:00Z");
const system: Actor = { kind: "system", label: "test" };
const user = (p: ProgramRow, role: Grant["role"]): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `${role}@example.com`,
  grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }],
});
const templates = {
  es: { subject: "¡Feliz cumpleaños, {name}!", body: "Te regalamos {points} puntos." },
  en: { subject: "Happy birthday, {name}!", body: "{points} points for you." },
};

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase({ isolated: true });
});
afterAll(async () => {
  await database?.close();
});

async function member(p: ProgramRow, o: { birthday?: string; city?: string; marketing?: boolean; name?: string } = {}) {
  return createMember(database.db, {
    programId: p.id,
    name: o.name ?? "Socia",
    email: `${randomUUID().slice(0, 8)}@example.com`,
    birthday: o.birthday,
    city: o.city,
    consents: { terms: true, marketing: o.marketing ?? true },
  });
}

function birthdayCampaign(p: ProgramRow, over: Partial<CreateCampaignInput> = {}): CreateCampaignInput {
  return { programId: p.id, name: "Cumpleaños", kind: "trigger", trigger: { type: "birthday" }, points: 50, channels: ["inbox", "email", "webhook"], templates, startsAt: new Date("2026-01-01T00:00:00Z"), ...over };
}

async function launch(p: ProgramRow, input: CreateCampaignInput) {
  const marketer = user(p, "marketer");
  const c = await createCampaign(database.db, marketer, input);
  await setCampaignStatus(database.db, marketer, { programId: p.id, campaignId: c.id, status: "running" });
  return c;
}

const campaignPoints = async (p: ProgramRow, memberId: string) => {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int`, points: sql<number>`coalesce(sum(${ledgerEntries.points}), 0)::int` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.id), eq(ledgerEntries.memberId, memberId), sql`${ledgerEntries.reason} like 'campaign:%'`));
  return { entries: Number(row!.n), points: Number(row!.points) };
};
const inboxOf = (p: ProgramRow, memberId: string) => database.db.select().from(memberMessages).where(and(eq(memberMessages.programId, p.id), eq(memberMessages.memberId, memberId)));
const mailTo = (email: string) => database.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));

describe("managing campaigns", () => {
  it("lets a marketer create, activate and pause a campaign, each change audited", async () => {
    const p = await makeProgram(database);
    const marketer = user(p, "marketer");
    const c = await createCampaign(database.db, marketer, birthdayCampaign(p));
    expect(c.status).toBe("draft");
    await setCampaignStatus(database.db, marketer, { programId: p.id, campaignId: c.id, status: "running" });
    await setCampaignStatus(database.db, marketer, { programId: p.id, campaignId: c.id, status: "paused" });
    const edited = await updateCampaign(database.db, marketer, { ...birthdayCampaign(p, { points: 75 }), campaignId: c.id });
    expect(edited.definition).toMatchObject({ points: 75, trigger: { type: "birthday" } });
    const actions = (await listAuditEntries(database.db, { programId: p.id, limit: 20 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["campaign.create", "campaign.activate", "campaign.pause", "campaign.update"]));
  });

  it("refuses analysts and other programs before reading the input, and bad input writes nothing", async () => {
    const p = await makeProgram(database);
    const other = await makeProgram(database);
    await expect(createCampaign(database.db, user(p, "analyst"), birthdayCampaign(p))).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCampaign(database.db, user(other, "marketer"), birthdayCampaign(p))).rejects.toMatchObject({ code: "not_found" });
    await expect(createCampaign(database.db, user(p, "marketer"), { ...birthdayCampaign(p), points: -5 })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(createCampaign(database.db, user(p, "marketer"), { ...birthdayCampaign(p), trigger: null })).rejects.toMatchObject({ code: "validation_failed" });
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(campaignAwards).where(eq(campaignAwards.programId, p.id));
    expect(Number(row!.n)).toBe(0);
  });
});

describe("trigger campaigns on a controlled clock", () => {
  it("awards a birthday once per member per year, even when run twice or twice at once", async () => {
    const p = await makeProgram(database);
    const today = await member(p, { birthday: "1990-06-15" });
    const notToday = await member(p, { birthday: "1990-09-01" });
    await launch(p, birthdayCampaign(p));
    const runs = await Promise.all([runProgramCampaigns(database.db, { programId: p.id, now: NOW }), runProgramCampaigns(database.db, { programId: p.id, now: NOW })]);
    expect(runs.reduce((s, r) => s + r.awarded, 0)).toBe(1);
    const again = await runProgramCampaigns(database.db, { programId: p.id, now: new Date(NOW.getTime() + 3_600_000) });
    expect(again).toMatchObject({ awarded: 0, duplicate: 1 });
    expect(await campaignPoints(p, today.id)).toEqual({ entries: 1, points: 50 });
    expect(await campaignPoints(p, notToday.id)).toEqual({ entries: 0, points: 0 });
    // The next birthday is a new period.
    await runProgramCampaigns(database.db, { programId: p.id, now: new Date("2027-06-15T18:00:00Z") });
    expect(await campaignPoints(p, today.id)).toEqual({ entries: 2, points: 100 });
  });

  it("stops exactly at the points budget and never passes it", async () => {
    const p = await makeProgram(database);
    for (let i = 0; i < 5; i++) await member(p, { birthday: "1985-06-15" });
    const c = await launch(p, birthdayCampaign(p, { budgetPoints: 150 }));
    const run = await runProgramCampaigns(database.db, { programId: p.id, now: NOW });
    expect(run).toMatchObject({ awarded: 3, budget: 2 });
    const [spent] = await database.db.select({ n: sql<number>`coalesce(sum(${campaignAwards.points}), 0)::int` }).from(campaignAwards).where(eq(campaignAwards.campaignId, c.id));
    expect(Number(spent!.n)).toBe(150);
    expect(await runProgramCampaigns(database.db, { programId: p.id, now: NOW })).toMatchObject({ awarded: 0, budget: 2 });
  });

  it("gives control-group members nothing: no points, no messages", async () => {
    const p = await makeProgram(database);
    const ms = await Promise.all(Array.from({ length: 12 }, () => member(p, { birthday: "1992-06-15" })));
    const c = await launch(p, birthdayCampaign(p, { controlSharePct: 50 }));
    await runProgramCampaigns(database.db, { programId: p.id, now: NOW });
    const control = ms.filter((m) => assignGroup(c.id, m.id, 50) === "control");
    const treatment = ms.filter((m) => assignGroup(c.id, m.id, 50) === "treatment");
    expect(control.length).toBeGreaterThan(0);
    expect(treatment.length).toBeGreaterThan(0);
    for (const m of control) {
      expect(await campaignPoints(p, m.id)).toEqual({ entries: 0, points: 0 });
      expect(await inboxOf(p, m.id)).toHaveLength(0);
    }
    for (const m of treatment) expect((await campaignPoints(p, m.id)).points).toBe(50);
    const arms = await database.db.select({ group: campaignMembers.group, n: sql<number>`count(*)::int` }).from(campaignMembers).where(eq(campaignMembers.campaignId, c.id)).groupBy(campaignMembers.group);
    expect(Object.fromEntries(arms.map((a) => [a.group, Number(a.n)]))).toEqual({ control: control.length, treatment: treatment.length });
  });

  it("gives points regardless of consent but messages only members who consented", async () => {
    const p = await makeProgram(database);
    const yes = await member(p, { birthday: "1990-06-15", marketing: true, name: "Ana" });
    const no = await member(p, { birthday: "1990-06-15", marketing: false, name: "Beto" });
    await launch(p, birthdayCampaign(p));
    await runProgramCampaigns(database.db, { programId: p.id, now: NOW });
    expect((await campaignPoints(p, yes.id)).points).toBe(50);
    expect((await campaignPoints(p, no.id)).points).toBe(50);
    const inbox = await inboxOf(p, yes.id);
    expect(inbox.map((m) => m.title)).toEqual([{ es: "¡Feliz cumpleaños, Ana!", en: "Happy birthday, Ana!" }]);
    expect(await inboxOf(p, no.id)).toHaveLength(0);
    expect((await mailTo(yes.email!)).map((m) => m.subject)).toEqual(["¡Feliz cumpleaños, Ana!"]);
    expect(await mailTo(no.email!)).toHaveLength(0);
    const events = await database.db.select().from(domainEvents).where(and(eq(domainEvents.programId, p.id), eq(domainEvents.type, "campaign.awarded")));
    expect(events).toHaveLength(2);
  });

  it("runs from the campaigns-run job", async () => {
    const p = await makeProgram(database);
    const m = await member(p, { birthday: "1990-06-15" });
    await launch(p, birthdayCampaign(p));
    const result = await findJob("campaigns-run")!.run(database.db, NOW);
    expect(result.awarded).toBeGreaterThanOrEqual(1);
    expect((await campaignPoints(p, m.id)).points).toBe(50);
  });
});

describe("scheduled campaigns", () => {
  it("doubles a weekend purchase's points for treatment members of the segment only, and explains it", async () => {
    const p = await makeProgram(database);
    const marketer = user(p, "marketer");
    const inside = await Promise.all(Array.from({ length: 10 }, () => member(p, { city: "Monterrey" })));
    const outside = await member(p, { city: "Puebla" });
    const segment = await createSegment(database.db, marketer, { programId: p.id, name: "Monterrey", definition: { type: "group", match: "all", items: [{ type: "city", cities: ["Monterrey"] }] } }, NOW);
    const c = await launch(p, { programId: p.id, name: "Puntos dobles", kind: "bonus", segmentId: segment.id, multiplier: 2, controlSharePct: 30, channels: [], templates, startsAt: new Date("2026-06-13T06:00:00Z"), endsAt: new Date("2026-06-15T06:00:00Z") });
    const saturday = new Date("2026-06-13T18:00:00Z");
    const buy = (memberId: string, at = saturday) => recordPurchase(database.db, system, { programId: p.id, memberId, orderId: `O-${randomUUID()}`, amountMinor: 10_000, currency: "MXN", channel: "pos", occurredAt: at }, at);
    const base = (await buy(outside.id)).pointsEarned;
    expect(base).toBeGreaterThan(0);
    for (const m of inside) {
      const r = await buy(m.id);
      if (assignGroup(c.id, m.id, 30) === "treatment") {
        expect(r.pointsEarned).toBe(base * 2);
        expect(r.explanation.campaignBonus).toMatchObject({ campaignId: c.id, multiplier: 2, basePoints: base, extraPoints: base });
      } else {
        expect(r.pointsEarned).toBe(base);
        expect(r.explanation.campaignBonus).toBeUndefined();
      }
    }
    // After the weekend, no bonus.
    expect((await buy(inside[0]!.id, new Date("2026-06-16T18:00:00Z"))).pointsEarned).toBe(base);
    const results = await getCampaignResults(database.db, marketer, { programId: p.id, campaignId: c.id }, new Date("2026-06-16T00:00:00Z"));
    expect(results.treatment.members + results.control.members).toBe(10);
    expect(results.metrics.participation.treatmentMean).toBe(1);
    expect(results.metrics.revenue.controlMean).toBe(results.control.members ? 10_000 : 0);
  });

  it("grants points to a whole segment once, then ends", async () => {
    const p = await makeProgram(database);
    const marketer = user(p, "marketer");
    const inside = await Promise.all(Array.from({ length: 4 }, () => member(p, { city: "León" })));
    const outside = await member(p, { city: "Puebla" });
    const segment = await createSegment(database.db, marketer, { programId: p.id, name: "León", definition: { type: "group", match: "all", items: [{ type: "city", cities: ["León"] }] } }, NOW);
    const c = await launch(p, { programId: p.id, name: "Regalo", kind: "grant", segmentId: segment.id, points: 20, channels: ["inbox"], templates });
    expect(await runProgramCampaigns(database.db, { programId: p.id, now: NOW })).toMatchObject({ awarded: 4 });
    expect(await runProgramCampaigns(database.db, { programId: p.id, now: NOW })).toMatchObject({ awarded: 0, campaigns: 0 });
    for (const m of inside) expect(await campaignPoints(p, m.id)).toEqual({ entries: 1, points: 20 });
    expect(await campaignPoints(p, outside.id)).toEqual({ entries: 0, points: 0 });
    const results = await getCampaignResults(database.db, marketer, { programId: p.id, campaignId: c.id }, NOW);
    expect(results).toMatchObject({ campaign: { status: "ended" }, treatment: { members: 4, awarded: 4, points: 80 } });
  });
});

describe("the portal inbox", () => {
  it("shows a member their own campaign messages and marks them read once", async () => {
    const p = await makeProgram(database);
    const ana = await member(p, { birthday: "1990-06-15", name: "Ana" });
    const beto = await member(p, { birthday: "1990-06-15", name: "Beto" });
    await launch(p, birthdayCampaign(p, { channels: ["inbox"] }));
    await runProgramCampaigns(database.db, { programId: p.id, now: NOW });
    const asAna: Actor = { kind: "member", programId: p.id, memberId: ana.id };
    const asBeto: Actor = { kind: "member", programId: p.id, memberId: beto.id };
    const inbox = await listMyInbox(database.db, asAna);
    expect(inbox).toMatchObject({ unread: 1, messages: [{ title: { es: "¡Feliz cumpleaños, Ana!" } }] });
    const id = inbox.messages[0]!.id;
    await expect(markMyMessageRead(database.db, asBeto, { messageId: id })).rejects.toMatchObject({ code: "not_found" });
    expect(await markMyMessageRead(database.db, asAna, { messageId: id }, NOW)).toEqual({ changed: true });
    expect(await markMyMessageRead(database.db, asAna, { messageId: id }, NOW)).toEqual({ changed: false });
    expect((await listMyInbox(database.db, asAna)).unread).toBe(0);
    await expect(listMyInbox(database.db, user(p, "marketer"))).rejects.toMatchObject({ code: "not_found" });
  });
});
