import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countMembersPerTier, countTierMoves, sumOutstandingPoints } from "@/db/queries/kpi-dashboard";
import { compareProgramTotals } from "@/db/queries/kpi-totals";
import { selectRows } from "@/db/rows";
import type { Actor } from "@/lib/auth/actor";
import { adjustMemberPoints } from "@/lib/services/ledger/adjust-member-points";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { expireDuePoints } from "@/lib/services/ledger/process-due-lots";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { rebuildKpiRollups, refreshKpiRollups, verifyKpiRollups } from "./refresh-kpi-rollups";

/**
 * Random writes to members and point accounts — enrolments, purchases (which
 * earn points and may move a member up a tier), refunds, adjustments both ways,
 * tiers set by hand one member or many at a time, anonymizations, expiry
 * batches (one statement over many accounts), and a second program written alongside —
 * with the appended changes folded at random points: members per tier and the
 * outstanding points kept by triggers always equal a count over the members and
 * a sum over the accounts, and the dashboard reads them (no filter) as the base
 * tables give them (a tier filter).
 */
const command = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("buy" as const), member: fc.nat(), amount: fc.integer({ min: 100, max: 2_000_000 }) }) },
  fc.record({ op: fc.constant("enrol" as const) }),
  fc.record({ op: fc.constant("refund" as const), pick: fc.nat(), share: fc.option(fc.integer({ min: 1, max: 99 })) }),
  fc.record({ op: fc.constant("adjust" as const), member: fc.nat(), points: fc.integer({ min: -500, max: 500 }).filter((p) => p !== 0) }),
  fc.record({ op: fc.constant("tier" as const), member: fc.nat(), tier: fc.constantFrom(null, "bronze", "silver", "gold") }),
  fc.record({ op: fc.constant("tierAll" as const), tier: fc.constantFrom(null, "bronze", "gold") }),
  fc.record({ op: fc.constant("anonymize" as const), member: fc.nat() }),
  fc.record({ op: fc.constant("bonus" as const), member: fc.nat(), points: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant("expireAll" as const) }),
  fc.record({ op: fc.constant("other" as const), amount: fc.integer({ min: 100, max: 100_000 }) }),
  fc.record({ op: fc.constant("move" as const), member: fc.nat(), from: fc.constantFrom(null, "bronze", "gold"), to: fc.constantFrom(null, "silver", "gold"), day: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant("unmove" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("fold" as const) }),
);
const rangeOf = fc.record({ from: fc.integer({ min: 1, max: 60 }), days: fc.integer({ min: 0, max: 60 }) });
/** A moment of local day `day` (from 2026-01-01) in Mexico City, at 23:30 local: UTC's next day. */
const lateOn = (day: number) => new Date(Date.UTC(2026, 0, day, 23, 30) + 6 * 3_600_000);
const dayOf = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
const EXPECTED = new Set(["already_refunded", "refund_exceeds_purchase", "nothing_to_refund", "insufficient_points", "member_inactive", "not_found"]);
const system: Actor = { kind: "system", label: "test" };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("tier and outstanding-points totals", () => {
  it("equal a recomputation after random writes, and the dashboard reads them as the base tables give them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), rangeOf, async (commands, range) => {
        const db = database.db;
        const [{ id: programId, slug }, { id: otherId }] = [await makeProgram(database), await makeProgram(database)];
        const memberIds = [(await makeMember(database, programId)).id];
        const otherMember = (await makeMember(database, otherId)).id;
        const orders: string[] = [];
        const member = (n: number) => memberIds[n % memberIds.length]!;
        let n = 0;
        for (const c of commands) {
          try {
            if (c.op === "buy") {
              const orderId = `o-${n++}`;
              await recordPurchase(db, system, { programId, memberId: member(c.member), orderId, amountMinor: c.amount, currency: "MXN", channel: "pos" });
              orders.push(orderId);
            } else if (c.op === "enrol") memberIds.push((await makeMember(database, programId)).id);
            else if (c.op === "refund" && orders.length) await refundPurchase(db, system, { programId, orderId: orders[c.pick % orders.length]!, amount: c.share ?? undefined });
            else if (c.op === "adjust") await adjustMemberPoints(db, system, { programId, memberId: member(c.member), points: c.points, reason: "test" });
            else if (c.op === "tier") await db.execute(sql`update members set tier_key = ${c.tier} where program_id = ${programId} and id = ${member(c.member)}`);
            else if (c.op === "tierAll") await db.execute(sql`update members set tier_key = ${c.tier} where program_id in (${programId}, ${otherId})`);
            else if (c.op === "anonymize") await db.execute(sql`update members set status = 'anonymized' where program_id = ${programId} and id = ${member(c.member)}`);
            else if (c.op === "bonus") await earnPoints(db, { programId, memberId: member(c.member), points: c.points, expiresAt: new Date(Date.now() + 60_000) });
            // Every due lot of the program in one batch: one statement changes many accounts.
            else if (c.op === "expireAll") await expireDuePoints(db, { programId, now: new Date(Date.now() + 120_000) });
            else if (c.op === "other") await recordPurchase(db, system, { programId: otherId, memberId: otherMember, orderId: `x-${n++}`, amountMinor: c.amount, currency: "MXN", channel: "pos" });
            else if (c.op === "move") {
              await db.execute(sql`insert into member_tier_history (program_id, member_id, from_tier, to_tier, reason, created_at)
                values (${programId}, ${member(c.member)}, ${c.from}, ${c.to}, 'test', ${lateOn(c.day).toISOString()})`);
            } else if (c.op === "unmove") {
              await db.execute(sql`delete from member_tier_history where program_id = ${programId} and id = (
                select id from member_tier_history where program_id = ${programId} order by created_at, id offset ${c.pick} % greatest(1, (select count(*) from member_tier_history where program_id = ${programId})) limit 1)`);
            } else if (c.op === "fold") await refreshKpiRollups(db, { programId });
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (!code || !EXPECTED.has(code)) throw error;
          }
        }
        for (const id of [programId, otherId]) expect(await compareProgramTotals(db, id)).toMatchObject({ ok: true, differingTiers: [] });
        const f = { programId, timeZone: "America/Mexico_City", from: "2026-01-01", to: "2026-12-31" };
        // Tier moves of a range of local days, from the kept rows and straight from the history.
        const window = { ...f, from: dayOf(range.from), to: dayOf(range.from + range.days) };
        const moves = await selectRows<{ fromTier: string | null; toTier: string | null; members: number }>(db, sql`
          select from_tier as "fromTier", to_tier as "toTier", count(*)::int as members from member_tier_history
          where program_id = ${programId} and (created_at at time zone 'America/Mexico_City')::date between ${window.from}::date and ${window.to}::date
          group by 1, 2 order by 3 desc, 1, 2`);
        expect(await countTierMoves(db, window)).toEqual(moves.map((m) => ({ ...m, members: Number(m.members) })));
        const [held] = await selectRows<{ n: string }>(db, sql`select coalesce(sum(available + pending), 0)::text as n from point_accounts where program_id = ${programId}`);
        expect(await sumOutstandingPoints(db, f)).toBe(Number(held!.n));
        const tiers = await countMembersPerTier(db, f);
        // A tier filter reads the totals per tier, which the refresh (run by every dashboard load) brings up to date.
        await refreshKpiRollups(db, { programId });
        for (const t of tiers.filter((x) => x.tierKey !== null)) {
          expect(await countMembersPerTier(db, { ...f, tierKey: t.tierKey })).toEqual([t]);
          expect(await countMembersPerTier(db, { ...f, tierKey: t.tierKey }, { fromFacts: true })).toEqual([t]);
        }
        const [active] = await selectRows<{ n: string }>(db, sql`select count(*)::text as n from members where program_id = ${programId} and status <> 'anonymized'`);
        expect(tiers.reduce((sum, t) => sum + t.members, 0)).toBe(Number(active!.n));
        expect(await verifyLedger(db, { programSlug: slug })).toMatchObject({ ok: true });
      }),
      { numRuns: 20 },
    );
  }, 300_000);

  it("makes `rollups verify` fail when a total drifts, and `rollups rebuild` repairs it", async () => {
    const db = database.db;
    const { id: programId } = await makeProgram(database);
    const m = (await makeMember(database, programId)).id;
    await recordPurchase(db, system, { programId, memberId: m, orderId: "a", amountMinor: 50_000, currency: "MXN", channel: "pos" });
    expect(await verifyKpiRollups(db, { programId })).toMatchObject({ ok: true, totals: { ok: true } });
    // Only the table's owner could do this (the triggers never would).
    await db.execute(sql`insert into kpi_outstanding_points (program_id, points) values (${programId}, 7)`);
    await db.execute(sql`insert into kpi_tier_counts (program_id, tier_key, members) values (${programId}, 'gold', 2)`);
    await db.execute(sql`insert into kpi_tier_moves (program_id, day, from_tier, to_tier, members) values (${programId}, '2026-03-01', null, 'gold', 1)`);
    const result = await verifyKpiRollups(db, { programId });
    expect(result.ok).toBe(false);
    expect(result.totals.outstanding.stored - result.totals.outstanding.fresh).toBe(7);
    expect(result.totals.differingTiers).toEqual(["gold=2/0"]);
    expect(result.totals.differingMoves).toEqual(["2026-03-01|(none)→gold=1/0"]);
    await rebuildKpiRollups(db, { programId });
    expect(await verifyKpiRollups(db, { programId })).toMatchObject({ ok: true, totals: { ok: true, differingTiers: [], differingMoves: [] } });
  });
});
