import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { members, purchaseLines, purchases, segmentMembers, segments, stores } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { upsertCatalogProducts } from "@/lib/services/catalog/upsert-products";
import { createMember } from "@/lib/services/members/create-member";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { getProgramOverview } from "@/lib/services/programs/get-program-overview";
import { getKpiDashboard } from "./get-kpi-dashboard";
import { kpiCsvStream } from "./kpi-csv";
import { refreshKpiRollups, verifyKpiRollups } from "./refresh-kpi-rollups";

/**
 * Gross margin where unit costs are known, through the rollup (and the base
 * tables under a segment or tier filter). Amounts in MXN cents:
 *
 * | when   | who        | store, channel | lines                                  | costed revenue | cost   |
 * | Sep 10 | Ana        | A, pos         | 2 × CAFE 100.00 (cost 40), 1 × PAN 50  | 20,000         | 8,000  |
 * | Oct 10 | Bea (gold) | B, ecommerce   | 1 × TAZA 200.00 (cost 90)              | 20,000         | 9,000  |
 * | Oct 15 | non-member | A, pos         | 3 × CAFE 100.00                        | 30,000         | 12,000 |
 * | Oct 20 | Ana        | A, pos         | none (300.00)                          | —              | —      |
 * | Nov 5  | non-member | B, pos         | 1 × PAN 80.00 (no cost)                | —              | —      |
 * | Nov 2  | refund of Ana's Sep 10: 1 × CAFE (lines)                     | −10,000  | −4,000 |
 * | Nov 3  | refund of the Oct 15 ticket: 150.00 of 300.00 (by amount)    | −15,000  | −6,000 |
 */
const NOW = new Date("2026-11-23T18:00:00Z");
const system: Actor = { kind: "system", label: "test" };
const analyst = (p: ProgramRow): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: "analyst@example.com",
  grants: [{ organizationId: p.organizationId, programId: p.id, role: "analyst" as Grant["role"], storeIds: [], extraPermissions: [] }],
});

let database: Database;
let program: ProgramRow;
let storeA: string;
let storeB: string;
let segmentId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
  const db = database.db;
  [storeA, storeB] = (await db.insert(stores).values([{ programId: program.id, code: "A", name: "A" }, { programId: program.id, code: "B", name: "B" }]).returning({ id: stores.id })).map((s) => s.id) as [string, string];
  await upsertCatalogProducts(db, system, {
    programId: program.id,
    source: "api",
    products: [
      { sku: "CAFE", name: "Café", path: ["Abarrotes"], brand: null, unitCostMinor: 4_000 },
      { sku: "TAZA", name: "Taza", path: ["Hogar"], brand: null, unitCostMinor: 9_000 },
      { sku: "PAN", name: "Pan", path: ["Abarrotes"], brand: null, unitCostMinor: null },
    ],
  });
  const enrol = async (name: string) => (await createMember(db, { programId: program.id, name, email: `${randomUUID().slice(0, 8)}@example.com`, enrolledAt: new Date("2026-08-01T18:00:00Z") })).id;
  const ana = await enrol("Ana");
  const bea = await enrol("Bea");
  await db.update(members).set({ tierKey: "gold" }).where(eq(members.id, bea));
  [{ id: segmentId }] = (await db.insert(segments).values({ programId: program.id, name: "Solo Ana", definition: { all: [] } }).returning({ id: segments.id })) as [{ id: string }];
  await db.insert(segmentMembers).values({ programId: program.id, segmentId, memberId: ana });

  const buy = (memberId: string, orderId: string, at: string, storeId: string, channel: "pos" | "ecommerce", amountMinor: number, lines?: { sku: string; quantity: number; unitPriceMinor: number }[]) =>
    recordPurchase(db, system, { programId: program.id, memberId, orderId, amountMinor, currency: "MXN", channel, storeId, occurredAt: new Date(at), lines }, new Date(at));
  await buy(ana, "M-1", "2026-09-10T18:00:00Z", storeA, "pos", 25_000, [{ sku: "CAFE", quantity: 2, unitPriceMinor: 10_000 }, { sku: "PAN", quantity: 1, unitPriceMinor: 5_000 }]);
  await buy(bea, "M-2", "2026-10-10T18:00:00Z", storeB, "ecommerce", 20_000, [{ sku: "TAZA", quantity: 1, unitPriceMinor: 20_000 }]);
  await buy(ana, "M-3", "2026-10-20T18:00:00Z", storeA, "pos", 30_000);
  // Non-member tickets come from a POS integration: written straight to the tables, the lines in a statement of their own.
  const walkIn = async (orderId: string, at: string, storeId: string, amountMinor: number, line: { sku: string; quantity: string; unitPriceMinor: number; unitCostMinor: number | null }) => {
    const [row] = await db.insert(purchases).values({ programId: program.id, memberId: null, orderId, channel: "pos", storeId, amountMinor, currency: "MXN", occurredAt: new Date(at) }).returning({ id: purchases.id });
    // A refresh between the ticket and its lines: the lines' own trigger must mark the day again.
    await refreshKpiRollups(db, { programId: program.id });
    await db.insert(purchaseLines).values({ programId: program.id, purchaseId: row!.id, lineNo: 1, ...line });
  };
  await walkIn("T-1", "2026-10-15T18:00:00Z", storeA, 30_000, { sku: "CAFE", quantity: "3", unitPriceMinor: 10_000, unitCostMinor: 4_000 });
  await walkIn("T-2", "2026-11-05T18:00:00Z", storeB, 8_000, { sku: "PAN", quantity: "1", unitPriceMinor: 8_000, unitCostMinor: null });
  await refundPurchase(db, system, { programId: program.id, orderId: "M-1", lines: [{ sku: "CAFE", quantity: 1 }] }, new Date("2026-11-02T18:00:00Z"));
  await refundPurchase(db, system, { programId: program.id, orderId: "T-1", amount: 150 }, new Date("2026-11-03T18:00:00Z"));
});
afterAll(async () => database.close());

