import { spawn } from "node:child_process";
import postgres from "postgres";

/** The maintenance connection of the same server (database `postgres`), for DROP/CREATE DATABASE. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Runs `npm run cli -- …` against the bench database; stderr (progress bars) goes to the terminal, stdout is returned. */
export function runCli(url: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "cli/index.ts", ...args], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`cli ${args.join(" ")} exited with ${code}`))));
  });
}

/** Member ids to pick from at random: every member for earning, members with points to spare for redeeming. */
export async function memberPools(url: string, programSlug: string, redeemFloor: number): Promise<{ all: string[]; rich: string[] }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [program] = await sql<{ id: string }[]>`select id from programs where slug = ${programSlug}`;
    if (!program) throw new Error(`No program ${programSlug} in ${databaseName(url)}.`);
    const all = await sql<{ id: string }[]>`select member_id as id from point_accounts where program_id = ${program.id} and member_id is not null`;
    const rich = await sql<{ id: string }[]>`select member_id as id from point_accounts where program_id = ${program.id} and member_id is not null and available >= ${redeemFloor}`;
    return { all: all.map((r) => r.id), rich: rich.map((r) => r.id) };
  } finally {
    await sql.end();
  }
}

export async function serverFacts(url: string): Promise<Record<string, string>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const facts: Record<string, string> = {};
    for (const setting of ["server_version", "shared_buffers", "max_connections", "synchronous_commit", "fsync"]) {
      const [row] = await sql.unsafe<{ v: string }[]>(`select current_setting('${setting}') as v`);
      facts[setting] = row!.v;
    }
    return facts;
  } finally {
    await sql.end();
  }
}
