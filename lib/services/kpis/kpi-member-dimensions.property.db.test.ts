import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { binClv, countBuyersAndActives, countCohorts, countMembers, countMembersPerTier, countTierMoves, sumDaily, sumOutstandingPoints, withDashboardReads, type DailyTotals, type KpiQueryFilter } from "@/db/queries/kpi-dashboard";
import { computeFreshMemberDimensionRows, computeFreshMemberTotals, countMemberDimensionMoves, listMemberDimensionRows, listMemberTotals } from "@/db/queries/kpi-member-dimensions";
import { countRollupMarks } from "@/db/queries/kpi-rollups";
import { insertPredictionFit, replaceMemberPredictions } from "@/db/queries/predictions";
import { purchases, segmentMembers, segments, stores } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { rebuildKpiRollups, refreshKpiRollups } from "./refresh-kpi-rollups";

/**
 * Random activity interleaved with members changing tier (one or all at once),
 * anonymized, and joining and leaving segments, a segment deleted, and refreshes — some
 * two at once — at random points: afterwards the rollup per tier and segment
 * equals a recomputation from the facts with today's membership, and the
 * dashboard's daily series under every tier and segment filter equal those
 * computed from the base tables, and so do the members enrolled by a day,
 * the buyers and active members, the points they hold, the cohort heatmap, the members per tier, the tier migration
 * and the CLV bins (kept per tier and segment, and program-wide, from the members recounted at each refresh).
 */
