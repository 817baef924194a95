import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countCohortsFromRollup } from "@/db/queries/kpi-cohorts";
import { countCohortsFromPurchases } from "@/db/queries/kpi-dashboard";
import type { ProgramRow } from "@/db/queries/programs";
import { campaigns, members, programs, stores } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { expireDuePoints } from "@/lib/services/ledger/process-due-lots";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { createMember } from "@/lib/services/members/create-member";
import { changeMemberTier } from "@/lib/services/tiers/change-member-tier";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { getKpiDashboard } from "./get-kpi-dashboard";
import { kpiCsvStream } from "./kpi-csv";

const NOW = new Date("2026-11-23T18:00:00Z");
const system: Actor = { kind: "system", label: "test" };
const user = (p: ProgramRow, role: Grant["role"]): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `${role}@example.com`,
  grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }],
});

let database: Database;
let program: ProgramRow;
let storeA: string;
let storeB: string;

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
  const db = database.db;
  await db.update(programs).set({ settings: { pointValueMilli: 10_000 } }).where(eq(programs.id, program.id));
  [storeA, storeB] = (await db.insert(stores).values([{ programId: program.id, code: "A", name: "A" }, { programId: program.id, code: "B", name: "B" }]).returning({ id: stores.id })).map((s) => s.id) as [string, string];
  const enrol = async (name: string) => (await createMember(db, { programId: program.id, name, email: `${randomUUID().slice(0, 8)}@example.com`, enrolledAt: new Date("2026-08-01T18:00:00Z") })).id;
  const ana = await enrol("Ana");
  const bea = await enrol("Bea");
  await db.update(members).set({ tierKey: "gold" }).where(eq(members.id, bea));
  const buy = (memberId: string, orderId: string, amountMinor: number, storeId: string, at: string, channel: "pos" | "ecommerce" = "pos") =>
    recordPurchase(db, system, { programId: program.id, memberId, orderId, amountMinor, currency: "MXN", channel, storeId, occurredAt: new Date(at) }, new Date(at));
  await buy(ana, "1", 10_000, storeA, "2026-09-10T18:00:00Z");
  await buy(ana, "2", 30_000, storeA, "2026-10-10T18:00:00Z");
  await buy(bea, "3", 20_000, storeB, "2026-11-20T18:00:00Z", "ecommerce");
  await redeemPoints(db, { programId: program.id, memberId: ana, points: 100 }, new Date("2026-11-01T18:00:00Z"));
  await earnPoints(db, { programId: program.id, memberId: bea, points: 50, expiresAt: new Date("2026-11-10T00:00:00Z") }, new Date("2026-11-01T18:00:00Z"));
  await expireDuePoints(db, { programId: program.id, now: new Date("2026-11-11T00:00:00Z") });
});
afterAll(async () => database.close());

