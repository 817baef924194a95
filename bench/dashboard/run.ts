/**
 * `npm run bench:dashboard`: the console's KPI dashboard (getKpiDashboard, what
 * the Analytics page renders) and each of its queries, for a big program
 * (default 1M members and 20M purchases, so 20M earn entries in the ledger)
 * against a 1k-member baseline in the same database and run, with the default
 * range (twelve months) and with a store, a channel, a tier and a segment filter
 * (a saved segment of frequent buyers, made on the first run: its members'
 * histories move into the segment's rollup at the first refresh, timed). The
 * first run also makes every member's predictions (the daily job's work,
 * timed), so the CLV distribution counts a million members too.
 *
 * Target (issue 9): dashboard queries ≤ 300 ms p95 at 1M members / 20M ledger entries.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { parseArgs } from "node:util";
import { wholeNumberOptions } from "../support/options";
import {
  binClv,
  countBuyersAndActives,
  countCohorts,
  countMembers,
  countMembersPerTier,
  countTierMoves,
  listCampaignsInRange,
  listTopRewards,
  sumDaily,
  sumOutstandingPoints,
  type KpiQueryFilter,
  withDashboardReads,
} from "@/db/queries/kpi-dashboard";
import { listStores } from "@/db/queries/overview";
import { listSegments } from "@/db/queries/segments";
import { getProgramById } from "@/db/queries/programs";
import { selectRows } from "@/db/rows";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import type { SegmentDefinition } from "@/lib/domain/segments/definition";
import { getKpiDashboard } from "@/lib/services/kpis/get-kpi-dashboard";
import { refreshKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";
import { refreshProgramPredictions } from "@/lib/services/analytics/refresh-predictions";
import { createSegment } from "@/lib/services/segments/manage-segments";
import type { KpiFiltersInput } from "@/lib/validation/kpi-dashboard";
import { BENCH_PROGRAM_HELP, BENCH_PROGRAM_OPTIONS, openBenchPrograms, readBenchProgramOptions, type BenchProgram } from "../support/bench-programs";
import { machineFacts, printTable, ratioRow, timed, writeResult, type RatioRow } from "../support/timing";

const HELP = `npm run bench:dashboard -- [options]
${BENCH_PROGRAM_HELP.replace("(default 5000000)", "(default 20000000 here)")}
  --iterations N         measured calls per operation and program (default 20)`;

const TARGET_MS = 300;

/** The dashboard's queries by name, as getKpiDashboard runs them once its filters are resolved. */
const QUERIES: Record<string, (db: Executor, f: KpiQueryFilter) => Promise<unknown>> = {
  "daily totals (rollup)": sumDaily,
  members: countMembers,
  "buyers and actives": countBuyersAndActives,
  "outstanding points": sumOutstandingPoints,
  cohorts: countCohorts,
  "members per tier": countMembersPerTier,
  "tier migration": countTierMoves,
  campaigns: listCampaignsInRange,
  "top rewards": listTopRewards,
  "CLV bins": binClv,
};

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      ...BENCH_PROGRAM_OPTIONS,
      purchases: { type: "string", default: "20000000" },
      iterations: { type: "string", default: "20" },
      help: { type: "boolean", default: false },
    },
  });
  const int = wholeNumberOptions(HELP, values.help);
  return { ...readBenchProgramOptions(values, int), iterations: int("iterations", values.iterations, 1) };
}

const staffOf = (p: BenchProgram, role: "analyst" | "marketer"): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `bench-${role}-${p.slug}@example.com`,
  grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }],
});
const analyst = (p: BenchProgram) => staffOf(p, "analyst");

/** The segment filter's segment: frequent buyers (five purchases or more in a year; about two thirds of the generated members). */
const SEGMENT: { name: string; definition: SegmentDefinition } = {
  name: "Bench: 5+ purchases in 365 days",
  definition: { type: "group", match: "all", items: [{ type: "purchaseCount", op: "gte", count: 5, days: 365 }] },
};

type Variant = { name: string; filters: (p: BenchProgram) => Promise<KpiFiltersInput> };

