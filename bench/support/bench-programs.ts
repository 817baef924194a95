import postgres from "postgres";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { databaseName, runCli, withDatabase } from "../api/database";

/**
 * The two programs the desk and segment benches compare, in one database: a
 * big one (default 1M members, slug `bench-1m`) and a small baseline (1k
 * members, `bench-1k`). Each is generated once with
 * `npm run cli -- generate` and reused while it has the expected size; a
 * program of the wrong size is an error (drop the database or pick another
 * one), never silently regenerated.
 */
export type BenchProgramSpec = { slug: string; name: string; members: number; purchases: number; seed: number };
export type BenchProgram = BenchProgramSpec & { id: string; organizationId: string; ledgerEntries: number; generated: "reused" | { seconds: number; rowsPerSecond: number; summary: unknown } };

export function benchSpecs(o: { members: number; purchases: number; baselineMembers: number; seed: number }): { big: BenchProgramSpec; baseline: BenchProgramSpec } {
  const perMember = o.purchases / o.members;
  return {
    big: { slug: `bench-${short(o.members)}`, name: `Benchmark ${short(o.members)}`, members: o.members, purchases: o.purchases, seed: o.seed },
    baseline: { slug: `bench-${short(o.baselineMembers)}`, name: `Benchmark ${short(o.baselineMembers)}`, members: o.baselineMembers, purchases: Math.round(o.baselineMembers * perMember), seed: o.seed },
  };
}

const short = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : String(n));

export const DEFAULT_BENCH_URL = "postgres://postgres@127.0.0.1:5432/lazo_bench";

async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin<{ n: number }[]>`select count(*)::int as n from pg_database where datname = ${name}`;
    if (!found!.n) {
      console.error(`bench: creating database ${name}`);
      await admin.unsafe(`create database "${name}"`);
    }
  } finally {
    await admin.end();
  }
}

async function describe(url: string, slug: string): Promise<{ id: string; organizationId: string; members: number; purchases: number; ledgerEntries: number } | undefined> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [table] = await sql<{ n: number }[]>`select count(*)::int as n from pg_tables where tablename = 'programs'`;
    if (!table!.n) return undefined;
    const [program] = await sql<{ id: string; organization_id: string }[]>`select id, organization_id from programs where slug = ${slug}`;
    if (!program) return undefined;
    const [counts] = await sql<{ members: number; purchases: number; ledger: number }[]>`
      select (select count(*) from members where program_id = ${program.id})::int as members,
             (select count(*) from purchases where program_id = ${program.id})::int as purchases,
             (select count(*) from ledger_entries where program_id = ${program.id})::int as ledger`;
    return { id: program.id, organizationId: program.organization_id, members: counts!.members, purchases: counts!.purchases, ledgerEntries: counts!.ledger };
  } finally {
    await sql.end();
  }
}

/** Finds the program with the expected number of generated members, or creates and generates it (timed). */
export async function ensureBenchProgram(url: string, spec: BenchProgramSpec): Promise<BenchProgram> {
  await ensureDatabase(url);
  let found = await describe(url, spec.slug);
  // Earlier bench runs add purchases and redemptions, never members: the member count is the check.
  if (found && found.members === spec.members) {
    console.error(`bench: reusing ${spec.slug} in ${databaseName(url)}: ${found.members} members, ${found.purchases} purchases, ${found.ledgerEntries} ledger entries`);
    return { ...spec, id: found.id, organizationId: found.organizationId, ledgerEntries: found.ledgerEntries, generated: "reused" };
  }
  if (found && found.members > 0) throw new Error(`Program ${spec.slug} in ${databaseName(url)} has ${found.members} members, not ${spec.members}: drop the database (or pass --database-url) to regenerate.`);
  if (!found) await runCli(url, ["program", "create", "--slug", spec.slug, "--name", spec.name, "--json"]);
  console.error(`bench: generating ${spec.members} members and ${spec.purchases} purchases into ${spec.slug} …`);
  const summary = JSON.parse(await runCli(url, ["generate", "--program", spec.slug, "--members", String(spec.members), "--purchases", String(spec.purchases), "--seed", String(spec.seed), "--json"])) as { seconds: number; rowsPerSecond: number };
  console.error(`bench: generated ${spec.slug} in ${summary.seconds} s (${summary.rowsPerSecond} rows/s)`);
  found = (await describe(url, spec.slug))!;
  return { ...spec, id: found.id, organizationId: found.organizationId, ledgerEntries: found.ledgerEntries, generated: { seconds: summary.seconds, rowsPerSecond: summary.rowsPerSecond, summary } };
}

/**
 * The two programs a bench compares (the big one and its small baseline, made
 * when missing) and a connection to their database, migrated to this checkout
 * as the server does at start, so the bench sees this checkout's indexes.
 */
export async function openBenchPrograms(
  o: { databaseUrl: string; members: number; purchases: number; baselineMembers: number; seed: number },
  maxConnections: number,
): Promise<{ big: BenchProgram; baseline: BenchProgram; database: Database }> {
  const specs = benchSpecs(o);
  const big = await ensureBenchProgram(o.databaseUrl, specs.big);
  const baseline = await ensureBenchProgram(o.databaseUrl, specs.baseline);
  const database = await openDatabase({ url: o.databaseUrl, maxConnections });
  await migrateDatabase(database);
  return { big, baseline, database };
}

/** The parseArgs options of every bench comparing a big program with its baseline (sizes, seed, database). */
export const BENCH_PROGRAM_OPTIONS = {
  "database-url": { type: "string" },
  members: { type: "string", default: "1000000" },
  purchases: { type: "string", default: "5000000" },
  "baseline-members": { type: "string", default: "1000" },
  seed: { type: "string", default: "1" },
} as const;

/** Their lines of a bench's --help. */
export const BENCH_PROGRAM_HELP = `  --database-url URL     PostgreSQL (default $BENCH_DATABASE_URL or ${DEFAULT_BENCH_URL}); created if missing, programs reused when the size matches
  --members N            members of the big program (default 1000000)
  --purchases N          purchases generated over them (default 5000000)
  --baseline-members N   members of the baseline program (default 1000; purchases in the same proportion)
  --seed N               generator and sampling seed (default 1)`;

/** The sizes, seed and database of BENCH_PROGRAM_OPTIONS, read with a bench's whole-number reader. */
export function readBenchProgramOptions(
  values: { "database-url"?: string; members: string; purchases: string; "baseline-members": string; seed: string },
  int: (name: string, text: string, min: number) => number,
): { databaseUrl: string; members: number; purchases: number; baselineMembers: number; seed: number } {
  return {
    databaseUrl: values["database-url"] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL,
    members: int("members", values.members, 1),
    purchases: int("purchases", values.purchases, 0),
    baselineMembers: int("baseline-members", values["baseline-members"], 1),
    seed: int("seed", values.seed, 0),
  };
}
