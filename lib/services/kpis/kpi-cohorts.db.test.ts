import { and, eq, sql } from "drizzle-orm";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { inBulkTransaction } from "@/db/queries/bulk-copy";
import { compareCohortRollup, countCohortsFromRollup } from "@/db/queries/kpi-cohorts";
import { countCohortsFromPurchases } from "@/db/queries/kpi-dashboard";
import { selectRows } from "@/db/rows";
import { purchases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { rebuildKpiRollups, refreshKpiRollups, verifyKpiRollups } from "./refresh-kpi-rollups";

/**
 * The cohort heatmap's member-months and counts (migration kpi_cohort_triggers)
 * after each kind of write to purchases: stored equals a recomputation from the
 * purchases, and the dashboard's rollup path equals its purchases path.
 */
const system: Actor = { kind: "system", label: "test" };
const TZ = "America/Mexico_City";
/** Range ends around the months the tests write: month ends, mid-month on either side of the half, a first day. */
const TOS = ["2026-01-15", "2026-01-31", "2026-03-01", "2026-03-05", "2026-03-10", "2026-03-31", "2026-05-14", "2026-05-20", "2026-06-30", "2027-02-28"];

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function expectExact(programId: string) {
  const check = await compareCohortRollup(database.db, programId);
  expect(check).toMatchObject({ ok: true, differingMonths: [], differingCells: [] });
  for (const to of TOS) {
    const f = { programId, timeZone: TZ, from: "2025-01-01", to };
    expect({ to, cells: await countCohortsFromRollup(database.db, f) }).toEqual({ to, cells: await countCohortsFromPurchases(database.db, f) });
  }
  return check;
}

/** Cells of the heatmap to the end of June 2026, as `cohort+offset: members`. */
async function heatmap(programId: string) {
  const rows = await countCohortsFromRollup(database.db, { programId, to: "2026-06-30" });
  return Object.fromEntries(rows.map((r) => [`${r.cohort}+${r.offset}`, r.members]));
}

describe("cohort heatmap rollup", () => {
  it("stays exact through purchases, back-dating, refunds, moves, deletes and bulk loads", async () => {
    const db = database.db;
    const { id: programId } = await makeProgram(database);
    const [ana, bea] = [(await makeMember(database, programId)).id, (await makeMember(database, programId)).id];
    const buy = (memberId: string, orderId: string, at: string, amountMinor = 10_000) =>
      recordPurchase(db, system, { programId, memberId, orderId, amountMinor, currency: "MXN", channel: "pos", occurredAt: new Date(at) }, new Date(at));

    await buy(ana, "a-mar", "2026-03-10T18:00:00Z");
    await buy(ana, "a-may", "2026-05-10T18:00:00Z");
    // 03:00 UTC on June 1 is still May 31 in Mexico City.
    await buy(bea, "b-may", "2026-06-01T03:00:00Z");
    await expectExact(programId);
    expect(await heatmap(programId)).toEqual({ "2026-03+0": 1, "2026-03+2": 1, "2026-05+0": 1 });
    // Earlier in a month she bought in: the same cells, a new first day there (a range ending March 5 now counts her).
    await buy(ana, "a-mar-2", "2026-03-03T18:00:00Z");
    await expectExact(programId);

    // A back-dated purchase moves Ana's cohort to January, with every month she had.
    await buy(ana, "a-jan", "2026-01-20T18:00:00Z");
    await expectExact(programId);
    expect(await heatmap(programId)).toEqual({ "2026-01+0": 1, "2026-01+2": 1, "2026-01+4": 1, "2026-05+0": 1 });

    // Refunded in full, the January purchase stops counting: back to March. A partial refund keeps a purchase.
    await refundPurchase(db, system, { programId, orderId: "a-jan" }, new Date("2026-05-11T18:00:00Z"));
    await refundPurchase(db, system, { programId, orderId: "a-mar", amount: 20 }, new Date("2026-05-11T18:00:00Z"));
    await expectExact(programId);
    expect(await heatmap(programId)).toEqual({ "2026-03+0": 1, "2026-03+2": 1, "2026-05+0": 1 });

    // Moved to Bea, Ana's May purchase leaves Ana's months and joins Bea's.
    await db.update(purchases).set({ memberId: bea }).where(and(eq(purchases.programId, programId), eq(purchases.orderId, "a-may")));
    await expectExact(programId);
    expect(await heatmap(programId)).toEqual({ "2026-03+0": 1, "2026-05+0": 1 });
    // Re-timed and then deleted.
    await db.update(purchases).set({ occurredAt: new Date("2026-02-02T18:00:00Z") }).where(and(eq(purchases.programId, programId), eq(purchases.orderId, "b-may")));
    await expectExact(programId);
    expect(await heatmap(programId)).toEqual({ "2026-03+0": 1, "2026-02+0": 1, "2026-02+3": 1 });
    await db.delete(purchases).where(and(eq(purchases.programId, programId), eq(purchases.orderId, "b-may")));
    await expectExact(programId);
    expect(await heatmap(programId)).toEqual({ "2026-03+0": 1, "2026-05+0": 1 });

    // One multi-row statement (an import): back-dated, refunded at once, non-member, two in one month.
    const row = (orderId: string, memberId: string | null, at: string, status: "completed" | "refunded" = "completed") =>
      ({ programId, orderId, memberId, channel: "pos" as const, amountMinor: 5_000, currency: "MXN", status, occurredAt: new Date(at) });
    await db.insert(purchases).values([
      row("i-1", bea, "2025-12-05T18:00:00Z"), row("i-2", bea, "2026-04-05T18:00:00Z"), row("i-3", bea, "2026-04-06T18:00:00Z"),
      row("i-4", ana, "2025-11-05T18:00:00Z", "refunded"), row("i-5", null, "2026-04-05T18:00:00Z"),
    ]);
    await expectExact(programId);
    expect(await heatmap(programId)).toEqual({ "2026-03+0": 1, "2025-12+0": 1, "2025-12+4": 1, "2025-12+5": 1 });

    // COPY, as the generator writes: a new member, a back-dated month for Ana, one refunded row.
    const cid = (await makeMember(database, programId)).id;
    const line = (orderId: string, memberId: string, at: string, status = "completed") => [programId, orderId, memberId, "pos", "100", "MXN", status, at].join("\t") + "\n";
    await inBulkTransaction(database, (w) => w.copy("purchases", ["program_id", "order_id", "member_id", "channel", "amount_minor", "currency", "status", "occurred_at"], [
      line("c-1", cid, "2026-02-10T18:00:00Z"), line("c-2", cid, "2026-02-11T18:00:00Z"), line("c-3", ana, "2026-02-10T18:00:00Z"),
      line("c-4", ana, "2025-10-10T18:00:00Z", "refunded"), line("c-5", cid, "2026-06-10T18:00:00Z"),
    ].join("")));
    const check = await expectExact(programId);
    expect(check.memberMonths).toBe(7);
    expect(await heatmap(programId)).toEqual({ "2026-02+0": 2, "2026-02+1": 1, "2026-02+4": 1, "2025-12+0": 1, "2025-12+4": 1, "2025-12+5": 1 });

    // Folding the appended changes, a rebuild and the verification change nothing.
    const before = await heatmap(programId);
    const rowsOf = async () => (await selectRows<{ table: string; rows: number; cells: number; unfolded: number }>(db, sql`
      select t.name as "table", count(*)::int as rows, count(distinct t.cell)::int as cells, (count(*) filter (where not t.folded))::int as unfolded from (
        select 'program' as name, concat_ws('|', cohort_month, month, first_day) as cell, folded from kpi_cohort_counts where program_id = ${programId}
        union all
        select 'dimension', concat_ws('|', dimension, cohort_month, month, first_day), folded from kpi_dimension_cohort_counts where program_id = ${programId}) t
      group by t.name order by 1`));
    expect((await rowsOf()).every((t) => t.unfolded > 0 && t.rows > t.cells)).toBe(true);
    await refreshKpiRollups(db, { programId });
    expect(await heatmap(programId)).toEqual(before);
    // One folded row per cell, in both tables; a fold with nothing new appended changes nothing.
    const folded = await rowsOf();
    expect(folded.map((t) => t.table)).toEqual(["dimension", "program"]);
    expect(folded.every((t) => t.unfolded === 0 && t.rows === t.cells)).toBe(true);
    await refreshKpiRollups(db, { programId });
    expect(await rowsOf()).toEqual(folded);
    expect(await rebuildKpiRollups(db, { programId })).toMatchObject({ memberMonths: 7 });
    expect(await heatmap(programId)).toEqual(before);
    expect(await verifyKpiRollups(db, { programId })).toMatchObject({ ok: true, cohorts: { ok: true, memberMonths: 7 } });
  });

  it("makes `rollups verify` fail when the stored rows drift", async () => {
    const db = database.db;
    const { id: programId } = await makeProgram(database);
    const m = (await makeMember(database, programId)).id;
    await recordPurchase(db, system, { programId, memberId: m, orderId: "x", amountMinor: 1_000, currency: "MXN", channel: "pos", occurredAt: new Date("2026-04-04T18:00:00Z") });
    await recordPurchase(db, system, { programId, memberId: m, orderId: "y", amountMinor: 1_000, currency: "MXN", channel: "pos", occurredAt: new Date("2026-05-04T18:00:00Z") });
    // Only the table's owner could do this (the triggers never would): a cell and a member-month lost.
    await db.execute(sql`delete from kpi_member_months where program_id = ${programId} and month = '2026-05-01'`);
    const result = await verifyKpiRollups(db, { programId });
    expect(result.ok).toBe(false);
    expect(result.cohorts.differingMonths).toEqual([`${m}|2026-05-01|-/2026-05-04`]);
    await rebuildKpiRollups(db, { programId });
    expect((await verifyKpiRollups(db, { programId })).ok).toBe(true);
  });

  it.skipIf(!process.env.DATABASE_URL)("serialises two writers of one member: the second waits for the first and moves or recounts on top of it", async () => {
    const { id: programId } = await makeProgram(database);
    const m = (await makeMember(database, programId)).id;
    const client = database.postgresClient!;
    const insert = (tx: postgres.TransactionSql, orderId: string, at: string) =>
      tx`insert into purchases (program_id, order_id, member_id, channel, amount_minor, currency, occurred_at) values (${programId}, ${orderId}, ${m}, 'pos', 100, 'MXN', ${at})`;
    /** Runs `first` in a transaction held open until `second` (another transaction) has started and waited a while. */
    async function overlap(first: (tx: postgres.TransactionSql) => Promise<unknown>, second: (tx: postgres.TransactionSql) => Promise<unknown>) {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let wrote!: () => void;
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const a = client.begin(async (tx) => {
        await first(tx);
        wrote();
        await held;
      });
      await written;
      const b = client.begin((tx) => second(tx));
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await Promise.all([a, b]);
    }
    // A back-dated January written while March is not committed yet: it waits, then moves March into its cohort.
    await overlap((tx) => insert(tx, "t-mar", "2026-03-10T18:00:00Z"), (tx) => insert(tx, "t-jan", "2026-01-10T18:00:00Z"));
    await expectExact(programId);
    expect(await heatmap(programId)).toEqual({ "2026-01+0": 1, "2026-01+2": 1 });
    // A purchase written while a delete recounts the member.
    await overlap((tx) => tx`delete from purchases where program_id = ${programId} and order_id = 't-jan'`, (tx) => insert(tx, "t-feb", "2026-02-10T18:00:00Z"));
    await expectExact(programId);
    expect(await heatmap(programId)).toEqual({ "2026-02+0": 1, "2026-02+1": 1 });
  });
});
