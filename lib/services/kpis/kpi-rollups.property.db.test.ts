import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { computeFreshRollupRows, countRollupMarks, listRollupRows } from "@/db/queries/kpi-rollups";
import { stores } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { expireDuePoints } from "@/lib/services/ledger/process-due-lots";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { rebuildKpiRollups, refreshKpiRollups } from "./refresh-kpi-rollups";

/**
 * Random activity (enrolments, purchases with and without a store, refunds,
 * redemptions, expiring credits and the expiry batch) on a moving clock,
 * refreshing the rollup at random points: afterwards the incrementally
 * maintained rollup must equal a recomputation from the base tables.
 */
const command = fc.oneof(
  fc.record({ op: fc.constant("enrol" as const) }),
  fc.record({ op: fc.constant("buy" as const), member: fc.nat(), amount: fc.integer({ min: 0, max: 50_000 }), channel: fc.constantFrom("pos" as const, "ecommerce" as const, "app" as const), store: fc.constantFrom(0, 1, 2) }),
  fc.record({ op: fc.constant("refund" as const), pick: fc.nat(), share: fc.option(fc.integer({ min: 1, max: 100 })) }),
  fc.record({ op: fc.constant("redeem" as const), member: fc.nat(), points: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant("bonus" as const), member: fc.nat(), points: fc.integer({ min: 1, max: 300 }), expiresInDays: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant("expire" as const) }),
  fc.record({ op: fc.constant("refresh" as const) }),
  fc.record({ op: fc.constant("tick" as const), hours: fc.integer({ min: 1, max: 24 * 15 }) }),
);

const EXPECTED = new Set(["insufficient_points", "refund_exceeds_purchase", "already_refunded", "nothing_to_refund"]);
const system: Actor = { kind: "system", label: "test" };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("KPI rollups", () => {
  it("equal a fresh recomputation from the base tables after random activity", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
        const db = database.db;
        const { id: programId } = await makeProgram(database);
        const storeIds = [undefined, ...(await db.insert(stores).values([{ programId, code: "A", name: "A" }, { programId, code: "B", name: "B" }]).returning({ id: stores.id })).map((s) => s.id)];
        const memberIds = [(await makeMember(database, programId)).id];
        const orders: { orderId: string; amount: number }[] = [];
        let now = new Date("2026-05-01T05:30:00Z");
        let n = 0;
        for (const c of commands) {
          try {
            if (c.op === "enrol") memberIds.push((await makeMember(database, programId)).id);
            else if (c.op === "buy") {
              const orderId = `O-${n++}`;
              await recordPurchase(db, system, { programId, memberId: memberIds[c.member % memberIds.length]!, orderId, amountMinor: c.amount, currency: "MXN", channel: c.channel, storeId: storeIds[c.store], occurredAt: now }, now);
              orders.push({ orderId, amount: c.amount });
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
        expect(await refreshKpiRollups(db, { programId })).toEqual({ days: 0, rows: 0 });
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
    // Until the refresh runs, the stored rollup is stale and the comparison says so.
    expect(await countRollupMarks(db, programId)).toBeGreaterThan(0);
    expect(await listRollupRows(db, programId)).not.toEqual(await computeFreshRollupRows(db, programId));
    await refreshKpiRollups(db, { programId });
    const rows = await listRollupRows(db, programId);
    const pos = rows.find((r) => r.channel === "pos" && r.storeId === store!.id)!;
    expect(pos).toMatchObject({ day: "2026-05-01", purchases: 2, memberPurchases: 2, membersPurchasing: 1, revenueMinor: 17_345, memberRevenueMinor: 17_345, pointsIssued: 173 });
    expect(rows.reduce((s, r) => s + r.newEnrolments, 0)).toBe(1);
  });
});
