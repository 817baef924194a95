import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { computeFreshRollupRows, countRollupMarks, listRollupRows } from "@/db/queries/kpi-rollups";
import { purchaseLines, purchases, stores } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { upsertCatalogProducts } from "@/lib/services/catalog/upsert-products";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { expireDuePoints } from "@/lib/services/ledger/process-due-lots";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { rebuildKpiRollups, refreshKpiRollups } from "./refresh-kpi-rollups";

/**
 * Random activity (enrolments, purchases with and without a store, with and
 * without lines of costed and uncosted products, non-member tickets, refunds by
 * amount and by line, redemptions, expiring credits and the expiry batch) on a
 * moving clock, refreshing the rollup at random points: afterwards the
 * incrementally maintained rollup — margin columns included — must equal a
 * recomputation from the base tables.
 */
const SKUS = ["COSTED-1", "COSTED-2", "UNCOSTED"] as const;
const line = fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.constantFrom(1, 2, 3, 0.5, 1.25), unitPriceMinor: fc.integer({ min: 0, max: 20_000 }) });
const command = fc.oneof(
  fc.record({ op: fc.constant("enrol" as const) }),
  // Weighted so that a purchase, a refresh, a later day and a refund of its lines often follow one another.
  { weight: 3, arbitrary: fc.record({ op: fc.constant("buy" as const), member: fc.nat(), amount: fc.integer({ min: 0, max: 50_000 }), channel: fc.constantFrom("pos" as const, "ecommerce" as const, "app" as const), store: fc.constantFrom(0, 1, 2), lines: fc.option(fc.array(line, { minLength: 1, maxLength: 3 })) }) },
  fc.record({ op: fc.constant("walkIn" as const), store: fc.constantFrom(0, 1, 2), lines: fc.array(line, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant("refund" as const), pick: fc.nat(), share: fc.option(fc.integer({ min: 1, max: 100 })) }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant("refundLine" as const), pick: fc.nat(), line: fc.nat(), quantity: fc.constantFrom(0.5, 1, 2) }) },
  fc.record({ op: fc.constant("redeem" as const), member: fc.nat(), points: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant("bonus" as const), member: fc.nat(), points: fc.integer({ min: 1, max: 300 }), expiresInDays: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant("expire" as const) }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant("refresh" as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("tick" as const), hours: fc.integer({ min: 1, max: 24 * 15 }) }) },
);

