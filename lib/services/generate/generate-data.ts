import type { Database } from "@/db/client";
import { analyzeLoadedTables, inBulkTransaction, reserveLedgerEntryIds, type BulkWriter } from "@/db/queries/bulk-copy";
import { memberIdsByExternalId } from "@/db/queries/bulk-import";
import { getFirstPublishedPlanVersion, getLivePlanVersion } from "@/db/queries/plans";
import { insertStores, listStoreIds } from "@/db/queries/stores";
import type { Executor } from "@/db/types";
import { emptyMemberRows, GENERATED_COLUMNS, generationContext, synthesizeMember, type GeneratedTable, type MemberRows } from "@/lib/domain/generate/member-rows";
import { hash32, purchasesPerMember, seededRandom } from "@/lib/domain/generate/synthetic-data";
import { currencyDigits } from "@/lib/domain/money";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { generateDataSchema, type GenerateDataInput } from "@/lib/validation/generate";
import { foldAppendedCounts } from "@/lib/services/kpis/refresh-kpi-rollups";
import { requireProgramBySlug } from "@/lib/services/programs/find-program";

export type GenerateProgress = (phase: "purchases" | "analyze", done: number, total: number) => void;

export type GenerateDataResult = {
  program: { id: string; slug: string };
  seed: number;
  members: number;
  purchases: number;
  ledgerEntries: number;
  lots: number;
  pointsCredited: number;
  tiers: Record<string, number>;
  rows: number;
  /** Milliseconds spent in COPY per table (the rest is generating rows, reserving ids, ANALYZE). */
  copyMs: Record<string, number>;
  seconds: number;
  rowsPerSecond: number;
};

/** Rows per COPY statement: big enough to amortize a round trip, small enough to keep memory flat. */
const FLUSH_ROWS = 40_000;
/** Tables in the order each chunk is written (no foreign keys between them, but readers see members first). */
const TABLES: GeneratedTable[] = ["members", "point_accounts", "member_tier_history", "purchases", "ledger_entries", "point_lots"];

/**
 * Fills a program with synthetic members, purchases and their ledger state
 * (earn entries, lots, cached balances, tiers; counter purchases in the
 * program's stores, eight made when it has none) at COPY speed, in one
 * transaction, deterministic for a seed and a `now`. `ledger verify` holds
 * afterwards because balances are summed from the same lots that are written.
 */
export async function generateData(database: Database, input: GenerateDataInput & { now?: Date; onProgress?: GenerateProgress }): Promise<GenerateDataResult> {
  const data = parseInput(generateDataSchema, input);
  const started = performance.now();
  const now = input.now ?? new Date();
  const progress = input.onProgress ?? (() => {});
  const program = await requireProgramBySlug(database.db, data.programSlug);
  const version = (await getLivePlanVersion(database.db, { programId: program.id, at: now })) ?? (await getFirstPublishedPlanVersion(database.db, program.id));
  if (!version) throw new NotFoundError("published plan", program.slug);
  if ((await memberIdsByExternalId(database.db, program.id, [`gen-${data.seed}-0`])).size) {
    throw new ConflictError("already_generated", `Program ${program.slug} already has members generated with seed ${data.seed}; pass another --seed.`);
  }

  const ctx = generationContext({
    programId: program.id,
    currency: program.currency,
    timeZone: program.timeZone,
    minorPerUnit: 10 ** currencyDigits(program.currency),
    planVersionId: version.id,
    plan: version.definition as PlanDefinition,
    storeIds: await ensureStores(database.db, program.id),
    seed: data.seed,
    now: now.getTime(),
    firstEntryId: await reserveLedgerEntryIds(database, data.purchases),
  });
  const random = seededRandom(hash32(`lazo-generate:${data.seed}`));
  const counts = purchasesPerMember(data.members, data.purchases, random);
  const totals = { points: 0, entries: 0, tiers: {} as Record<string, number>, copyMs: {} as Record<string, number> };

  await inBulkTransaction(database, async (writer) => {
    let rows = emptyMemberRows();
    let purchase = 0;
    for (let index = 0; index < data.members; index++) {
      synthesizeMember(ctx, index, counts[index]!, purchase, random, rows);
      purchase += counts[index]!;
      if (rows.tier) totals.tiers[rows.tier] = (totals.tiers[rows.tier] ?? 0) + 1;
      if (rows.purchases.length + rows.members.length >= FLUSH_ROWS || index === data.members - 1) {
        totals.entries += rows.ledger_entries.length;
        totals.points += rows.points;
        await flush(writer, rows, totals.copyMs);
        rows = emptyMemberRows();
        progress("purchases", purchase, data.purchases);
      }
    }
  });
  // Each COPY appended its changes to the cohort heatmap's counts and the program totals (triggers): folded to one row per cell.
  await foldAppendedCounts(database.db, { programId: program.id });
  progress("analyze", 0, 1);
  await analyzeLoadedTables(database);
  progress("analyze", 1, 1);

  const seconds = (performance.now() - started) / 1000;
  const written = data.members * 2 + Object.values(totals.tiers).reduce((a, b) => a + b, 0) + data.purchases + totals.entries * 2;
  return {
    program: { id: program.id, slug: program.slug },
    seed: data.seed,
    members: data.members,
    purchases: data.purchases,
    ledgerEntries: totals.entries,
    lots: totals.entries,
    pointsCredited: totals.points,
    tiers: totals.tiers,
    rows: written,
    copyMs: totals.copyMs,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(written / seconds),
  };
}

async function flush(writer: BulkWriter, rows: MemberRows, copyMs: Record<string, number>): Promise<void> {
  for (const table of TABLES) {
    const started = performance.now();
    await writer.copy(table, GENERATED_COLUMNS[table], rows[table].join(""));
    copyMs[table] = Math.round((copyMs[table] ?? 0) + performance.now() - started);
  }
}

/** Generated stores of a program without any (GEN-01 … GEN-08), so store filters and the counter have something to read. */
const GENERATED_STORES = 8;

/** The program's stores, ordered by id (the same assignment for the same stores); made first when it has none. */
async function ensureStores(db: Executor, programId: string): Promise<string[]> {
  const existing = await listStoreIds(db, programId);
  if (existing.length) return existing.sort();
  const made = await insertStores(db, Array.from({ length: GENERATED_STORES }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return { programId, code: `GEN-${n}`, name: `Tienda ${n}`, sortOrder: i + 1 };
  }));
  return made.map((s) => s.id).sort();
}