const TIERS = [null, "bronze", "silver", "gold"] as const;
const command = fc.oneof(
  fc.record({ op: fc.constant("enrol" as const), tier: fc.constantFrom(...TIERS) }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant("buy" as const), member: fc.nat(), amount: fc.integer({ min: 100, max: 50_000 }), channel: fc.constantFrom("pos" as const, "ecommerce" as const), store: fc.constantFrom(0, 1), backDays: fc.constantFrom(0, 0, 3, 40) }) },
  fc.record({ op: fc.constant("walkIn" as const), amount: fc.integer({ min: 100, max: 50_000 }) }),
  fc.record({ op: fc.constant("refund" as const), pick: fc.nat(), share: fc.option(fc.integer({ min: 1, max: 99 })) }),
  fc.record({ op: fc.constant("redeem" as const), member: fc.nat(), points: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant("bonus" as const), member: fc.nat(), points: fc.integer({ min: 1, max: 300 }) }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant("tier" as const), member: fc.nat(), tier: fc.constantFrom(...TIERS) }) },
  fc.record({ op: fc.constant("tierAll" as const), tier: fc.constantFrom(...TIERS) }),
  fc.record({ op: fc.constant("anonymize" as const), member: fc.nat() }),
  fc.record({ op: fc.constant("history" as const), member: fc.nat(), from: fc.constantFrom(...TIERS), to: fc.constantFrom(...TIERS) }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant("join" as const), member: fc.nat(), segment: fc.constantFrom(0, 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("leave" as const), member: fc.nat(), segment: fc.constantFrom(0, 1) }) },
  fc.record({ op: fc.constant("dropSegment" as const), segment: fc.constantFrom(0, 1) }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant("refresh" as const), twice: fc.boolean() }) },
  fc.record({ op: fc.constant("tick" as const), hours: fc.integer({ min: 1, max: 24 * 5 }) }),
  // A prediction refresh rewrites every member's CLV bin (null: no CLV), member by member in turn; one member's bin changes alone.
  fc.record({ op: fc.constant("predict" as const), bins: fc.array(fc.option(fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constant("rebin" as const), member: fc.nat(), bin: fc.option(fc.integer({ min: 0, max: 9 })) }),
);

const EXPECTED = new Set(["insufficient_points", "refund_exceeds_purchase", "already_refunded", "nothing_to_refund"]);
const system: Actor = { kind: "system", label: "test" };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("KPI rollup per tier and segment", () => {
  it("equals the facts with today's membership after random activity and membership changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30, size: "medium" }), async (commands) => {
        const db = database.db;
        const { id: programId } = await makeProgram(database);
        const storeIds = [undefined, (await db.insert(stores).values({ programId, code: "A", name: "A" }).returning({ id: stores.id }))[0]!.id];
        const newSegment = async (name: string) => (await db.insert(segments).values({ programId, name, definition: {} }).returning({ id: segments.id }))[0]!.id;
        const segmentIds = [await newSegment("S0"), await newSegment("S1")];
        const memberIds = [(await makeMember(database, programId)).id];
        const member = (n: number) => memberIds[n % memberIds.length]!;
        const orders: string[] = [];
        let now = new Date("2026-03-01T17:00:00Z");
        let n = 0;
        for (const c of commands) {
          try {
            if (c.op === "enrol") {
              const id = (await makeMember(database, programId)).id;
              await db.execute(sql`update members set tier_key = ${c.tier} where program_id = ${programId} and id = ${id}`);
              memberIds.push(id);
            } else if (c.op === "buy") {
              const orderId = `O-${n++}`;
              const at = new Date(now.getTime() - c.backDays * 86_400_000);
              await recordPurchase(db, system, { programId, memberId: member(c.member), orderId, amountMinor: c.amount, currency: "MXN", channel: c.channel, storeId: storeIds[c.store], occurredAt: at }, now);
              orders.push(orderId);
            } else if (c.op === "walkIn") {
              await db.insert(purchases).values({ programId, memberId: null, orderId: `W-${n++}`, channel: "pos", amountMinor: c.amount, currency: "MXN", occurredAt: now, createdAt: now });
            } else if (c.op === "refund" && orders.length) {
              await refundPurchase(db, system, { programId, orderId: orders[c.pick % orders.length]!, amount: c.share ? c.share / 100 : undefined }, now);
            } else if (c.op === "redeem") await redeemPoints(db, { programId, memberId: member(c.member), points: c.points }, now);
            else if (c.op === "bonus") await earnPoints(db, { programId, memberId: member(c.member), points: c.points, expiresAt: new Date(now.getTime() + 30 * 86_400_000) }, now);
            else if (c.op === "tier") await db.execute(sql`update members set tier_key = ${c.tier} where program_id = ${programId} and id = ${member(c.member)}`);
            else if (c.op === "history") {
              await db.execute(sql`insert into member_tier_history (program_id, member_id, from_tier, to_tier, reason, created_at)
                values (${programId}, ${member(c.member)}, ${c.from}, ${c.to}, 'test', ${now.toISOString()})`);
            } else if (c.op === "anonymize") await db.execute(sql`update members set status = 'anonymized' where program_id = ${programId} and id = ${member(c.member)}`);
            else if (c.op === "tierAll") await db.execute(sql`update members set tier_key = ${c.tier} where program_id = ${programId}`);
            else if (c.op === "join") await db.insert(segmentMembers).values({ programId, segmentId: segmentIds[c.segment]!, memberId: member(c.member) }).onConflictDoNothing();
            else if (c.op === "leave") {
              await db.delete(segmentMembers).where(and(eq(segmentMembers.programId, programId), eq(segmentMembers.segmentId, segmentIds[c.segment]!), eq(segmentMembers.memberId, member(c.member))));
            } else if (c.op === "dropSegment") {
              const gone = segmentIds[c.segment]!;
              await db.transaction(async (tx) => {
                await tx.delete(segmentMembers).where(and(eq(segmentMembers.programId, programId), eq(segmentMembers.segmentId, gone)));
                await tx.delete(segments).where(and(eq(segments.programId, programId), eq(segments.id, gone)));
              });
              segmentIds[c.segment] = await newSegment(`S${c.segment}'`);
            } else if (c.op === "refresh") {
              // Two at once queue on the program's lock; the later one retries with a snapshot that sees the first's work.
              if (c.twice) await Promise.all([refreshKpiRollups(db, { programId }), refreshKpiRollups(db, { programId })]);
              else await refreshKpiRollups(db, { programId });
            } else if (c.op === "tick") now = new Date(now.getTime() + c.hours * 3_600_000);
            else if (c.op === "predict") {
              const at = now;
              await db.transaction(async (tx) => {
                await replaceMemberPredictions(tx, programId, memberIds.map((memberId, i) => {
                  const bin = c.bins[i % c.bins.length] ?? null;
                  return { programId, memberId, asOf: "2026-03-01", frequency: 0, pAlive: 0.5, expectedPurchases90d: 1, expectedSpendMinor: bin === null ? null : 100,
                    clv12mMinor: bin === null ? null : bin * 1_000 + 1, clvBin: bin, rfmR: 1, rfmF: 1, rfmM: 1, rfmSegment: "new", fittedAt: at };
                }));
                await insertPredictionFit(tx, { programId, asOf: "2026-03-01", customers: memberIds.length, bgNbd: {}, distributions: { clv: [{ from: 0, to: 1_000, count: 0 }] }, durationMs: 1, fittedAt: at });
              });
            } else if (c.op === "rebin") {
              await db.execute(sql`update member_predictions set clv_bin = ${c.bin}, clv_12m_minor = ${c.bin === null ? null : c.bin * 1_000 + 1}
                where program_id = ${programId} and member_id = ${member(c.member)}`);
            }
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (!code || !EXPECTED.has(code)) throw error;
          }
        }
        await refreshKpiRollups(db, { programId });
        expect(await countRollupMarks(db, programId)).toBe(0);
        expect(await countMemberDimensionMoves(db, programId)).toBe(0);
        const fresh = await computeFreshMemberDimensionRows(db, programId);
        expect(await listMemberDimensionRows(db, programId)).toEqual(fresh);
        const freshTotals = await computeFreshMemberTotals(db, programId);
        expect(await listMemberTotals(db, programId)).toEqual(freshTotals);
        const filters: Partial<KpiQueryFilter>[] = [
          {},
          { storeId: storeIds[1] },
          { channel: "pos" },
          ...TIERS.filter((t) => t !== null).map((tierKey) => ({ tierKey })),
          ...segmentIds.map((segmentId) => ({ segmentId })),
          { tierKey: "gold", channel: "pos" },
          { segmentId: segmentIds[0], storeId: storeIds[1] },
        ];
        // A move can leave a day of zeros behind where the facts have no day: the same series on the dashboard.
        const active = (days: DailyTotals[]) => days.filter((d) => Object.entries(d).some(([k, v]) => k !== "day" && v !== 0));
        for (const extra of filters) {
          const f: KpiQueryFilter = { programId, timeZone: "America/Mexico_City", from: "2026-01-01", to: "2026-12-31", ...extra };
          expect(active(await sumDaily(db, f)), JSON.stringify(extra)).toEqual(active(await sumDaily(db, f, { fromFacts: true })));
          expect(await binClv(db, f), `CLV ${JSON.stringify(extra)}`).toEqual(await binClv(db, f, { fromFacts: true }));
          for (const to of ["2026-03-01", "2026-04-15", "2026-12-31"]) {
            const g = { ...f, to, from: to === "2026-12-31" ? "2026-04-01" : f.from };
            const label = `${to} ${JSON.stringify(extra)}`;
            expect(await countMembers(db, g), `members ${label}`).toBe(await countMembers(db, g, { fromFacts: true }));
            expect(await sumOutstandingPoints(db, g), `outstanding ${label}`).toBe(await sumOutstandingPoints(db, g, { fromFacts: true }));
            expect(await withDashboardReads(db, (tx) => countBuyersAndActives(tx, g)), `buyers ${label}`).toEqual(await countBuyersAndActives(db, g, { fromFacts: true }));
            expect(await countCohorts(db, g), `cohorts ${label}`).toEqual(await countCohorts(db, g, { fromFacts: true }));
            expect(await countMembersPerTier(db, g), `tiers ${label}`).toEqual(await countMembersPerTier(db, g, { fromFacts: true }));
            expect(await countTierMoves(db, g), `tier moves ${label}`).toEqual(await countTierMoves(db, g, { fromFacts: true }));
          }
        }
        // A rebuild lands on the same rows, and leaves nothing to move. (One run in three: a rebuild holds the member
        // and account tables, and the suite's other files write them meanwhile.)
        if (commands.length % 3 !== 0) return;
        await rebuildKpiRollups(db, { programId });
        expect(await listMemberDimensionRows(db, programId)).toEqual(fresh);
        expect(await listMemberTotals(db, programId)).toEqual(freshTotals);
        expect(await refreshKpiRollups(db, { programId })).toEqual({ days: 0, rows: 0, moved: 0 });
      }),
      { numRuns: 15 },
    );
  }, 300_000);

  it("stays exact while members buy and change tier and segment during refreshes", async () => {
    // Writers commit between the refreshes' statements: only a refresh that claims and reads in one snapshot stays exact.
    const db = database.db;
    const { id: programId } = await makeProgram(database);
    const [segment] = await db.insert(segments).values({ programId, name: "S", definition: {} }).returning({ id: segments.id });
    const memberIds = await Promise.all(Array.from({ length: 4 }, async () => (await makeMember(database, programId)).id));
    const deadline = Date.now() + 3_000;
    let n = 0;
    const writer = async (memberId: string, k: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const at = new Date(Date.UTC(2026, 2, 1 + ((i * 7 + k) % 20), 17));
        await recordPurchase(db, system, { programId, memberId, orderId: `C-${n++}`, amountMinor: 1_000 + i, currency: "MXN", channel: "pos", occurredAt: at }, at);
        await db.execute(sql`update members set tier_key = ${TIERS[(i + k) % TIERS.length]} where program_id = ${programId} and id = ${memberId}`);
        if (i % 2) await db.insert(segmentMembers).values({ programId, segmentId: segment!.id, memberId }).onConflictDoNothing();
        else await db.delete(segmentMembers).where(and(eq(segmentMembers.programId, programId), eq(segmentMembers.memberId, memberId)));
      }
    };
    const refresher = async () => {
      while (Date.now() < deadline) await refreshKpiRollups(db, { programId });
    };
    await Promise.all([...memberIds.map(writer), refresher(), refresher()]);
    await refreshKpiRollups(db, { programId });
    expect(await listMemberDimensionRows(db, programId)).toEqual(await computeFreshMemberDimensionRows(db, programId));
    expect(await listMemberTotals(db, programId)).toEqual(await computeFreshMemberTotals(db, programId));
  }, 60_000);
});
