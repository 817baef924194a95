import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { auditLog, domainEvents } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { adjustMemberPoints } from "@/lib/services/ledger/adjust-member-points";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { createStore } from "@/lib/services/stores/create-store";
import { reviewTiers } from "@/lib/services/tiers/review-tiers";
import { overrideMemberTier } from "@/lib/services/tiers/override-member-tier";
import { createMember } from "./create-member";
import { getMemberDetail } from "./get-member-detail";
import { listMemberHistory, listMyHistory } from "./list-member-history";
import { myHistoryCsv } from "./my-history-csv";
import { searchProgramMembers } from "./search-members";
import { makeProgram, openTestDatabase } from "@/tests/support/database";

let database: Database;
let program: ProgramRow;
let other: ProgramRow;
const system: Actor = { kind: "system", label: "test" };
const SATURDAY = new Date("2026-11-21T18:00:00Z");

const plan: PlanDefinition = {
  ...defaultPlan(),
  pendingDays: 14,
  rules: [
    { id: "weekend", name: { es: "Doble puntos fin de semana", en: "Double points weekend" }, priority: 1, stacking: "combinable", conditions: { daysOfWeek: [0, 6] }, effect: { kind: "multiplier", factor: 2 }, active: true },
  ],
};

function user(role: Grant["role"], p: ProgramRow): Actor {
  return { kind: "user", userId: crypto.randomUUID(), email: `${role}@example.com`, grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }] };
}

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database, { plan });
  other = await makeProgram(database);
});
afterAll(async () => database.close());

async function member(name: string, email: string, p = program) {
  return createMember(database.db, { programId: p.id, name, email, phone: "+52 55 1234 5678", enrolledAt: new Date("2026-01-01T00:00:00Z") });
}