async function main(): Promise<void> {
  const o = options();
  const startedAt = new Date().toISOString();
  const facts = machineFacts();
  const { big, baseline, database } = await openBenchPrograms(o, 4);
  const rows: RatioRow[] = [];
  try {
    const db = database.db;
    const firstStore = async (p: BenchProgram) => (await listStores(db, p.id))[0]?.id;
    const benchSegment = async (p: BenchProgram) => {
      const found = (await listSegments(db, { programId: p.id })).find((s) => s.name === SEGMENT.name);
      if (found) return found.id;
      const made = await timed(() => createSegment(db, staffOf(p, "marketer"), { programId: p.id, ...SEGMENT }));
      const moved = await timed(() => refreshKpiRollups(db, { programId: p.id }));
      console.error(`bench: made segment "${SEGMENT.name}" in ${p.slug}: ${made.value.memberCount} members in ${(made.ms / 1000).toFixed(1)} s; their histories moved in ${(moved.ms / 1000).toFixed(1)} s`);
      return made.value.id;
    };
    const variants: Variant[] = [
      { name: "12 months", filters: async () => ({}) },
      { name: "store", filters: async (p) => ({ store: await firstStore(p) }) },
      { name: "channel pos", filters: async () => ({ channel: "pos" }) },
      { name: "tier gold", filters: async () => ({ tier: "gold" }) },
      { name: "segment", filters: async (p) => ({ segment: await benchSegment(p) }) },
    ];
    const programs = { big, baseline };
    const actors = { big: analyst(big), baseline: analyst(baseline) };

    // Predictions for the CLV distribution, as the daily job makes them (it refreshes the rollups after): once per database, timed.
    for (const which of ["big", "baseline"] as const) {
      const p = programs[which];
      const [stored] = await selectRows<{ any: boolean }>(db, sql`select exists (select 1 from member_predictions where program_id = ${p.id}) as any`);
      if (stored?.any) continue;
      const { value, ms } = await timed(() => refreshProgramPredictions(db, { programId: p.id, now: new Date() }));
      console.error(`bench: predictions for ${p.slug}: ${value.members} members in ${(ms / 1000).toFixed(1)} s (fit ${(value.durationMs / 1000).toFixed(1)} s)`);
    }

    // The first call brings the rollup up to date (the generator's COPY marks every day): unmeasured.
    for (const which of ["big", "baseline"] as const) {
      const { ms } = await timed(() => getKpiDashboard(db, actors[which], { programId: programs[which].id, filters: {} }));
      console.error(`bench: first dashboard of ${programs[which].slug} (rollup refresh) ${(ms / 1000).toFixed(1)} s`);
    }

    for (const variant of variants) {
      const filters = { big: await variant.filters(big), baseline: await variant.filters(baseline) };
      // A program generated before the generator made stores has none: its "store" variant would be the unfiltered one.
      if (Object.values(filters.big).some((v) => v === undefined) || Object.values(filters.baseline).some((v) => v === undefined)) {
        console.error(`bench: skipping "${variant.name}": a program has nothing to filter by`);
        continue;
      }
      const dashboards = {
        big: await getKpiDashboard(db, actors.big, { programId: big.id, filters: filters.big }),
        baseline: await getKpiDashboard(db, actors.baseline, { programId: baseline.id, filters: filters.baseline }),
      };
      const resolved = async (which: "big" | "baseline"): Promise<KpiQueryFilter> => {
        const d = dashboards[which];
        const program = (await getProgramById(db, programs[which].id))!;
        return { programId: program.id, timeZone: program.timeZone, from: d.filters.from, to: d.filters.to, storeId: d.filters.store, channel: d.filters.channel, segmentId: d.filters.segment, tierKey: d.filters.tier };
      };
      const f = { big: await resolved("big"), baseline: await resolved("baseline") };
      const operations: Record<string, (which: "big" | "baseline") => Promise<unknown>> = {
        "whole dashboard": (which) => getKpiDashboard(db, actors[which], { programId: programs[which].id, filters: filters[which] }),
        ...Object.fromEntries(Object.entries(QUERIES).map(([name, query]) => [name, (which: "big" | "baseline") => withDashboardReads(db, (tx) => query(tx, f[which]))])),
      };
      for (const [name, call] of Object.entries(operations)) {
        const ms = { big: [] as number[], baseline: [] as number[] };
        // One unmeasured call first, then the programs alternate call by call.
        for (let i = -1; i < o.iterations; i++) {
          for (const which of ["big", "baseline"] as const) {
            const { ms: took } = await timed(() => call(which));
            if (i >= 0) ms[which].push(took);
          }
        }
        const row = ratioRow(`${variant.name}: ${name}`, ms.big, ms.baseline);
        rows.push(row);
        console.error(`bench: ${row.operation}: ${big.slug} p50 ${row.big.p50.toFixed(0)} p95 ${row.big.p95.toFixed(0)} ms, ${baseline.slug} p50 ${row.baseline.p50.toFixed(1)} ms`);
      }
    }
  } finally {
    await database.close();
  }

  const table = printTable(rows, { big: big.slug.replace(/^bench-/, ""), baseline: baseline.slug.replace(/^bench-/, "") }, TARGET_MS);
  console.log(`\nKPI dashboard, ms per call (${o.iterations} calls each after one warm-up, programs alternated), ${big.slug} ${big.members} members / ${big.ledgerEntries} ledger entries vs ${baseline.slug} ${baseline.members}:\n`);
  console.log(table);
  const over = rows.filter((r) => r.big.p95 > TARGET_MS).map((r) => r.operation);
  console.log(over.length ? `\nOver ${TARGET_MS} ms p95: ${over.join(", ")}` : `\nEvery dashboard query is within p95 ≤ ${TARGET_MS} ms at ${big.members} members.`);
  const file = writeResult("dashboard", {
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: { ...facts, loadAverageAtEnd: machineFacts().loadAverage, database: o.databaseUrl.replace(/\/\/[^@]*@/, "//"), iterations: o.iterations },
    programs: { big, baseline },
    targetMs: TARGET_MS,
    rows,
    table,
  });
  console.log(`\nWritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
