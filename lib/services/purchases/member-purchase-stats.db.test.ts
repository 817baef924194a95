import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countSegment, sampleSegment } from "@/db/queries/segments";
import { selectRows } from "@/db/rows";
import { memberPurchaseStats, purchases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { SegmentCondition } from "@/lib/domain/segments/definition";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { recordPurchase } from "./record-purchase";
import { refundPurchase } from "./refund-purchase";

// member_purchase_stats is written by triggers only: these tests write purchases the ways the app does
// (the desk's recordPurchase, refunds, a multi-row insert as imports do, a delete) and compare the summary
// with one recomputed from the purchases themselves.
let database: Database;
let programId: string;
let timeZone: string;
const system: Actor = { kind: "system", label: "test" };
const NOW = new Date("2026-11-23T18:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

beforeAll(async () => {
  database = await openTestDatabase();
  const program = await makeProgram(database);
  programId = program.id;
  timeZone = program.timeZone;
});
afterAll(async () => database.close());

type Stats = { firstPurchaseAt: Date | null; lastPurchaseAt: Date | null; previousPurchaseAt: Date | null; purchases: number; keptMinor: number; firstKeptMinor: number };

async function stored(memberId: string): Promise<Stats | undefined> {
  const [row] = await database.db
    .select({
      firstPurchaseAt: memberPurchaseStats.firstPurchaseAt,
      lastPurchaseAt: memberPurchaseStats.lastPurchaseAt,
      previousPurchaseAt: memberPurchaseStats.previousPurchaseAt,
      purchases: memberPurchaseStats.purchases,
      keptMinor: memberPurchaseStats.keptMinor,
      firstKeptMinor: memberPurchaseStats.firstKeptMinor,
    })
    .from(memberPurchaseStats)
    .where(and(eq(memberPurchaseStats.programId, programId), eq(memberPurchaseStats.memberId, memberId)));
  return row;
}

/** The summary as the segment compiler's rules define it, straight from the purchases. */
async function recomputed(memberId: string): Promise<Stats> {
  const [row] = await selectRows<{ first_at: string | null; last_at: string | null; previous_at: string | null; n: number; kept: string; first_kept: string }>(
    database.db,
    sql`with counted as (select * from purchases where program_id = ${programId}::uuid and member_id = ${memberId}::uuid and status <> 'refunded')
        select min(occurred_at) as first_at, max(occurred_at) as last_at,
          (select occurred_at from counted order by occurred_at desc offset 1 limit 1) as previous_at, count(*)::int as n, coalesce(sum(amount_minor - refunded_minor), 0)::bigint as kept,
          coalesce((select sum(amount_minor - refunded_minor) from counted where occurred_at = (select min(occurred_at) from counted)), 0)::bigint as first_kept
        from counted`,
  );
  return {
    firstPurchaseAt: row!.first_at ? new Date(row!.first_at) : null,
    lastPurchaseAt: row!.last_at ? new Date(row!.last_at) : null,
    previousPurchaseAt: row!.previous_at ? new Date(row!.previous_at) : null,
    purchases: Number(row!.n),
    keptMinor: Number(row!.kept),
    firstKeptMinor: Number(row!.first_kept),
  };
}

async function expectExact(memberId: string, expected: Stats): Promise<void> {
  expect(await stored(memberId)).toEqual(expected);
  expect(await recomputed(memberId)).toEqual(expected);
}

/** A purchase through the desk's service; its order reference. */
async function buy(memberId: string, amountMinor: number, at: Date): Promise<string> {
  const orderId = `O-${randomUUID()}`;
  await recordPurchase(database.db, system, { programId, memberId, orderId, amountMinor, currency: "MXN", channel: "pos", occurredAt: at }, NOW);
  return orderId;
}

const countOf = (condition: SegmentCondition) => countSegment(database.db, { programId, now: NOW, timeZone, definition: { type: "group", match: "all", items: [condition] } });

describe("member purchase summary", () => {
  it("stays exact through purchases, a partial refund and full refunds, and the segment count follows", async () => {
    const { id: memberId } = await makeMember(database, programId);
    expect(await stored(memberId)).toBeUndefined();
    const recentBuyers = await countOf({ type: "lastPurchase", op: "lte", days: 30 });

    const older = await buy(memberId, 40_000, daysAgo(60));
    const latest = await buy(memberId, 10_000, daysAgo(5));
    await expectExact(memberId, { firstPurchaseAt: daysAgo(60), lastPurchaseAt: daysAgo(5), previousPurchaseAt: daysAgo(60), purchases: 2, keptMinor: 50_000, firstKeptMinor: 40_000 });
    expect(await countOf({ type: "lastPurchase", op: "lte", days: 30 })).toBe(recentBuyers + 1);

    // A partial refund keeps the purchase: only what was kept changes.
    await refundPurchase(database.db, system, { programId, orderId: latest, amount: 30 }, NOW);
    const [partly] = await database.db.select().from(purchases).where(and(eq(purchases.programId, programId), eq(purchases.orderId, latest)));
    expect(partly).toMatchObject({ status: "partially_refunded" });
    expect(partly!.refundedMinor).toBeGreaterThan(0);
    await expectExact(memberId, { firstPurchaseAt: daysAgo(60), lastPurchaseAt: daysAgo(5), previousPurchaseAt: daysAgo(60), purchases: 2, keptMinor: 50_000 - partly!.refundedMinor, firstKeptMinor: 40_000 });

    // Refunding the rest drops the purchase: the last purchase moves back to the older one.
    await refundPurchase(database.db, system, { programId, orderId: latest }, NOW);
    await expectExact(memberId, { firstPurchaseAt: daysAgo(60), lastPurchaseAt: daysAgo(60), previousPurchaseAt: null, purchases: 1, keptMinor: 40_000, firstKeptMinor: 40_000 });
    expect(await countOf({ type: "lastPurchase", op: "lte", days: 30 })).toBe(recentBuyers);

    // Every purchase refunded: the member has never bought, for "last purchase ≥ N days ago" too.
    const lapsed = await countOf({ type: "lastPurchase", op: "gte", days: 30 });
    await refundPurchase(database.db, system, { programId, orderId: older }, NOW);
    await expectExact(memberId, { firstPurchaseAt: null, lastPurchaseAt: null, previousPurchaseAt: null, purchases: 0, keptMinor: 0, firstKeptMinor: 0 });
    expect(await countOf({ type: "lastPurchase", op: "gte", days: 30 })).toBe(lapsed - 1);
  });

  it("adds a multi-row insert per member (refunded rows and non-member tickets left out) and recounts on delete", async () => {
    const a = (await makeMember(database, programId)).id;
    const b = (await makeMember(database, programId)).id;
    await buy(a, 5_000, daysAgo(10));
    const row = (memberId: string | null, amountMinor: number, at: Date, refunded = false) => ({
      programId,
      memberId,
      orderId: `O-${randomUUID()}`,
      channel: "pos" as const,
      amountMinor,
      refundedMinor: refunded ? amountMinor : 1_000,
      status: refunded ? ("refunded" as const) : ("partially_refunded" as const),
      currency: "MXN",
      occurredAt: at,
    });
    const inserted = await database.db
      .insert(purchases)
      .values([row(a, 20_000, daysAgo(400)), row(a, 7_000, daysAgo(1), true), row(b, 3_000, daysAgo(2)), row(b, 4_000, daysAgo(3)), row(null, 9_000, daysAgo(1))])
      .returning();
    await expectExact(a, { firstPurchaseAt: daysAgo(400), lastPurchaseAt: daysAgo(10), previousPurchaseAt: daysAgo(400), purchases: 2, keptMinor: 5_000 + 19_000, firstKeptMinor: 19_000 });
    await expectExact(b, { firstPurchaseAt: daysAgo(3), lastPurchaseAt: daysAgo(2), previousPurchaseAt: daysAgo(3), purchases: 2, keptMinor: 2_000 + 3_000, firstKeptMinor: 3_000 });

    // Deleting b's latest purchase and moving a's oldest to b both recount.
    await database.db.delete(purchases).where(and(eq(purchases.programId, programId), eq(purchases.id, inserted[2]!.id)));
    await database.db.update(purchases).set({ memberId: b }).where(and(eq(purchases.programId, programId), eq(purchases.id, inserted[0]!.id)));
    await expectExact(a, { firstPurchaseAt: daysAgo(10), lastPurchaseAt: daysAgo(10), previousPurchaseAt: null, purchases: 1, keptMinor: 5_000, firstKeptMinor: 5_000 });
    await expectExact(b, { firstPurchaseAt: daysAgo(400), lastPurchaseAt: daysAgo(3), previousPurchaseAt: daysAgo(400), purchases: 2, keptMinor: 19_000 + 3_000, firstKeptMinor: 19_000 });
  });

  it("sums the first moment's purchases when several share it, across statements, and moves it on refunds", async () => {
    const { id: memberId } = await makeMember(database, programId);
    const row = (amountMinor: number, at: Date) => ({ programId, memberId, orderId: `O-${randomUUID()}`, channel: "pos" as const, amountMinor, currency: "MXN", occurredAt: at });
    const first = daysAgo(30);
    // Two at the first moment in one statement, a later one, then a third at the first moment in another statement.
    await database.db.insert(purchases).values([row(1_000, first), row(2_000, first), row(8_000, daysAgo(3))]);
    await expectExact(memberId, { firstPurchaseAt: first, lastPurchaseAt: daysAgo(3), previousPurchaseAt: first, purchases: 3, keptMinor: 11_000, firstKeptMinor: 3_000 });
    const [tied] = await database.db.insert(purchases).values(row(4_000, first)).returning();
    await expectExact(memberId, { firstPurchaseAt: first, lastPurchaseAt: daysAgo(3), previousPurchaseAt: first, purchases: 4, keptMinor: 15_000, firstKeptMinor: 7_000 });
    // An earlier purchase takes over the first moment; a later one leaves it.
    const [earlier] = await database.db.insert(purchases).values(row(500, daysAgo(40))).returning();
    await database.db.insert(purchases).values(row(600, daysAgo(20)));
    await expectExact(memberId, { firstPurchaseAt: daysAgo(40), lastPurchaseAt: daysAgo(3), previousPurchaseAt: daysAgo(20), purchases: 6, keptMinor: 16_100, firstKeptMinor: 500 });
    // Refunding it in full gives the first moment back to the three tied purchases, less what one of them refunded.
    await refundPurchase(database.db, system, { programId, orderId: earlier!.orderId }, NOW);
    await database.db.update(purchases).set({ refundedMinor: 1_000, status: "partially_refunded" }).where(and(eq(purchases.programId, programId), eq(purchases.id, tied!.id)));
    await expectExact(memberId, { firstPurchaseAt: first, lastPurchaseAt: daysAgo(3), previousPurchaseAt: daysAgo(20), purchases: 5, keptMinor: 14_600, firstKeptMinor: 6_000 });
  });

  it("keeps the second-latest moment across statements, ties and deletes", async () => {
    const { id: memberId } = await makeMember(database, programId);
    const row = (amountMinor: number, at: Date) => ({ programId, memberId, orderId: `O-${randomUUID()}`, channel: "pos" as const, amountMinor, currency: "MXN", occurredAt: at });
    await buy(memberId, 1_000, daysAgo(50));
    // A batch with two purchases later than the member's latest: both move up.
    await database.db.insert(purchases).values([row(2_000, daysAgo(10)), row(3_000, daysAgo(5))]);
    await expectExact(memberId, { firstPurchaseAt: daysAgo(50), lastPurchaseAt: daysAgo(5), previousPurchaseAt: daysAgo(10), purchases: 3, keptMinor: 6_000, firstKeptMinor: 1_000 });
    // One between the two latest replaces the second; one at the latest moment ties with it.
    await database.db.insert(purchases).values(row(4_000, daysAgo(7)));
    await expectExact(memberId, { firstPurchaseAt: daysAgo(50), lastPurchaseAt: daysAgo(5), previousPurchaseAt: daysAgo(7), purchases: 4, keptMinor: 10_000, firstKeptMinor: 1_000 });
    const [tied] = await database.db.insert(purchases).values(row(5_000, daysAgo(5))).returning();
    await expectExact(memberId, { firstPurchaseAt: daysAgo(50), lastPurchaseAt: daysAgo(5), previousPurchaseAt: daysAgo(5), purchases: 5, keptMinor: 15_000, firstKeptMinor: 1_000 });
    // An older one changes neither; deleting the tie gives the second place back.
    await database.db.insert(purchases).values(row(6_000, daysAgo(30)));
    await database.db.delete(purchases).where(and(eq(purchases.programId, programId), eq(purchases.id, tied!.id)));
    await expectExact(memberId, { firstPurchaseAt: daysAgo(50), lastPurchaseAt: daysAgo(5), previousPurchaseAt: daysAgo(7), purchases: 5, keptMinor: 16_000, firstKeptMinor: 1_000 });
  });

  it("answers 'bought in the window' (≥ 1 or ≤ 0 purchases) from the summary, refunds left out", async () => {
    const buyer = (await makeMember(database, programId)).id;
    const idle = (await makeMember(database, programId)).id;
    const refunded = (await makeMember(database, programId)).id;
    await buy(buyer, 1_000, daysAgo(8));
    await buy(idle, 1_000, daysAgo(80));
    const gone = await buy(refunded, 1_000, daysAgo(2));
    await refundPurchase(database.db, system, { programId, orderId: gone }, NOW);
    const selected = async (condition: SegmentCondition) => {
      const rows = await sampleSegment(database.db, { programId, now: NOW, timeZone, limit: 1000, definition: { type: "group", match: "all", items: [condition] } });
      return [buyer, idle, refunded].filter((id) => rows.some((r) => r.id === id));
    };
    expect(await selected({ type: "purchaseCount", op: "gte", count: 1, days: 10 })).toEqual([buyer]);
    expect(await selected({ type: "purchaseCount", op: "lte", count: 0, days: 10 })).toEqual([idle, refunded]);
    expect(await selected({ type: "purchaseCount", op: "gte", count: 1, days: 90 })).toEqual([buyer, idle]);
    expect(await selected({ type: "purchaseCount", op: "lte", count: 0, days: 90 })).toEqual([refunded]);
  });
});
