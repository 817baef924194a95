import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { compareProgramTotals } from "@/db/queries/kpi-totals";
import { selectRows } from "@/db/rows";
import type { Actor } from "@/lib/auth/actor";
import { upsertCatalogProducts } from "@/lib/services/catalog/upsert-products";
import { getKpiDashboard } from "@/lib/services/kpis/get-kpi-dashboard";
import { createStore } from "@/lib/services/stores/create-store";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { recordPurchase } from "./record-purchase";
import { recordTicket } from "./record-ticket";
import { refundPurchase } from "./refund-purchase";

let database: Database;
const system: Actor = { kind: "system", label: "test" };
const NOW = new Date("2026-11-23T18:00:00Z");
const analyst = (p: { id: string; organizationId: string }): Actor => ({
  kind: "user", userId: randomUUID(), email: "analyst@example.com",
  grants: [{ organizationId: p.organizationId, programId: p.id, role: "analyst", storeIds: [], extraPermissions: [] }],
});

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function written(programId: string) {
  const [row] = await selectRows<{ purchases: number; lines: number; entries: number }>(database.db, sql`
    select (select count(*) from purchases where program_id = ${programId})::int as purchases,
           (select count(*) from purchase_lines where program_id = ${programId})::int as lines,
           (select count(*) from ledger_entries where program_id = ${programId})::int as entries`);
  return row!;
}

describe("recordTicket (a customer who is not a member)", () => {
  it("counts in the non-members' sales, average ticket and margin, with no member, points or ledger entry", async () => {
    const program = await makeProgram(database);
    await upsertCatalogProducts(database.db, system, {
      programId: program.id, source: "api",
      products: [{ sku: "CAFE", name: "Café", path: ["Abarrotes"], brand: null, unitCostMinor: 4_000 }, { sku: "PAN", name: "Pan", path: ["Abarrotes"], brand: null, unitCostMinor: null }],
    });
    const { id: memberId } = await makeMember(database, program.id);
    await recordPurchase(database.db, system, { programId: program.id, memberId, orderId: "M-1", amountMinor: 10_000, currency: "MXN", channel: "pos", occurredAt: new Date("2026-11-10T18:00:00Z") }, NOW);
    const ticket = await recordTicket(database.db, system, {
      programId: program.id, orderId: "T-1", amountMinor: 25_000, currency: "mxn", channel: "pos", occurredAt: new Date("2026-11-12T18:00:00Z"),
      lines: [{ sku: "CAFE", quantity: 2, unitPriceMinor: 10_000 }, { sku: "PAN", quantity: 1, unitPriceMinor: 5_000 }],
    }, NOW);
    expect(ticket).toMatchObject({ orderId: "T-1", amountMinor: 25_000, costedLines: 1 });
    await recordTicket(database.db, system, { programId: program.id, orderId: "T-2", amountMinor: 5_000, currency: "MXN", channel: "ecommerce", occurredAt: new Date("2026-11-13T18:00:00Z") }, NOW);

    expect(await written(program.id)).toEqual({ purchases: 3, lines: 2, entries: 1 });
    const d = await getKpiDashboard(database.db, analyst(program), { programId: program.id, filters: { from: "2026-11-01", to: "2026-11-23" } }, NOW);
    expect(d.byMembership.nonMembers).toEqual({
      purchases: 2, revenueMinor: 30_000, averageTicketMinor: 15_000, frequency: null,
      margin: { marginMinor: 12_000, rate: 0.6, coverage: 20_000 / 30_000, costedPurchases: 1, costedRevenueMinor: 20_000, costMinor: 8_000 },
    });
    expect(d.byMembership.members).toMatchObject({ purchases: 1, revenueMinor: 10_000 });
    // Buyers and the points totals only know the member.
    expect(d.kpis).toMatchObject({ buyers: 1, purchases: 3, pointsIssued: 100 });
    expect(await compareProgramTotals(database.db, program.id)).toMatchObject({ ok: true, outstanding: { stored: 100 } });
    const channel = await getKpiDashboard(database.db, analyst(program), { programId: program.id, filters: { from: "2026-11-01", to: "2026-11-23", channel: "ecommerce" } }, NOW);
    expect(channel.byMembership.nonMembers).toMatchObject({ purchases: 1, revenueMinor: 5_000, margin: null });

    // A ticket is refunded like any purchase, with no points to reverse.
    await expect(refundPurchase(database.db, system, { programId: program.id, orderId: "T-2" }, NOW)).resolves.toMatchObject({ pointsReversed: 0, balance: null });
    expect(await written(program.id)).toMatchObject({ purchases: 3, entries: 1 });
  });

  it("refuses a reused order reference (a member's or a ticket's), another currency, a store or program not the actor's, and writes nothing", async () => {
    const program = await makeProgram(database);
    const other = await makeProgram(database);
    const storeX = await createStore(database.db, system, { programId: program.id, code: "X-1", name: "Tienda X" });
    const storeY = await createStore(database.db, system, { programId: program.id, code: "Y-1", name: "Tienda Y" });
    const foreignStore = await createStore(database.db, system, { programId: other.id, code: "Z-1", name: "Otra" });
    const staffX: Actor = { kind: "user", userId: randomUUID(), email: "x@example.com", grants: [{ organizationId: program.organizationId, programId: program.id, role: "staff", storeIds: [storeX.id], extraPermissions: [] }] };
    const { id: memberId } = await makeMember(database, program.id);
    const base = { programId: program.id, amountMinor: 1_000, currency: "MXN", channel: "pos" as const, storeId: storeX.id };
    await recordPurchase(database.db, system, { ...base, memberId, orderId: "M-1" });
    await recordTicket(database.db, staffX, { ...base, orderId: "T-1" });
    const before = await written(program.id);

    await expect(recordTicket(database.db, staffX, { ...base, orderId: "T-1" })).rejects.toMatchObject({ code: "order_exists" });
    await expect(recordTicket(database.db, staffX, { ...base, orderId: "M-1" })).rejects.toMatchObject({ code: "order_exists" });
    await expect(recordTicket(database.db, staffX, { ...base, orderId: "T-2", currency: "USD" })).rejects.toMatchObject({ code: "validation_failed", fields: { currency: expect.any(Array) } });
    await expect(recordTicket(database.db, staffX, { ...base, orderId: "T-3", lines: [{ sku: "A", quantity: 1, unitPriceMinor: 5 }] })).rejects.toMatchObject({ code: "validation_failed", fields: { amountMinor: expect.any(Array) } });
    await expect(recordTicket(database.db, staffX, { ...base, orderId: "T-4", storeId: storeY.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordTicket(database.db, system, { ...base, orderId: "T-5", storeId: foreignStore.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(recordTicket(database.db, staffX, { ...base, programId: other.id, orderId: "T-6", storeId: undefined })).rejects.toMatchObject({ code: "not_found" });
    await expect(recordTicket(database.db, staffX, { ...base, orderId: "T-7", memberId } as never)).rejects.toMatchObject({ code: "validation_failed" });
    expect(await written(program.id)).toEqual(before);
    expect(await written(other.id)).toEqual({ purchases: 0, lines: 0, entries: 0 });
  });
});
