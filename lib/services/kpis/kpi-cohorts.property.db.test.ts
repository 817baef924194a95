import { and, desc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { inBulkTransaction } from "@/db/queries/bulk-copy";
import { randomUUID } from "node:crypto";
import { compareCohortRollup, countCohortsFromRollup } from "@/db/queries/kpi-cohorts";
import { countBuyersAndActives, countBuyersAndActivesFromPurchases, countCohorts, countCohortsFromPurchases, type KpiQueryFilter } from "@/db/queries/kpi-dashboard";
import { compareDimensionRollup } from "@/db/queries/kpi-dimensions";
import { members, purchases, stores } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { refreshKpiRollups } from "./refresh-kpi-rollups";

/**
 * Random writes to purchases — single purchases on any day of eight months
 * (back-dated ones included), multi-row inserts and COPY loads (with rows
 * refunded from the start and non-member tickets), full and partial refunds,
 * purchases moved to another member or time, deletes — with the counts folded
 * at random points, in two channels and two stores (and none): the cohort
 * heatmap's stored member-months and counts, the program's and per store and
 * channel with the per-dimension buyer summaries, always equal a recomputation
 * from the purchases, and for any range end and any store, channel or tier
 * filter the dashboard's kept paths give the purchases path's cells and buyers.
 */
const TZ = "America/Mexico_City";
const when = fc.record({ month: fc.integer({ min: 0, max: 7 }), day: fc.integer({ min: 1, max: 31 }), hour: fc.integer({ min: 0, max: 23 }) });
const channel = fc.constantFrom("pos" as const, "ecommerce" as const);
const STORES = [randomUUID(), randomUUID()];
/** A store by index, or none (the same two ids in every run's program: stores are keyed by program). */
const store = fc.integer({ min: -1, max: 1 });
const storeId = (i: number) => (i < 0 ? null : STORES[i]!);
const row = fc.record({ member: fc.nat(), at: when, refunded: fc.boolean(), walkIn: fc.boolean(), channel, store });
const command = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("buy" as const), member: fc.nat(), at: when, channel, store }) },
  fc.record({ op: fc.constant("insert" as const), rows: fc.array(row, { minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constant("copy" as const), rows: fc.array(row, { minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constant("enrol" as const) }),
  fc.record({ op: fc.constant("refund" as const), pick: fc.nat(), share: fc.option(fc.integer({ min: 1, max: 99 })) }),
  fc.record({ op: fc.constant("move" as const), pick: fc.nat(), member: fc.option(fc.nat(), { freq: 4 }) }),
  fc.record({ op: fc.constant("retime" as const), pick: fc.nat(), at: when }),
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("relocate" as const), pick: fc.nat(), channel, store }),
  fc.record({ op: fc.constant("fold" as const) }),
);
const rangeEnd = fc.record({ month: fc.integer({ min: -1, max: 9 }), day: fc.integer({ min: 1, max: 31 }) });

/** A moment in the months from January 2026 (days past a month's end roll into the next), in UTC around the program's day. */
const moment = (w: { month: number; day: number; hour: number }) => new Date(Date.UTC(2026, w.month, w.day, w.hour, 17));
const localDay = (w: { month: number; day: number }) => {
  const last = new Date(Date.UTC(2026, w.month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(2026, w.month, Math.min(w.day, last))).toISOString().slice(0, 10);
};
const localDayOf = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(at);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const EXPECTED = new Set(["already_refunded", "refund_exceeds_purchase", "nothing_to_refund"]);
const system: Actor = { kind: "system", label: "test" };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("cohort heatmap rollup", () => {
  it("equals a recomputation from the purchases after random writes, and both dashboard paths agree", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), fc.array(rangeEnd, { minLength: 1, maxLength: 3 }), async (commands, ends) => {
        const db = database.db;
        const { id: programId } = await makeProgram(database);
        const memberIds = [(await makeMember(database, programId)).id];
        await db.insert(stores).values(STORES.map((id, i) => ({ programId, id, code: `S${i}`, name: `Store ${i}` })));
        /** Orders written, and whether through the service (the only ones the refund service knows how to reverse). */
        const orders: { orderId: string; service: boolean }[] = [];
        const member = (n: number) => memberIds[n % memberIds.length]!;
        const orderOf = (pick: number) => orders[pick % orders.length]!.orderId;
        const where = (orderId: string) => and(eq(purchases.programId, programId), eq(purchases.orderId, orderId));
        let n = 0;
        for (const c of commands) {
          try {
            if (c.op === "buy") {
              const orderId = `s-${n++}`;
              await recordPurchase(db, system, { programId, memberId: member(c.member), orderId, amountMinor: 10_000, currency: "MXN", channel: c.channel, storeId: storeId(c.store) ?? undefined, occurredAt: moment(c.at) }, moment(c.at));
              orders.push({ orderId, service: true });
            } else if (c.op === "insert" || c.op === "copy") {
              const rows = c.rows.map((r) => ({ orderId: `${c.op}-${n++}`, memberId: r.walkIn ? null : member(r.member), status: r.refunded ? "refunded" as const : "completed" as const, occurredAt: moment(r.at), channel: r.channel, storeId: storeId(r.store) }));
              if (c.op === "insert") {
                await db.insert(purchases).values(rows.map((r) => ({ ...r, programId, amountMinor: 5_000, currency: "MXN" })));
              } else {
                const text = rows.map((r) => [programId, r.orderId, r.memberId ?? "\\N", r.channel, r.storeId ?? "\\N", "5000", "MXN", r.status, r.occurredAt.toISOString()].join("\t") + "\n").join("");
                await inBulkTransaction(database, (w) => w.copy("purchases", ["program_id", "order_id", "member_id", "channel", "store_id", "amount_minor", "currency", "status", "occurred_at"], text));
              }
              orders.push(...rows.map((r) => ({ orderId: r.orderId, service: false })));
            } else if (c.op === "enrol") memberIds.push((await makeMember(database, programId)).id);
            else if (c.op === "refund" && orders.some((o) => o.service)) {
              const service = orders.filter((o) => o.service);
              await refundPurchase(db, system, { programId, orderId: service[c.pick % service.length]!.orderId, amount: c.share ?? undefined }, new Date("2026-10-01T12:00:00Z"));
            } else if (c.op === "move" && orders.length) {
              await db.update(purchases).set({ memberId: c.member === null ? null : member(c.member) }).where(where(orderOf(c.pick)));
            } else if (c.op === "retime" && orders.length) {
              await db.update(purchases).set({ occurredAt: moment(c.at) }).where(where(orderOf(c.pick)));
            } else if (c.op === "relocate" && orders.length) {
              await db.update(purchases).set({ channel: c.channel, storeId: storeId(c.store) }).where(where(orderOf(c.pick)));
            } else if (c.op === "delete" && orders.length) {
              const [gone] = orders.splice(c.pick % orders.length, 1);
              await db.delete(purchases).where(where(gone!.orderId));
            } else if (c.op === "fold") await refreshKpiRollups(db, { programId });
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (!code || !EXPECTED.has(code)) throw error;
          }
        }
        expect(await compareCohortRollup(db, programId)).toMatchObject({ ok: true, differingMonths: [], differingCells: [] });
        expect(await compareDimensionRollup(db, programId)).toMatchObject({ ok: true, differing: [] });
        await db.update(members).set({ tierKey: "gold" }).where(and(eq(members.programId, programId), eq(members.id, memberIds[0]!)));
        // A tier filter reads the totals per tier, which the refresh (run by every dashboard load) brings up to date.
        await refreshKpiRollups(db, { programId });
        const filters: Partial<KpiQueryFilter>[] = [
          { channel: "pos" }, { channel: "ecommerce" }, { storeId: STORES[0] }, { storeId: STORES[1] },
          { tierKey: "gold" }, { tierKey: "gold", channel: "ecommerce" }, { tierKey: "gold", storeId: STORES[0] }, { storeId: STORES[1], channel: "pos" },
        ];
        for (const end of ends) {
          const f = { programId, timeZone: TZ, from: "2025-01-01", to: localDay(end) };
          expect({ to: f.to, cells: await countCohortsFromRollup(db, f) }).toEqual({ to: f.to, cells: await countCohortsFromPurchases(db, f) });
          for (const more of filters) {
            const filtered = { ...f, ...more };
            expect({ ...more, to: f.to, cells: await countCohorts(db, filtered) }).toEqual({ ...more, to: f.to, cells: await countCohortsFromPurchases(db, filtered) });
          }
        }
        // Buyers and actives over ranges to the latest purchase: the summaries' path against the purchases'.
        const [latest] = await db.select({ at: purchases.occurredAt }).from(purchases).where(eq(purchases.programId, programId)).orderBy(desc(purchases.occurredAt)).limit(1);
        if (latest) {
          const to = localDayOf(latest.at);
          for (const more of [{}, ...filters]) {
            for (const from of ["2025-01-01", addDays(to, -40)]) {
              const f: KpiQueryFilter = { programId, timeZone: TZ, from, to, ...more };
              expect({ ...more, from, counts: await countBuyersAndActives(db, f) }).toEqual({ ...more, from, counts: await countBuyersAndActivesFromPurchases(db, f) });
            }
          }
        }
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});
