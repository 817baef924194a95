import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import type { ProgramRow } from "@/db/queries/programs";
import { countSegment } from "@/db/queries/segments";
import { members, productCategories, purchaseLines, purchases, segmentMembers } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import type { SegmentCondition, SegmentDefinition } from "@/lib/domain/segments/definition";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { createMember } from "@/lib/services/members/create-member";
import { publishPlanDraft } from "@/lib/services/plans/publish-plan-draft";
import { savePlanDraft } from "@/lib/services/plans/save-plan-draft";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { findJob } from "@/lib/jobs/lifecycle-jobs";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { createSegment, deleteSegment, updateSegment } from "./manage-segments";
import { previewSegment } from "./preview-segment";
import { listProgramSegments } from "./read-segments";
import { refreshProgramSegments, refreshSegments } from "./refresh-segments";
import { segmentCsvStream } from "./segment-csv";

const NOW = new Date("2026-11-23T18:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const system: Actor = { kind: "system", label: "test" };
const user = (p: ProgramRow, role: Grant["role"]): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `${role}@example.com`,
  grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }],
});

let database: Database;
let program: ProgramRow;
let other: ProgramRow;
const ids: Record<string, string> = {};

type Fixture = {
  name: string;
  birthday?: string;
  city?: string;
  marketing?: boolean;
  channel: "pos" | "ecommerce" | "app";
  enrolledDaysAgo: number;
  tier?: string;
  points?: number;
  expiring?: number;
  purchases?: { daysAgo: number; amountMinor: number; category?: string; refunded?: boolean }[];
  anonymized?: boolean;
};

async function makeFixture(p: ProgramRow, f: Fixture): Promise<string> {
  const m = await createMember(database.db, {
    programId: p.id,
    name: f.name,
    email: `${f.name.toLowerCase()}-${randomUUID().slice(0, 6)}@example.com`,
    birthday: f.birthday,
    city: f.city,
    enrolmentChannel: f.channel,
    enrolledAt: daysAgo(f.enrolledDaysAgo),
    consents: { terms: true, marketing: f.marketing ?? false },
  });
  if (f.tier || f.anonymized) await database.db.update(members).set({ tierKey: f.tier ?? null, status: f.anonymized ? "anonymized" : "active" }).where(and(eq(members.programId, p.id), eq(members.id, m.id)));
  if (f.points) await earnPoints(database.db, { programId: p.id, memberId: m.id, points: f.points }, NOW);
  if (f.expiring) await earnPoints(database.db, { programId: p.id, memberId: m.id, points: f.expiring, expiresAt: new Date(NOW.getTime() + 10 * 86_400_000) }, NOW);
  for (const purchase of f.purchases ?? []) {
    const [row] = await database.db
      .insert(purchases)
      .values({
        programId: p.id,
        memberId: m.id,
        orderId: `O-${randomUUID()}`,
        channel: "pos",
        amountMinor: purchase.amountMinor,
        refundedMinor: purchase.refunded ? purchase.amountMinor : 0,
        status: purchase.refunded ? "refunded" : "completed",
        currency: "MXN",
        occurredAt: daysAgo(purchase.daysAgo),
      })
      .returning();
    if (purchase.category) await database.db.insert(purchaseLines).values({ programId: p.id, purchaseId: row!.id, lineNo: 1, category: purchase.category, quantity: "1", unitPriceMinor: purchase.amountMinor });
  }
  return m.id;
}

