import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countBuyersAndActives, countMembers, type BuyerCounts, type KpiQueryFilter } from "@/db/queries/kpi-dashboard";
import { PROGRAM_DIMENSION } from "@/db/queries/kpi-member-dimensions";
import { members, purchases } from "@/db/schema";
import { createMember } from "@/lib/services/members/create-member";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { localDay } from "./get-kpi-dashboard";
import { refreshKpiRollups } from "./refresh-kpi-rollups";

// The dashboard counts buying members from each member's summary (last and second-latest purchase) when
// the range runs to the program's latest purchase, and from the purchases otherwise. Both must give what the
// definition gives, computed here from the purchases in TypeScript: members with a purchase not refunded in
// full in the window, and those with two or more in the range.
const DAY = 86_400_000;
const NOW = new Date("2026-11-23T18:00:00Z");

let database: Database;
let program: { id: string; timeZone: string };
let gold: Set<string>;
type Bought = { memberId: string | null; at: Date; channel: "pos" | "ecommerce"; refunded: boolean };
let bought: Bought[];

beforeAll(async () => {
  database = await openTestDatabase();
  const made = await makeProgram(database);
  program = { id: made.id, timeZone: made.timeZone };
  const ids: string[] = [];
  for (let i = 0; i < 14; i++) {
    ids.push((await createMember(database.db, { programId: program.id, name: `M${i}`, email: `${randomUUID().slice(0, 8)}@example.com`, enrolledAt: new Date("2026-01-15T18:00:00Z") })).id);
  }
  gold = new Set(ids.slice(0, 5));
  await database.db.update(members).set({ tierKey: "gold" }).where(and(eq(members.programId, program.id), inArray(members.id, [...gold])));
  // Members buying never, once, or many times over 200 days (some at the same moment); refunds and tickets without a member.
  const random = fc.sample(
    fc.array(fc.record({ member: fc.integer({ min: -1, max: 12 }), daysAgo: fc.integer({ min: 0, max: 200 }), hour: fc.integer({ min: 0, max: 23 }), ecommerce: fc.boolean(), refunded: fc.integer({ min: 0, max: 5 }) }), { minLength: 90, maxLength: 90 }),
    { numRuns: 1, seed: 20261204 },
  )[0]!;
  bought = random.map((r) => ({
    memberId: r.member < 0 ? null : ids[r.member]!,
    at: new Date(NOW.getTime() - r.daysAgo * DAY - r.hour * 3_600_000),
    channel: r.ecommerce ? "ecommerce" : "pos",
    refunded: r.refunded === 0,
  }));
  // Two members buy twice at one moment; the last member (index 13) never buys.
  bought.push({ memberId: ids[3]!, at: new Date(NOW.getTime() - 3 * DAY), channel: "pos", refunded: false }, { memberId: ids[3]!, at: new Date(NOW.getTime() - 3 * DAY), channel: "pos", refunded: false });
  await database.db.insert(purchases).values(
    bought.map((b, i) => ({
      programId: program.id, memberId: b.memberId, orderId: `B-${i}-${randomUUID().slice(0, 6)}`, channel: b.channel, amountMinor: 1_000,
      refundedMinor: b.refunded ? 1_000 : 0, status: b.refunded ? ("refunded" as const) : ("completed" as const), currency: "MXN", occurredAt: b.at,
    })),
  );
  await refreshKpiRollups(database.db, { programId: program.id });
});
afterAll(async () => database.close());

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The definition, from the purchases. */
function expected(f: KpiQueryFilter): BuyerCounts {
  const kept = bought.filter((b) => b.memberId && !b.refunded && (!f.channel || b.channel === f.channel) && (!f.tierKey || gold.has(b.memberId)));
  const day = (b: Bought) => localDay(b.at, program.timeZone);
  const membersIn = (from: string) => {
    const n = new Map<string, number>();
    for (const b of kept) if (day(b) >= from && day(b) <= f.to) n.set(b.memberId!, (n.get(b.memberId!) ?? 0) + 1);
    return n;
  };
  const range = membersIn(f.from);
  return {
    active30: membersIn(addDays(f.to, -29)).size,
    active90: membersIn(addDays(f.to, -89)).size,
    buyers: range.size,
    repeatBuyers: [...range.values()].filter((n) => n >= 2).length,
  };
}

const filter = (from: string, to: string, more: Partial<KpiQueryFilter> = {}): KpiQueryFilter => ({ programId: program.id, timeZone: program.timeZone, from, to, ...more });

describe("countBuyersAndActives", () => {
  const today = localDay(NOW, "America/Mexico_City");

  it("matches the definition for ranges that run to the latest purchase (from the summaries), with and without a tier", async () => {
    for (const from of [addDays(today, -365), addDays(today, -60), addDays(today, -10), today]) {
      for (const more of [{}, { tierKey: "gold" }]) {
        const f = filter(from, today, more);
        expect(await countBuyersAndActives(database.db, f), JSON.stringify(f)).toEqual(expected(f));
      }
    }
    // Nothing is dated after today: this path reads the summaries, and the range still counts someone.
    expect(expected(filter(addDays(today, -60), today)).repeatBuyers).toBeGreaterThan(0);
  });

  it("matches the definition for ranges that end earlier or filter a channel (from the purchases)", async () => {
    for (const to of [addDays(today, -3), addDays(today, -40), addDays(today, -150)]) {
      for (const from of [addDays(to, -200), addDays(to, -20), to]) {
        const f = filter(from, to);
        expect(await countBuyersAndActives(database.db, f), JSON.stringify(f)).toEqual(expected(f));
      }
    }
    const f = filter(addDays(today, -90), today, { channel: "ecommerce" });
    expect(await countBuyersAndActives(database.db, f)).toEqual(expected(f));
  });

  it("reads the same program-wide counts after the upgrade's backfill (migration 0048) as after the refresh that kept them", async () => {
    const f = filter(addDays(today, -60), today);
    const kept = await countBuyersAndActives(database.db, f);
    expect(kept).toEqual(expected(f));
    await database.db.execute(sql`delete from kpi_member_dimension_totals where program_id = ${program.id} and dimension = ${PROGRAM_DIMENSION}`);
    expect((await countBuyersAndActives(database.db, f)).buyers).toBe(0);
    // The migration as shipped, limited to this program (other files share the database).
    const backfill = readFileSync("db/migrations/0048_kpi_member_totals_program.sql", "utf8")
      .replace("FROM kpi_member_counted c", `FROM (select * from kpi_member_counted where program_id = '${program.id}') c`);
    expect(backfill).toContain(program.id);
    await database.db.execute(sql.raw(backfill));
    expect(await countBuyersAndActives(database.db, f)).toEqual(kept);
  });

  it("counts members enrolled by the range's end from the rollup, and per tier from the members", async () => {
    expect(await countMembers(database.db, filter(addDays(today, -30), today))).toBe(14);
    expect(await countMembers(database.db, filter(addDays(today, -30), today, { tierKey: "gold" }))).toBe(5);
    expect(await countMembers(database.db, filter("2020-01-01", "2020-02-01"))).toBe(0);
  });
});