describe("getKpiDashboard", () => {
  it("computes the period's KPIs from the rollup and the base tables", async () => {
    const d = await getKpiDashboard(database.db, user(program, "analyst"), { programId: program.id, filters: { from: "2026-09-01", to: "2026-11-23" } }, NOW);
    expect(d.kpis).toMatchObject({
      members: 2, active30: 1, active90: 2, newEnrolments: 0, purchases: 3, revenueMinor: 60_000, buyers: 2, repeatBuyers: 1,
      repeatRate: 0.5, averageTicketMinor: 20_000, frequency: 1.5, pointsIssued: 750, pointsRedeemed: 100, pointsExpired: 50,
      outstandingPoints: 600, liabilityMinor: 6_000,
    });
    expect(d.kpis.redemptionRate).toBeCloseTo(100 / 750);
    expect(d.kpis.breakage).toBeCloseTo(50 / 150);
    expect(d.cohorts.map((c) => [c.cohort, c.size, c.shares.slice(0, 3)])).toEqual([
      ["2026-09", 1, [1, 1, 0]],
      ["2026-11", 1, [1, null, null]],
    ]);
  });

  it("changes the numbers with the store, channel, tier and date filters", async () => {
    const read = (filters: Record<string, string>) => getKpiDashboard(database.db, user(program, "marketer"), { programId: program.id, filters: { from: "2026-09-01", to: "2026-11-23", ...filters } }, NOW);
    expect((await read({ store: storeA })).kpis).toMatchObject({ purchases: 2, revenueMinor: 40_000, buyers: 1 });
    expect((await read({ channel: "ecommerce" })).kpis).toMatchObject({ purchases: 1, revenueMinor: 20_000, active30: 1 });
    // Bea is gold: her purchase earns 1.5× (300 points) plus a 50-point bonus that expired.
    const gold = await read({ tier: "gold" });
    expect(gold.kpis).toMatchObject({ members: 1, purchases: 1, pointsIssued: 350, pointsExpired: 50, outstandingPoints: 300 });
    expect((await read({ from: "2026-10-01", to: "2026-10-31" })).kpis).toMatchObject({ purchases: 1, revenueMinor: 30_000, active90: 1 });
    // Unknown values are ignored rather than failing the page, and named so the page can say so.
    const unknown = await read({ store: "not-a-store", channel: "fax", to: "2026-02-30", tier: "gold" });
    expect(unknown.filters).toMatchObject({ store: null, channel: null, tier: "gold" });
    expect(unknown.ignoredFilters).toEqual(["to", "store", "channel"]);
    expect(gold.ignoredFilters).toEqual([]);
  });

  it("reads the same cohort heatmap from the rollup as from the purchases when the range ends mid-month", async () => {
    // Both ways of counting the end month (its purchases up to the end, or its whole cell less later-only buyers) and a month end.
    for (const to of ["2026-10-05", "2026-10-25", "2026-11-15", "2026-11-23", "2026-11-30"]) {
      const f = { programId: program.id, timeZone: program.timeZone, from: "2026-09-01", to };
      expect({ to, cells: await countCohortsFromRollup(database.db, f) }).toEqual({ to, cells: await countCohortsFromPurchases(database.db, f) });
    }
    // Bea's first purchase (November 20) comes after a range ending on the 15th: no November cohort yet.
    const d = await getKpiDashboard(database.db, user(program, "analyst"), { programId: program.id, filters: { from: "2026-09-01", to: "2026-11-15" } }, NOW);
    expect(d.cohorts.map((c) => [c.cohort, c.size, c.shares.slice(0, 3)])).toEqual([["2026-09", 1, [1, 1, 0]]]);
  });

  it("refuses staff and other programs' users, and streams CSV only with exports:read", async () => {
    const other = await makeProgram(database);
    await expect(getKpiDashboard(database.db, user(program, "staff"), { programId: program.id, filters: {} }, NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getKpiDashboard(database.db, user(other, "owner"), { programId: program.id, filters: {} }, NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(kpiCsvStream(database.db, user(program, "analyst"), { programId: program.id, table: "nope", filters: {} })).rejects.toMatchObject({ code: "validation_failed" });
    const { stream } = await kpiCsvStream(database.db, user(program, "analyst"), { programId: program.id, table: "daily", filters: { from: "2026-09-01", to: "2026-11-23", store: storeA } });
    const text = await new Response(stream).text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("day,store_id,store_code,channel,purchases");
    expect(lines.filter((l) => l.includes(",A,pos,1,")).length).toBe(2);
  });

  it("shows the period's tier migration (plan order) and the campaigns that ran in it, and exports both", async () => {
    const db = database.db;
    const p = await makeProgram(database);
    const enrol = async () => (await createMember(db, { programId: p.id, name: "M", email: `${randomUUID().slice(0, 8)}@example.com` })).id;
    const [a, b, c] = [await enrol(), await enrol(), await enrol()];
    const move = (memberId: string, from: string | null, to: string, at: string) => changeMemberTier(db, { programId: p.id, memberId, from, to, reason: "qualified", now: new Date(at) });
    await move(a, null, "silver", "2026-10-02T18:00:00Z");
    await move(b, null, "silver", "2026-10-03T18:00:00Z");
    await move(a, "silver", "gold", "2026-11-05T18:00:00Z");
    await move(c, "gold", "bronze", "2026-11-06T18:00:00Z");
    await move(c, "bronze", "silver", "2026-08-06T18:00:00Z"); // before the range
    await db.insert(campaigns).values([
      { programId: p.id, name: "Doble fin de semana", kind: "bonus", status: "ended", definition: {}, controlShare: 10, spentCount: 12, spentPoints: 3_400, startsAt: new Date("2026-10-10T06:00:00Z"), endsAt: new Date("2026-10-12T06:00:00Z") },
      { programId: p.id, name: "Cumpleaños", kind: "trigger", status: "running", definition: {}, spentCount: 4, spentPoints: 400, startsAt: new Date("2026-01-01T06:00:00Z") },
      { programId: p.id, name: "Verano", kind: "grant", status: "ended", definition: {}, startsAt: new Date("2026-06-01T06:00:00Z"), endsAt: new Date("2026-07-01T06:00:00Z") },
      { programId: p.id, name: "Borrador", kind: "offer", status: "draft", definition: {}, startsAt: new Date("2026-10-01T06:00:00Z") },
    ]);
    const d = await getKpiDashboard(db, user(p, "analyst"), { programId: p.id, filters: { from: "2026-10-01", to: "2026-11-23" } }, NOW);
    expect(d.tierMigration).toEqual({
      rows: [
        { fromTier: null, toTier: "silver", members: 2, direction: "up" },
        { fromTier: "silver", toTier: "gold", members: 1, direction: "up" },
        { fromTier: "gold", toTier: "bronze", members: 1, direction: "down" },
      ],
      up: 3, down: 1,
    });
    expect(d.campaigns.map((x) => [x.name, x.kind, x.status, x.controlShare, x.awarded, x.points])).toEqual([
      ["Doble fin de semana", "bonus", "ended", 10, 12, 3_400],
      ["Cumpleaños", "trigger", "running", 0, 4, 400],
    ]);
    // A tier filter reads the history of the members in that tier now: only a is gold.
    const gold = await getKpiDashboard(db, user(p, "analyst"), { programId: p.id, filters: { from: "2026-10-01", to: "2026-11-23", tier: "gold" } }, NOW);
    expect(gold.tierMigration.rows.map((r) => [r.fromTier, r.toTier, r.members])).toEqual([[null, "silver", 1], ["silver", "gold", 1]]);
    const csv = async (table: string) => (await new Response((await kpiCsvStream(db, user(p, "analyst"), { programId: p.id, table, filters: { from: "2026-10-01", to: "2026-11-23" } })).stream).text()).trim().split("\r\n");
    expect(await csv("migration")).toEqual(["from_tier,to_tier,direction,members", ",silver,up,2", "silver,gold,up,1", "gold,bronze,down,1"]);
    expect((await csv("campaigns"))[1]).toMatch(/^[0-9a-f-]{36},Doble fin de semana,bonus,ended,2026-10-10 06:00:00\+00,2026-10-12 06:00:00\+00,10,12,3400,0$/);
  });
});