const FIXTURES: Fixture[] = [
  {
    name: "Ana",
    birthday: "1990-03-15",
    city: "Monterrey",
    marketing: true,
    channel: "pos",
    enrolledDaysAgo: 10,
    tier: "gold",
    points: 1700,
    expiring: 300,
    purchases: [
      { daysAgo: 2, amountMinor: 50_000, category: "vinyl-rock" },
      { daysAgo: 12, amountMinor: 50_000 },
      { daysAgo: 20, amountMinor: 50_000 },
      { daysAgo: 25, amountMinor: 90_000, refunded: true },
    ],
  },
  { name: "Beto", birthday: "2000-11-02", city: "CDMX", channel: "ecommerce", enrolledDaysAgo: 400, tier: "silver", points: 100, purchases: [{ daysAgo: 200, amountMinor: 50_000 }] },
  { name: "Carla", city: "  monterrey ", channel: "app", enrolledDaysAgo: 60 },
  // Anonymized: matches "tier gold" and "pos", but must never be selected.
  { name: "Dani", channel: "pos", enrolledDaysAgo: 5, tier: "gold", anonymized: true },
];

beforeAll(async () => {
  // Isolated: one test runs the hourly job, which sweeps every program of the database.
  database = await openTestDatabase({ isolated: true });
  program = await makeProgram(database);
  other = await makeProgram(database);
  await database.db.insert(productCategories).values([
    { programId: program.id, code: "music", name: "Música", level: 1 },
    { programId: program.id, code: "vinyl-rock", parentCode: "music", name: "Vinilos de rock", level: 2 },
  ]);
  for (const f of FIXTURES) ids[f.name] = await makeFixture(program, f);
  // Another program's member who matches nearly everything.
  ids.Other = await makeFixture(other, { ...FIXTURES[0]!, name: "Otra" });
});
afterAll(async () => database.close());

const root = (...items: SegmentDefinition["items"]): SegmentDefinition => ({ type: "group", match: "all", items });
const namesOf = async (definition: SegmentDefinition) => {
  const preview = await previewSegment(database.db, system, { programId: program.id, definition }, NOW);
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return preview.sample.map((s) => byId.get(s.id)).sort();
};