const EXPECTED = new Set(["insufficient_points", "refund_exceeds_purchase", "already_refunded", "nothing_to_refund"]);
const amountOf = (lines: { quantity: number; unitPriceMinor: number }[]) => lines.reduce((s, l) => s + Math.round(l.quantity * l.unitPriceMinor), 0);
const system: Actor = { kind: "system", label: "test" };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("KPI rollups", () => {
  it("equal a fresh recomputation from the base tables after random activity", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30, size: "medium" }), async (commands) => {
        const db = database.db;
        const { id: programId } = await makeProgram(database);
        const storeIds = [undefined, ...(await db.insert(stores).values([{ programId, code: "A", name: "A" }, { programId, code: "B", name: "B" }]).returning({ id: stores.id })).map((s) => s.id)];
        const memberIds = [(await makeMember(database, programId)).id];
        await upsertCatalogProducts(db, system, {
          programId,
          source: "api",
          products: [
            { sku: "COSTED-1", name: "Costed 1", path: [], brand: null, unitCostMinor: 4_321 },
            { sku: "COSTED-2", name: "Costed 2", path: [], brand: null, unitCostMinor: 15_000 },
            { sku: "UNCOSTED", name: "Uncosted", path: [], brand: null, unitCostMinor: null },
          ],
        });
        const orders: { orderId: string; amount: number; skus: string[] }[] = [];
        let now = new Date("2026-05-01T05:30:00Z");
        let n = 0;
        for (const c of commands) {
          try {
            if (c.op === "enrol") memberIds.push((await makeMember(database, programId)).id);
            else if (c.op === "buy") {
              const orderId = `O-${n++}`;
              const amount = c.lines ? amountOf(c.lines) : c.amount;
              await recordPurchase(db, system, { programId, memberId: memberIds[c.member % memberIds.length]!, orderId, amountMinor: amount, currency: "MXN", channel: c.channel, storeId: storeIds[c.store], occurredAt: now, lines: c.lines ?? undefined }, now);
              orders.push({ orderId, amount, skus: (c.lines ?? []).map((l) => l.sku) });
            } else if (c.op === "walkIn") {
              // A non-member ticket from a POS integration: the purchase, then its lines in a statement of their own.
              const orderId = `W-${n++}`;
              const amount = amountOf(c.lines);
              const [row] = await db.insert(purchases).values({ programId, memberId: null, orderId, channel: "pos", storeId: storeIds[c.store], amountMinor: amount, currency: "MXN", occurredAt: now, createdAt: now }).returning({ id: purchases.id });
              const cost = { "COSTED-1": 4_321, "COSTED-2": 15_000, UNCOSTED: null };
              await db.insert(purchaseLines).values(c.lines.map((l, i) => ({ programId, purchaseId: row!.id, lineNo: i + 1, sku: l.sku, quantity: String(l.quantity), unitPriceMinor: l.unitPriceMinor, unitCostMinor: cost[l.sku] })));
              orders.push({ orderId, amount, skus: c.lines.map((l) => l.sku) });
            } else if (c.op === "refundLine" && orders.some((o) => o.skus.length)) {
              const withLines = orders.filter((o) => o.skus.length);
              const o = withLines[c.pick % withLines.length]!;
              await refundPurchase(db, system, { programId, orderId: o.orderId, lines: [{ sku: o.skus[c.line % o.skus.length]!, quantity: c.quantity }] }, now);
            } else if (c.op === "refund" && orders.length) {
              const o = orders[c.pick % orders.length]!;
              const amount = c.share ? Math.max(1, Math.floor((o.amount * c.share) / 100)) / 100 : undefined;
              await refundPurchase(db, system, { programId, orderId: o.orderId, amount }, now);
            } else if (c.op === "redeem") {
              await redeemPoints(db, { programId, memberId: memberIds[c.member % memberIds.length]!, points: c.points }, now);
            } else if (c.op === "bonus") {
              await earnPoints(db, { programId, memberId: memberIds[c.member % memberIds.length]!, points: c.points, expiresAt: new Date(now.getTime() + c.expiresInDays * 86_400_000) }, now);
            } else if (c.op === "expire") await expireDuePoints(db, { programId, now });
            else if (c.op === "refresh") await refreshKpiRollups(db, { programId });
            else if (c.op === "tick") now = new Date(now.getTime() + c.hours * 3_600_000);
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (!code || !EXPECTED.has(code)) throw error;
          }
        }
        await refreshKpiRollups(db, { programId });
        expect(await countRollupMarks(db, programId)).toBe(0);
        const fresh = await computeFreshRollupRows(db, programId);
        expect(await listRollupRows(db, programId)).toEqual(fresh);
        // A second refresh finds nothing to do; a rebuild lands on the same rows.
        expect(await refreshKpiRollups(db, { programId })).toEqual({ days: 0, rows: 0, moved: 0 });
        await rebuildKpiRollups(db, { programId });
        expect(await listRollupRows(db, programId)).toEqual(fresh);
      }),
      { numRuns: 15 },
    );
  }, 240_000);

  it("counts purchases, revenue, refunds and points on the program's local day, store and channel", async () => {
    const db = database.db;
    const { id: programId } = await makeProgram(database);
    const [store] = await db.insert(stores).values({ programId, code: "C", name: "Centro" }).returning({ id: stores.id });
    const m = await makeMember(database, programId);
    // 03:00 UTC on May 2 is still May 1 in Mexico City.
    const at = new Date("2026-05-02T03:00:00Z");
    await recordPurchase(db, system, { programId, memberId: m.id, orderId: "X1", amountMinor: 12_345, currency: "MXN", channel: "pos", storeId: store!.id, occurredAt: at }, at);
    await recordPurchase(db, system, { programId, memberId: m.id, orderId: "X2", amountMinor: 5_000, currency: "MXN", channel: "pos", storeId: store!.id, occurredAt: at }, at);
    await upsertCatalogProducts(db, system, { programId, source: "api", products: [{ sku: "K", name: "K", path: [], brand: null, unitCostMinor: 700 }, { sku: "U", name: "U", path: [], brand: null, unitCostMinor: null }] });
    const lines = [{ sku: "K", quantity: 2, unitPriceMinor: 1_000 }, { sku: "U", quantity: 1, unitPriceMinor: 3_000 }];
    await recordPurchase(db, system, { programId, memberId: m.id, orderId: "X3", amountMinor: 5_000, currency: "MXN", channel: "pos", storeId: store!.id, occurredAt: at, lines }, at);
    // Until the refresh runs, the stored rollup is stale and the comparison says so.
    expect(await countRollupMarks(db, programId)).toBeGreaterThan(0);
    expect(await listRollupRows(db, programId)).not.toEqual(await computeFreshRollupRows(db, programId));
    await refreshKpiRollups(db, { programId });
    const rows = await listRollupRows(db, programId);
    const pos = rows.find((r) => r.channel === "pos" && r.storeId === store!.id)!;
    expect(pos).toMatchObject({
      day: "2026-05-01", purchases: 3, memberPurchases: 3, membersPurchasing: 1, revenueMinor: 22_345, memberRevenueMinor: 22_345, pointsIssued: 223,
      costedPurchases: 1, memberCostedPurchases: 1, costedRevenueMinor: 2_000, memberCostedRevenueMinor: 2_000, costMinor: 1_400, memberCostMinor: 1_400,
    });
    // Returning one unit the next day takes its revenue and cost back on that day (the refund's store: none given, the purchase's).
    const later = new Date("2026-05-02T18:00:00Z");
    await refundPurchase(db, system, { programId, orderId: "X3", lines: [{ sku: "K", quantity: 1 }] }, later);
    await refreshKpiRollups(db, { programId });
    const refundDay = (await listRollupRows(db, programId)).find((r) => r.day === "2026-05-02" && r.storeId === store!.id)!;
    expect(refundDay).toMatchObject({ refundedMinor: 1_000, memberRefundedMinor: 1_000, costedPurchases: 0, costedRevenueMinor: -1_000, costMinor: -700 });
    // The purchase's day keeps what it sold: only the refund's day was marked, and it is all that changed.
    expect(await listRollupRows(db, programId)).toEqual(await computeFreshRollupRows(db, programId));
    expect(rows.reduce((s, r) => s + r.newEnrolments, 0)).toBe(1);
  });
});