describe("console members", () => {
  it("searches by name, email, phone and card, a page at a time, with tier and balance", async () => {
    const ana = await member("Ana Búsqueda", "ana.busqueda@example.com");
    await member("Beto Búsqueda", "beto@example.com");
    await adjustMemberPoints(database.db, system, { programId: program.id, memberId: ana.id, points: 70, reason: "Bienvenida" });
    const admin = user("admin", program);
    const byName = await searchProgramMembers(database.db, admin, { programId: program.id, q: "búsqueda", pageSize: 1 });
    expect(byName).toMatchObject({ total: 2, page: 1, pageCount: 2 });
    expect(byName.members[0]).toMatchObject({ name: "Ana Búsqueda", available: 70, pending: 0 });
    expect((await searchProgramMembers(database.db, admin, { programId: program.id, q: "ANA.BUSQUEDA@", page: 1 })).members.map((m) => m.id)).toEqual([ana.id]);
    expect((await searchProgramMembers(database.db, admin, { programId: program.id, q: ana.cardNumber })).members.map((m) => m.id)).toEqual([ana.id]);
    expect((await searchProgramMembers(database.db, admin, { programId: program.id, q: "1234 5678" })).total).toBeGreaterThanOrEqual(2);
    // 100% is not a wildcard.
    expect((await searchProgramMembers(database.db, admin, { programId: program.id, q: "%" })).total).toBe(0);
    await expect(searchProgramMembers(database.db, user("marketer", other), { programId: program.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows a member's balances, exact expiries, tier progress and explained history", async () => {
    const store = await createStore(database.db, system, { programId: program.id, code: `S-${crypto.randomUUID().slice(0, 6).toUpperCase()}`, name: "Centro" });
    const carla = await member("Carla Detalle", "carla.detalle@example.com");
    await recordPurchase(database.db, system, { programId: program.id, memberId: carla.id, orderId: "ORD-SAT-1", storeId: store.id, amountMinor: 12_000, currency: "MXN", channel: "pos", occurredAt: SATURDAY }, SATURDAY);
    await adjustMemberPoints(database.db, system, { programId: program.id, memberId: carla.id, points: 40, reason: "Compensación por demora" });
    await redeemPoints(database.db, { programId: program.id, memberId: carla.id, points: 15, reason: "Canje: café" });

    const marketer = user("marketer", program);
    const detail = await getMemberDetail(database.db, marketer, { programId: program.id, memberId: carla.id }, new Date("2026-11-22T00:00:00Z"));
    expect(detail.balance).toMatchObject({ available: 25, pending: 240, held: 0, lifetimeEarned: 280, lifetimeRedeemed: 15 });
    expect(detail.upcomingExpiries).toEqual([{ expiresAt: new Date("2027-11-21T18:00:00.000Z"), points: 240 }]);
    expect(detail.openLots.map((l) => [l.remaining, l.state])).toEqual([[240, "pending"], [25, "available"]]);
    expect(detail.progress).toMatchObject({ current: { key: "bronze" }, next: { key: "silver" }, missing: 260 });
    expect(detail.may).toEqual({ adjustPoints: false, overrideTier: false });
    expect((await getMemberDetail(database.db, user("admin", program), { programId: program.id, memberId: carla.id })).may).toEqual({ adjustPoints: true, overrideTier: true });

    const history = await listMemberHistory(database.db, marketer, { programId: program.id, memberId: carla.id });
    expect(history.entries.map((e) => [e.kind, e.change])).toEqual([["redeem", -15], ["adjust", 40], ["earn", 240]]);
    expect(history.entries[2]!.parts).toEqual(
      expect.arrayContaining([
        { type: "store", name: "Centro" },
        { type: "order", ref: "ORD-SAT-1" },
        { type: "base", points: 120 },
        { type: "rule", ruleId: "weekend", name: { es: "Doble puntos fin de semana", en: "Double points weekend" }, points: 120, cappedBy: null },
        { type: "pendingUntil", at: "2026-12-05T18:00:00.000Z" },
      ]),
    );
    const page1 = await listMemberHistory(database.db, marketer, { programId: program.id, memberId: carla.id, limit: 2 });
    const page2 = await listMemberHistory(database.db, marketer, { programId: program.id, memberId: carla.id, limit: 2, before: page1.nextCursor! });
    expect([...page1.entries, ...page2.entries].map((e) => e.kind)).toEqual(["redeem", "adjust", "earn"]);
    expect(page2.nextCursor).toBeNull();
    expect((await listMemberHistory(database.db, marketer, { programId: program.id, memberId: carla.id, filter: "adjustments" })).entries.map((e) => e.kind)).toEqual(["adjust"]);

    await expect(getMemberDetail(database.db, user("marketer", other), { programId: program.id, memberId: carla.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(listMemberHistory(database.db, user("admin", other), { programId: other.id, memberId: carla.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a member reads only their own history and exports it as CSV", async () => {
    const mine = await member("Mía Propia", "mia@example.com");
    const theirs = await member("Otro Socio", "otro@example.com");
    await adjustMemberPoints(database.db, system, { programId: program.id, memberId: mine.id, points: 10, reason: "Mío" });
    await adjustMemberPoints(database.db, system, { programId: program.id, memberId: theirs.id, points: 99, reason: "Ajeno" });
    const me: Actor = { kind: "member", programId: program.id, memberId: mine.id };
    const page = await listMyHistory(database.db, me, {});
    expect(page.entries.map((e) => e.points)).toEqual([10]);
    // Whatever the input says, the actor decides whose history it is.
    expect((await listMyHistory(database.db, me, { memberId: theirs.id, programId: other.id } as never)).entries.map((e) => e.points)).toEqual([10]);
    await expect(listMyHistory(database.db, user("admin", program), {})).rejects.toMatchObject({ code: "not_found" });
    const csv = await myHistoryCsv(database.db, me, { header: ["id", "points", "reason"], row: (e) => [e.id, e.change, e.parts.find((p) => p.type === "reason")?.type === "reason" ? "Mío" : ""] });
    expect(csv.replace(/^\uFEFF/, "").trim().split("\r\n")).toEqual(["id,points,reason", `${page.entries[0]!.id},10,Mío`]);
  });

  it("overrides a tier with a reason: history, audit with before/after, tier.changed event, and the review respects it", async () => {
    const dora = await member("Dora Override", "dora@example.com");
    const admin = user("admin", program);
    const until = new Date("2027-03-01T00:00:00Z");
    const now = new Date("2026-11-23T12:00:00Z");
    await expect(overrideMemberTier(database.db, user("marketer", program), { programId: program.id, memberId: dora.id, tierKey: "gold", until, reason: "Cliente VIP" }, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(overrideMemberTier(database.db, admin, { programId: program.id, memberId: dora.id, tierKey: "gold", until, reason: "" }, now)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(overrideMemberTier(database.db, admin, { programId: program.id, memberId: dora.id, tierKey: "platinum", until, reason: "Cliente VIP" }, now)).rejects.toMatchObject({ fields: { tierKey: ["Pick a tier of the live plan."] } });
    await expect(overrideMemberTier(database.db, admin, { programId: program.id, memberId: dora.id, tierKey: "gold", until: new Date("2026-01-01T00:00:00Z"), reason: "Cliente VIP" }, now)).rejects.toMatchObject({ fields: { until: expect.any(Array) } });

    expect(await overrideMemberTier(database.db, admin, { programId: program.id, memberId: dora.id, tierKey: "gold", until, reason: "Cliente VIP" }, now)).toEqual({ from: null, to: "gold", until: until.toISOString() });
    const detail = await getMemberDetail(database.db, admin, { programId: program.id, memberId: dora.id }, now);
    expect(detail.member).toMatchObject({ tierKey: "gold", tierOverrideUntil: until });
    expect(detail.tierHistory[0]).toMatchObject({ fromTier: null, toTier: "gold", reason: "override: Cliente VIP" });
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.programId, program.id), eq(auditLog.targetId, dora.id)));
    expect(audit).toMatchObject({ action: "member.tier_override", before: { tier: null, overrideUntil: null }, after: { tier: "gold", overrideUntil: until.toISOString(), reason: "Cliente VIP" } });
    const events = await database.db.select().from(domainEvents).where(and(eq(domainEvents.programId, program.id), eq(domainEvents.type, "tier.changed")));
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ memberId: dora.id, from: null, to: "gold", reason: "override" }));

    // The January review would drop a gold member with no points; the override holds until March.
    expect(await reviewTiers(database.db, { programId: program.id, now: new Date("2027-01-01T03:30:00Z") })).toMatchObject({ downgraded: 0 });
    expect((await getMemberDetail(database.db, admin, { programId: program.id, memberId: dora.id })).member.tierKey).toBe("gold");
    // Once it ends, the review's verdict applies.
    expect(await reviewTiers(database.db, { programId: program.id, now: new Date("2027-03-02T00:00:00Z") })).toMatchObject({ downgraded: 1 });
    await expect(overrideMemberTier(database.db, user("admin", other), { programId: program.id, memberId: dora.id, tierKey: "gold", until, reason: "Cliente VIP" }, now)).rejects.toMatchObject({ code: "not_found" });
  });
});