describe("segment conditions", () => {
  it.each<[string, SegmentCondition, string[]]>([
    ["age between 30 and 40", { type: "age", min: 30, max: 40 }, ["Ana"]],
    ["age between 20 and 29", { type: "age", min: 20, max: 29 }, ["Beto"]],
    ["birthday in March", { type: "birthdayMonth", months: [3] }, ["Ana"]],
    ["birthday in November or December", { type: "birthdayMonth", months: [11, 12] }, ["Beto"]],
    ["city, ignoring case and spaces", { type: "city", cities: ["MONTERREY"] }, ["Ana", "Carla"]],
    ["marketing consent given", { type: "consent", consent: "marketing", value: true }, ["Ana"]],
    ["marketing consent not given", { type: "consent", consent: "marketing", value: false }, ["Beto", "Carla"]],
    ["personalisation consent not given", { type: "consent", consent: "personalisation", value: false }, ["Ana", "Beto", "Carla"]],
    ["enrolled within 30 days", { type: "enrolment", op: "within", days: 30 }, ["Ana"]],
    ["enrolled more than 300 days ago", { type: "enrolment", op: "before", days: 300 }, ["Beto"]],
    ["enrolled between two dates", { type: "enrolment", op: "between", from: "2026-09-15", to: "2026-10-15" }, ["Carla"]],
    ["enrolment channel", { type: "channel", channels: ["ecommerce", "app"] }, ["Beto", "Carla"]],
    ["last purchase within 30 days", { type: "lastPurchase", op: "lte", days: 30 }, ["Ana"]],
    ["last purchase 100 days ago or more (never bought is not)", { type: "lastPurchase", op: "gte", days: 100 }, ["Beto"]],
    ["3 purchases or more in 30 days (refunds do not count)", { type: "purchaseCount", op: "gte", count: 3, days: 30 }, ["Ana"]],
    ["4 purchases or more in 30 days", { type: "purchaseCount", op: "gte", count: 4, days: 30 }, []],
    ["no purchase in a year", { type: "purchaseCount", op: "lte", count: 0, days: 365 }, ["Carla"]],
    ["spent 1,500 or more in 90 days", { type: "spend", op: "gte", amountMinor: 150_000, days: 90 }, ["Ana"]],
    ["spent 600 or less in a year", { type: "spend", op: "lte", amountMinor: 60_000, days: 365 }, ["Beto", "Carla"]],
    ["tier gold", { type: "tier", tiers: ["gold"] }, ["Ana"]],
    ["tier silver or gold", { type: "tier", tiers: ["silver", "gold"] }, ["Ana", "Beto"]],
    ["balance 1,000 or more", { type: "pointsBalance", op: "gte", points: 1000 }, ["Ana"]],
    ["balance 100 or less", { type: "pointsBalance", op: "lte", points: 100 }, ["Beto", "Carla"]],
    ["200 points or more expiring within 30 days", { type: "expiringPoints", days: 30, points: 200 }, ["Ana"]],
    ["points expiring within 5 days", { type: "expiringPoints", days: 5, points: 1 }, []],
    ["bought in a parent category", { type: "categoryPurchase", category: "music", days: 30 }, ["Ana"]],
    ["bought in the category itself", { type: "categoryPurchase", category: "vinyl-rock", days: 30 }, ["Ana"]],
    ["bought in the category, but too long ago", { type: "categoryPurchase", category: "music", days: 1 }, []],
  ])("%s", async (_name, condition, expected) => {
    expect(await namesOf(root(condition))).toEqual(expected);
  });

  it("combines AND and OR groups", async () => {
    const bigSpenders = root({ type: "spend", op: "gte", amountMinor: 100_000, days: 90 }, { type: "group", match: "any", items: [{ type: "tier", tiers: ["gold"] }, { type: "pointsBalance", op: "gte", points: 5000 }] });
    expect(await namesOf(bigSpenders)).toEqual(["Ana"]);
    const either: SegmentDefinition = {
      type: "group",
      match: "any",
      items: [
        { type: "channel", channels: ["ecommerce"] },
        { type: "group", match: "all", items: [{ type: "city", cities: ["Monterrey"] }, { type: "consent", consent: "marketing", value: false }] },
      ],
    };
    expect(await namesOf(either)).toEqual(["Beto", "Carla"]);
  });

  it("selects every active member when there is no condition", async () => {
    expect(await namesOf(root())).toEqual(["Ana", "Beto", "Carla"]);
  });

  it("masks names and emails in the preview sample", async () => {
    const preview = await previewSegment(database.db, system, { programId: program.id, definition: root({ type: "tier", tiers: ["gold"] }) }, NOW);
    expect(preview.count).toBe(1);
    expect(preview.sample[0]).toMatchObject({ name: "Ana", email: expect.stringMatching(/^a•••@example\.com$/), tierKey: "gold", available: 2000 });
  });
});