const read = (filters: Record<string, string> = {}) =>
  getKpiDashboard(database.db, analyst(program), { programId: program.id, filters: { from: "2026-09-01", to: "2026-11-23", ...filters } }, NOW);

describe("gross margin on the KPI dashboard", () => {
  it("counts lines with a known cost, net of line and amount refunds, for members and non-members", async () => {
    const d = await read();
    expect(d.kpis.margin).toEqual({ marginMinor: 26_000, rate: 26_000 / 45_000, coverage: 45_000 / 88_000, costedPurchases: 3, costedRevenueMinor: 45_000, costMinor: 19_000 });
    expect(d.byMembership.members).toEqual({
      purchases: 3, revenueMinor: 75_000, averageTicketMinor: 25_000, frequency: 1.5,
      margin: { marginMinor: 17_000, rate: 17_000 / 30_000, coverage: 30_000 / 65_000, costedPurchases: 2, costedRevenueMinor: 30_000, costMinor: 13_000 },
    });
    expect(d.byMembership.nonMembers).toEqual({
      purchases: 2, revenueMinor: 38_000, averageTicketMinor: 19_000, frequency: null,
      margin: { marginMinor: 9_000, rate: 0.6, coverage: 15_000 / 23_000, costedPurchases: 1, costedRevenueMinor: 15_000, costMinor: 6_000 },
    });
    expect(d.byMembership.nonMembersFiltered).toBe(false);
    // Weekly buckets; refunds take margin back in the week they happen.
    expect(d.marginSeries.filter((w) => w.members || w.nonMembers)).toEqual([
      { day: "2026-09-07", members: 12_000, nonMembers: 0 },
      { day: "2026-10-05", members: 11_000, nonMembers: 0 },
      { day: "2026-10-12", members: 0, nonMembers: 18_000 },
      { day: "2026-11-02", members: -6_000, nonMembers: -9_000 },
    ]);
    expect(await verifyKpiRollups(database.db, { programId: program.id })).toMatchObject({ ok: true });
  });

  it("follows the store, channel, date, tier and segment filters", async () => {
    expect((await read({ store: storeA })).kpis.margin).toMatchObject({ marginMinor: 15_000, rate: 0.6, costedPurchases: 2 });
    const online = await read({ channel: "ecommerce" });
    expect(online.kpis.margin).toMatchObject({ marginMinor: 11_000, rate: 0.55, coverage: 1 });
    expect(online.byMembership.nonMembers.margin).toBeNull();
    expect((await read({ from: "2026-10-01", to: "2026-10-31" })).kpis.margin).toMatchObject({ marginMinor: 29_000, costedRevenueMinor: 50_000, costMinor: 21_000 });
    // Bea (gold) bought online; non-members are out of any tier or segment.
    const gold = await read({ tier: "gold" });
    expect(gold.kpis.margin).toMatchObject({ marginMinor: 11_000, costedPurchases: 1 });
    expect(gold.byMembership).toMatchObject({ nonMembersFiltered: true, nonMembers: { purchases: 0, margin: null } });
    const anaOnly = await read({ segment: segmentId });
    expect(anaOnly.kpis.margin).toMatchObject({ marginMinor: 6_000, costedRevenueMinor: 10_000, costMinor: 4_000, costedPurchases: 1 });
    expect(anaOnly.byMembership.members.averageTicketMinor).toBe(27_500);
  });

  it("is unknown, not 0 %, when no purchase in the range has a unit cost", async () => {
    // November has refunds of costed purchases and one ticket without costs.
    const november = await read({ from: "2026-11-01", to: "2026-11-23" });
    expect(november.kpis.purchases).toBe(1);
    expect(november.kpis.margin).toBeNull();
    expect(november.byMembership.members.margin).toBeNull();
    expect(november.marginSeries).toEqual([]);
    const uncosted = await makeProgram(database);
    const empty = await getKpiDashboard(database.db, analyst(uncosted), { programId: uncosted.id, filters: {} }, NOW);
    expect(empty.kpis.margin).toBeNull();
  });

  it("exports the margin columns with the daily rollup, and the margin series", async () => {
    const csv = async (table: string, filters: Record<string, string>) =>
      (await new Response((await kpiCsvStream(database.db, analyst(program), { programId: program.id, table, filters: { from: "2026-09-01", to: "2026-11-23", ...filters } })).stream).text()).trim().split("\r\n");
    const daily = await csv("daily", { store: storeA });
    const header = daily[0]!.split(",");
    expect(header.slice(-7)).toEqual(["member_refunded_minor", "costed_purchases", "member_costed_purchases", "costed_revenue_minor", "member_costed_revenue_minor", "cost_minor", "member_cost_minor"]);
    const row = (day: string) => Object.fromEntries(header.map((h, i) => [h, daily.find((l) => l.startsWith(`${day},`))!.split(",")[i]]));
    expect(row("2026-09-10")).toMatchObject({ costed_purchases: "1", member_costed_purchases: "1", costed_revenue_minor: "20000", cost_minor: "8000" });
    expect(row("2026-11-03")).toMatchObject({ refunded_minor: "15000", member_refunded_minor: "0", costed_revenue_minor: "-15000", member_costed_revenue_minor: "0", cost_minor: "-6000" });
    const margin = await csv("margin", {});
    expect(margin[0]).toBe("period_start,member_margin_minor,non_member_margin_minor");
    expect(margin).toContain("2026-10-12,0,18000");
  });

  it("shows on the console home: the last 30 local days, read like the dashboard", async () => {
    // October 20: Sep 21 – Oct 20 holds M-2 and T-1 (costed: 50,000 revenue, 21,000 cost) and M-3 (no lines).
    const october = await getProgramOverview(database.db, analyst(program), { slug: program.slug }, new Date("2026-10-20T23:00:00Z"));
    expect(october).toMatchObject({ purchases30d: 3, revenue30dMinor: 80_000, averageTicket30dMinor: 26_667, newMembers30d: 0, activeMembers90d: 2, members: 2 });
    expect(october.margin30d).toEqual({ marginMinor: 29_000, rate: 29_000 / 50_000, coverage: 50_000 / 80_000, costedPurchases: 2, costedRevenueMinor: 50_000, costMinor: 21_000 });

    // November 23: the same figures as the dashboard over Oct 25 – Nov 23 (one ticket without costs, two refunds: no margin).
    const home = await getProgramOverview(database.db, analyst(program), { slug: program.slug }, NOW);
    const d = await read({ from: "2026-10-25", to: "2026-11-23" });
    expect(home).toMatchObject({
      members: d.kpis.members, activeMembers90d: d.kpis.active90, newMembers30d: d.kpis.newEnrolments, pointsOutstanding: d.kpis.outstandingPoints,
      pointsIssued30d: d.kpis.pointsIssued, pointsRedeemed30d: d.kpis.pointsRedeemed, purchases30d: 1, revenue30dMinor: d.kpis.revenueMinor, margin30d: null,
    });
    expect(d.kpis.purchases).toBe(1);
    expect(home.pointsOutstanding).toBeGreaterThan(0);
  });
});
