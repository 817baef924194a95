/**
 * `npm run bench:segments`: the segment builder's live count (countSegment,
 * the query behind previewSegment's number) and the whole preview (count and
 * sample, what the console action returns) for representative definitions on
 * a program of 1M members, against a 1k baseline program in the same database
 * and run.
 *
 * Target (issue 8): a count over 1M members in ≤ 1 s.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { wholeNumberOptions } from "../support/options";
import { countSegment } from "@/db/queries/segments";
import { getProgramById } from "@/db/queries/programs";
import type { Actor } from "@/lib/auth/actor";
import type { SegmentDefinition } from "@/lib/domain/segments/definition";
import { previewSegment } from "@/lib/services/segments/preview-segment";
import { BENCH_PROGRAM_HELP, BENCH_PROGRAM_OPTIONS, openBenchPrograms, readBenchProgramOptions, type BenchProgram } from "../support/bench-programs";
import { machineFacts, printTable, ratioRow, timed, writeResult, type RatioRow } from "../support/timing";

const HELP = `npm run bench:segments -- [options]
${BENCH_PROGRAM_HELP}
  --iterations N         measured counts per definition and program (default 10)
  --no-preview           time only the count, not the whole preview (count + sample)`;

const TARGET_MS = 1000;

/** Representative definitions: behaviour (RFM, balance, tier), profile (birthday, consent) and an AND/OR mix. */
const DEFINITIONS: Record<string, SegmentDefinition> = {
  "recency: bought ≤ 30 d": { type: "group", match: "all", items: [{ type: "lastPurchase", op: "lte", days: 30 }] },
  "lapsed: no purchase 90 d": { type: "group", match: "all", items: [{ type: "lastPurchase", op: "gte", days: 90 }] },
  "frequency: ≥ 5 in 365 d": { type: "group", match: "all", items: [{ type: "purchaseCount", op: "gte", count: 5, days: 365 }] },
  "monetary: ≥ $2,000 in 365 d": { type: "group", match: "all", items: [{ type: "spend", op: "gte", amountMinor: 200_000, days: 365 }] },
  "points ≥ 1,000": { type: "group", match: "all", items: [{ type: "pointsBalance", op: "gte", points: 1000 }] },
  "tier gold": { type: "group", match: "all", items: [{ type: "tier", tiers: ["gold"] }] },
  "birthday in December": { type: "group", match: "all", items: [{ type: "birthdayMonth", months: [12] }] },
  "marketing consent": { type: "group", match: "all", items: [{ type: "consent", consent: "marketing", value: true }] },
  "mix: consent ∧ (gold ∨ spend 90 d) ∧ bought 90 d": {
    type: "group",
    match: "all",
    items: [
      { type: "consent", consent: "marketing", value: true },
      { type: "group", match: "any", items: [{ type: "tier", tiers: ["gold"] }, { type: "spend", op: "gte", amountMinor: 100_000, days: 90 }] },
      { type: "lastPurchase", op: "lte", days: 90 },
    ],
  },
};

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      ...BENCH_PROGRAM_OPTIONS,
      iterations: { type: "string", default: "10" },
      "no-preview": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const int = wholeNumberOptions(HELP, values.help);
  return {
    ...readBenchProgramOptions(values, int),
    iterations: int("iterations", values.iterations, 1),
    preview: !values["no-preview"],
  };
}

const analyst = (p: BenchProgram): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `bench-marketer-${p.slug}@example.com`,
  grants: [{ organizationId: p.organizationId, programId: p.id, role: "marketer", storeIds: [], extraPermissions: [] }],
});

async function main(): Promise<void> {
  const o = options();
  const startedAt = new Date().toISOString();
  const facts = machineFacts();
  const { big, baseline, database } = await openBenchPrograms(o, 4);
  const rows: RatioRow[] = [];
  const counts: Record<string, { big: number; baseline: number }> = {};
  try {
    const db = database.db;
    const now = new Date();
    const scope = async (p: BenchProgram) => ({ programId: p.id, now, timeZone: (await getProgramById(db, p.id))!.timeZone });
    const scopes = { big: await scope(big), baseline: await scope(baseline) };
    const actors = { big: analyst(big), baseline: analyst(baseline) };
    for (const [name, definition] of Object.entries(DEFINITIONS)) {
      const kinds = o.preview ? (["count", "preview"] as const) : (["count"] as const);
      for (const kind of kinds) {
        const ms = { big: [] as number[], baseline: [] as number[] };
        const n = { big: 0, baseline: 0 };
        // One unmeasured call first (plans, caches), then the programs alternate call by call.
        for (let i = -1; i < o.iterations; i++) {
          for (const which of ["big", "baseline"] as const) {
            const call = () =>
              kind === "count"
                ? countSegment(db, { ...scopes[which], definition })
                : previewSegment(db, actors[which], { programId: scopes[which].programId, definition }, now).then((r) => r.count);
            const { ms: took, value } = await timed(call);
            n[which] = value;
            if (i >= 0) ms[which].push(took);
          }
        }
        const row = ratioRow(`${kind}: ${name}`, ms.big, ms.baseline);
        rows.push(row);
        counts[name] = n;
        console.error(`bench: ${row.operation}: ${n.big} of ${big.members} (${n.baseline} of ${baseline.members}); ${big.slug} p50 ${row.big.p50.toFixed(0)} p95 ${row.big.p95.toFixed(0)} ms, ${baseline.slug} p50 ${row.baseline.p50.toFixed(1)} ms`);
      }
    }
  } finally {
    await database.close();
  }

  const table = printTable(rows, { big: big.slug.replace(/^bench-/, ""), baseline: baseline.slug.replace(/^bench-/, "") }, TARGET_MS);
  console.log(`\nSegment live count and preview, ms per call (${o.iterations} calls each after one warm-up, programs alternated), ${big.slug} ${big.members} members vs ${baseline.slug} ${baseline.members}:\n`);
  console.log(table);
  console.log(`\nMembers selected (big / baseline):`);
  for (const [name, n] of Object.entries(counts)) console.log(`  ${name}: ${n.big} / ${n.baseline}`);
  const over = rows.filter((r) => r.operation.startsWith("count:") && r.big.p95 > TARGET_MS).map((r) => r.operation);
  console.log(over.length ? `\nCounts over ${TARGET_MS} ms p95: ${over.join(", ")}` : `\nEvery count is within p95 ≤ ${TARGET_MS} ms at ${big.members} members.`);
  const file = writeResult("segments", {
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: { ...facts, loadAverageAtEnd: machineFacts().loadAverage, database: o.databaseUrl.replace(/\/\/[^@]*@/, "//"), iterations: o.iterations },
    programs: { big, baseline },
    targetMs: TARGET_MS,
    definitions: DEFINITIONS,
    counts,
    rows,
    table,
  });
  console.log(`\nWritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