describe("saved segments", () => {
  const goldOrMonterrey: SegmentDefinition = { type: "group", match: "any", items: [{ type: "tier", tiers: ["gold"] }, { type: "city", cities: ["monterrey"] }] };

  async function storedMembers(segmentId: string) {
    const rows = await database.db.select().from(segmentMembers).where(eq(segmentMembers.segmentId, segmentId));
    return rows.map((r) => r.memberId).sort();
  }

  it("stores the membership on save, with the same count as the live count, and audits it", async () => {
    const marketer = user(program, "marketer");
    const segment = await createSegment(database.db, marketer, { programId: program.id, name: "Oro o Monterrey", definition: goldOrMonterrey }, NOW);
    const live = await countSegment(database.db, { programId: program.id, now: NOW, timeZone: program.timeZone, definition: goldOrMonterrey });
    expect(segment.memberCount).toBe(2);
    expect(live).toBe(2);
    expect(await storedMembers(segment.id)).toEqual([ids.Ana, ids.Carla].sort());
    const audit = await listAuditEntries(database.db, { programId: program.id, limit: 5 });
    expect(audit.find((a) => a.targetId === segment.id)).toMatchObject({ action: "segment.create", after: { name: "Oro o Monterrey" } });
  });

  it("refreshing twice changes nothing the second time", async () => {
    const segment = await createSegment(database.db, system, { programId: program.id, name: "Dos veces", definition: goldOrMonterrey }, NOW);
    const first = await refreshProgramSegments(database.db, { programId: program.id, now: NOW, segmentId: segment.id });
    const second = await refreshProgramSegments(database.db, { programId: program.id, now: NOW, segmentId: segment.id });
    expect(first).toEqual({ segments: 1, members: 2, added: 0, removed: 0 });
    expect(second).toEqual({ segments: 1, members: 2, added: 0, removed: 0 });
    expect(await storedMembers(segment.id)).toEqual([ids.Ana, ids.Carla].sort());
  });

  it("follows changes to the members and to the definition", async () => {
    const segment = await createSegment(database.db, system, { programId: program.id, name: "Plata", definition: root({ type: "tier", tiers: ["silver"] }) }, NOW);
    expect(await storedMembers(segment.id)).toEqual([ids.Beto]);
    await database.db.update(members).set({ tierKey: "silver" }).where(eq(members.id, ids.Carla!));
    const refreshed = await refreshSegments(database.db, user(program, "marketer"), { programId: program.id, segmentId: segment.id }, NOW);
    expect(refreshed).toMatchObject({ added: 1, removed: 0 });
    await database.db.update(members).set({ tierKey: null }).where(eq(members.id, ids.Carla!));
    const updated = await updateSegment(database.db, system, { programId: program.id, segmentId: segment.id, name: "Plata u Oro", definition: root({ type: "tier", tiers: ["silver", "gold"] }) }, NOW);
    expect(updated.memberCount).toBe(2);
    expect(await storedMembers(segment.id)).toEqual([ids.Ana, ids.Beto].sort());
  });

  it("is kept up to date by the hourly job", async () => {
    const segment = await createSegment(database.db, system, { programId: program.id, name: "Bronce", definition: root({ type: "tier", tiers: ["bronze"] }) }, NOW);
    expect(segment.memberCount).toBe(0);
    await database.db.update(members).set({ tierKey: "bronze" }).where(eq(members.id, ids.Carla!));
    const later = new Date(NOW.getTime() + 3_600_000);
    const result = await findJob("segments-refresh")!.run(database.db, later);
    expect(result).toMatchObject({ added: expect.any(Number), segments: expect.any(Number) });
    expect(await storedMembers(segment.id)).toEqual([ids.Carla]);
    const [row] = (await listProgramSegments(database.db, system, { programId: program.id })).segments.filter((s) => s.id === segment.id);
    expect(row).toMatchObject({ memberCount: 1, refreshedAt: later });
    await database.db.update(members).set({ tierKey: null }).where(eq(members.id, ids.Carla!));
    await refreshProgramSegments(database.db, { programId: program.id, now: NOW });
  });

  it("never includes another program's members, and another program's segments are not found", async () => {
    const segment = await createSegment(database.db, system, { programId: program.id, name: "Todos", definition: root() }, NOW);
    expect(await storedMembers(segment.id)).not.toContain(ids.Other);
    expect(segment.memberCount).toBe(3);
    await expect(updateSegment(database.db, system, { programId: other.id, segmentId: segment.id, name: "Robado", definition: root() }, NOW)).rejects.toMatchObject({ code: "not_found" });
    const otherMarketer = user(other, "marketer");
    await expect(previewSegment(database.db, otherMarketer, { programId: program.id, definition: root() })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets an analyst preview and list but not save, refresh or delete", async () => {
    const analyst = user(program, "analyst");
    const preview = await previewSegment(database.db, analyst, { programId: program.id, definition: root({ type: "tier", tiers: ["gold"] }) }, NOW);
    expect(preview.count).toBe(1);
    const list = await listProgramSegments(database.db, analyst, { programId: program.id });
    expect(list).toMatchObject({ canWrite: false, canExport: true });
    const before = list.segments.length;
    await expect(createSegment(database.db, analyst, { programId: program.id, name: "No", definition: root() })).rejects.toMatchObject({ code: "forbidden" });
    await expect(refreshSegments(database.db, analyst, { programId: program.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteSegment(database.db, analyst, { programId: program.id, segmentId: list.segments[0]!.id })).rejects.toMatchObject({ code: "forbidden" });
    expect((await listProgramSegments(database.db, analyst, { programId: program.id })).segments.length).toBe(before);
  });

  it("names each wrong value by its path and writes nothing", async () => {
    const before = (await listProgramSegments(database.db, system, { programId: program.id })).segments.length;
    const bad = root({ type: "age", min: 40, max: 30 }, { type: "group", match: "any", items: [{ type: "spend", op: "gte", amountMinor: -5, days: 0 }] });
    const error = await createSegment(database.db, system, { programId: program.id, name: "x", definition: bad }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "validation_failed",
      fields: { name: ["name"], "definition.items.0.max": ["ageOrder"], "definition.items.1.items.0.amountMinor": ["notNegative"], "definition.items.1.items.0.days": ["daysRange"] },
    });
    expect((await listProgramSegments(database.db, system, { programId: program.id })).segments.length).toBe(before);
  });

  it("exports the stored members as CSV, one row each", async () => {
    const segment = await createSegment(database.db, system, { programId: program.id, name: "Exportar", definition: goldOrMonterrey }, NOW);
    const { stream, filename } = await segmentCsvStream(database.db, user(program, "analyst"), { programId: program.id, segmentId: segment.id });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
    const lines = text.trim().split("\r\n");
    expect(filename).toBe("segment-exportar.csv");
    expect(lines[0]!.replace(/^\uFEFF/, "")).toBe("member_id,card_number,name,email,phone,tier,points_available");
    expect(lines.length - 1).toBe(segment.memberCount);
    expect(text).toContain(ids.Ana);
    const staff = user(program, "staff");
    await expect(segmentCsvStream(database.db, staff, { programId: program.id, segmentId: segment.id })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("deletes a segment with its membership", async () => {
    const segment = await createSegment(database.db, system, { programId: program.id, name: "Borrar", definition: goldOrMonterrey }, NOW);
    await deleteSegment(database.db, user(program, "marketer"), { programId: program.id, segmentId: segment.id });
    expect(await storedMembers(segment.id)).toEqual([]);
    await expect(deleteSegment(database.db, system, { programId: program.id, segmentId: segment.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("segments in earning rules", () => {
  it("gives a rule's bonus to purchases of members in the segment only", async () => {
    const shop = await makeProgram(database);
    const gold = await makeFixture(shop, { name: "Gala", channel: "pos", enrolledDaysAgo: 3, tier: "gold" });
    const plain = await makeFixture(shop, { name: "Pepe", channel: "pos", enrolledDaysAgo: 3 });
    const segment = await createSegment(database.db, system, { programId: shop.id, name: "Oro", definition: root({ type: "tier", tiers: ["gold"] }) });
    const plan = defaultPlan();
    const rule = { id: "gold-bonus", name: { es: "Bono oro", en: "Gold bonus" }, priority: 1, stacking: "combinable" as const, conditions: { segmentIds: [segment.id] }, effect: { kind: "fixed_bonus" as const, points: 100 }, active: true };
    const admin = user(shop, "admin");
    const draft = await savePlanDraft(database.db, admin, { programId: shop.id, definition: { ...plan, tiers: plan.tiers.map((t) => ({ ...t, earnMultiplier: 1 })), rules: [rule] } });
    await publishPlanDraft(database.db, admin, { programId: shop.id, draftId: draft.id });
    const buy = (memberId: string) => recordPurchase(database.db, system, { programId: shop.id, memberId, orderId: `O-${randomUUID()}`, amountMinor: 10_000, currency: "MXN", channel: "pos" });
    const inSegment = await buy(gold);
    const outside = await buy(plain);
    expect(inSegment.pointsEarned - outside.pointsEarned).toBe(100);
    expect(inSegment.explanation.rules).toEqual([expect.objectContaining({ ruleId: "gold-bonus", fired: true, points: 100 })]);
  });
});
