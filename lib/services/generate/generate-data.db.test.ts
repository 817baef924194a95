import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { compareCohortRollup } from "@/db/queries/kpi-cohorts";
import { compareDimensionRollup } from "@/db/queries/kpi-dimensions";
import { compareProgramTotals } from "@/db/queries/kpi-totals";
import { selectRows } from "@/db/rows";
import type { Actor } from "@/lib/auth/actor";
import { isValidCardNumber } from "@/lib/domain/card-number";
import { adjustMemberPoints } from "@/lib/services/ledger/adjust-member-points";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { generateData } from "./generate-data";

let database: Database;
const system: Actor = { kind: "system", label: "test" };
const NOW = new Date("2026-11-23T15:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function counts(programId: string) {
  const [row] = await selectRows<Record<string, string>>(database.db, sql`
    select (select count(*) from members where program_id = ${programId}) as members,
           (select count(distinct external_id) from members where program_id = ${programId}) as external_ids,
           (select count(distinct email) from members where program_id = ${programId}) as emails,
           (select count(distinct phone) from members where program_id = ${programId}) as phones,
           (select count(*) from point_accounts where program_id = ${programId}) as accounts,
           (select count(*) from purchases where program_id = ${programId}) as purchases,
           (select count(*) from purchases where program_id = ${programId} and earn_entry_id is null) as uncredited,
           (select count(*) from ledger_entries where program_id = ${programId}) as entries,
           (select count(*) from point_lots where program_id = ${programId}) as lots,
           (select coalesce(sum(available + pending), 0) from point_accounts where program_id = ${programId}) as balance`);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

async function memberSnapshot(programId: string) {
  return selectRows<Record<string, unknown>>(database.db, sql`
    select m.id, m.external_id, m.card_number, m.email, m.phone, m.tier_key, a.available, a.pending, a.lifetime_earned
      from members m join point_accounts a on a.program_id = m.program_id and a.member_id = m.id
     where m.program_id = ${programId} order by m.external_id`);
}

describe("generateData", () => {
  it("writes members, purchases and their ledger state that `ledger verify` accepts", async () => {
    const program = await makeProgram(database);
    const result = await generateData(database, { programSlug: program.slug, members: 200, purchases: 2000, seed: 3, now: NOW });
    expect(result).toMatchObject({ members: 200, purchases: 2000, ledgerEntries: 2000, lots: 2000 });
    expect(Object.values(result.tiers).reduce((a, b) => a + b, 0)).toBe(200);

    expect(await counts(program.id)).toEqual({
      members: 200, external_ids: 200, emails: 200, phones: 200, accounts: 200,
      purchases: 2000, uncredited: 0, entries: 2000, lots: 2000, balance: result.pointsCredited,
    });
    const snapshot = await memberSnapshot(program.id);
    expect(snapshot.every((m) => isValidCardNumber(String(m.card_number)))).toBe(true);
    expect(await verifyLedger(database.db, { programSlug: program.slug })).toEqual({ ok: true, accounts: 200, problems: [] });
    // The cohort heatmap's member-months and counts, kept by triggers through every COPY, equal a recomputation.
    const cohorts = await compareCohortRollup(database.db, program.id);
    expect(cohorts).toMatchObject({ ok: true, differingMonths: [], differingCells: [] });
    const [months] = await selectRows<{ n: number }>(database.db, sql`
      select count(distinct (member_id, date_trunc('month', occurred_at at time zone 'America/Mexico_City')))::int as n
      from purchases where program_id = ${program.id} and status <> 'refunded'`);
    expect(cohorts.memberMonths).toBe(Number(months!.n));
    expect(cohorts.memberMonths).toBeGreaterThan(200);
    // So do the tier, outstanding-points and tier-move totals, folded to one row each after the load.
    expect(await compareProgramTotals(database.db, program.id)).toEqual({ ok: true, outstanding: { stored: result.pointsCredited, fresh: result.pointsCredited }, differingTiers: [], differingMoves: [] });
    const [rows] = await selectRows<{ tiers: number; points: number }>(database.db, sql`
      select (select count(*) from kpi_tier_counts where program_id = ${program.id})::int as tiers,
             (select count(*) from kpi_outstanding_points where program_id = ${program.id})::int as points`);
    expect(rows).toEqual({ tiers: Object.keys(result.tiers).length, points: 1 });
    // Counter purchases (and their earn entries) are made in the eight generated stores, mostly each member's own; online ones in none.
    const [stores] = await selectRows<Record<string, number>>(database.db, sql`
      select (select count(*) from stores where program_id = ${program.id})::int as stores,
        (select count(distinct store_id) from purchases where program_id = ${program.id})::int as used,
        (select count(*) from purchases where program_id = ${program.id} and (channel = 'pos') <> (store_id is not null))::int as misplaced,
        (select count(*) from purchases p join ledger_entries e on e.program_id = p.program_id and e.id = p.earn_entry_id
          where p.program_id = ${program.id} and e.store_id is distinct from p.store_id)::int as entries_elsewhere,
        (select round(avg(home)::numeric, 2) from (select max(n)::float / sum(n) as home from (
          select member_id, store_id, count(*) as n from purchases where program_id = ${program.id} and store_id is not null group by 1, 2) x group by member_id having sum(n) >= 5) y)::float as home_share`);
    expect(stores).toMatchObject({ stores: 8, used: 8, misplaced: 0, entries_elsewhere: 0 });
    expect(stores!.home_share).toBeGreaterThan(0.7);
    // The per-store and per-channel summaries the dashboard's filters read, kept through every COPY as well.
    expect(await compareDimensionRollup(database.db, program.id)).toMatchObject({ ok: true, differing: [] });
  });

  it("leaves members the services can keep using: new entries get fresh ids, redemptions draw on generated lots", async () => {
    const program = await makeProgram(database);
    await generateData(database, { programSlug: program.slug, members: 20, purchases: 100, seed: 4, now: NOW });
    const [member] = await memberSnapshot(program.id);
    const memberId = String(member!.id);
    const purchase = await recordPurchase(database.db, system, { programId: program.id, memberId, orderId: "after-generate-1", amountMinor: 12_345, currency: "MXN", channel: "pos" });
    // The generated tier counts: the default plan multiplies earning by 1, 1.25 or 1.5.
    const multiplier = { bronze: 1, silver: 1.25, gold: 1.5 }[String(member!.tier_key)]!;
    expect(purchase.pointsEarned).toBe(Math.floor(123.45 * multiplier));
    // Spends every generated lot and 100 points of the new one.
    const spend = -(Number(member!.available) + 100);
    const adjusted = await adjustMemberPoints(database.db, system, { programId: program.id, memberId, points: spend, reason: "bench", idempotencyKey: "after-generate-2" });
    expect(adjusted.balance.available).toBe(purchase.pointsEarned - 100);
    expect(await verifyLedger(database.db, { programSlug: program.slug })).toMatchObject({ ok: true, accounts: 20 });
  });

  it("is deterministic for a seed and refuses to generate the same seed twice into a program", async () => {
    const [a, b] = [await makeProgram(database), await makeProgram(database)];
    await generateData(database, { programSlug: a.slug, members: 50, purchases: 300, seed: 9, now: NOW });
    await generateData(database, { programSlug: b.slug, members: 50, purchases: 300, seed: 9, now: NOW });
    expect(await memberSnapshot(a.id)).toEqual(await memberSnapshot(b.id));
    await expect(generateData(database, { programSlug: a.slug, members: 50, purchases: 300, seed: 9, now: NOW })).rejects.toMatchObject({ code: "already_generated" });
  });
});
