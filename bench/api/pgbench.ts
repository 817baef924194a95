import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { percentiles, type Percentiles } from "./stats";

const run = promisify(execFile);

export type TpcbResult = { clients: number; tps: number; latency: Percentiles; transactions: number; failed: number };

/** Debian puts pgbench on PATH with postgresql-client; the server package keeps it under /usr/lib/postgresql/<v>/bin. */
export async function findPgbench(): Promise<string> {
  for (const candidate of ["pgbench", ...(await versionedBins())]) {
    try {
      await run(candidate, ["--version"]);
      return candidate;
    } catch {
      // next candidate
    }
  }
  throw new Error("pgbench not found: install postgresql-client (Debian) or put pgbench on PATH.");
}

async function versionedBins(): Promise<string[]> {
  try {
    const versions = await fs.readdir("/usr/lib/postgresql");
    return versions.sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`);
  } catch {
    return [];
  }
}

function connectionArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const args = ["-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username || "postgres")];
  return { args, env: { ...process.env, ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}) } };
}

export async function initPgbench(pgbench: string, url: string, scale: number): Promise<void> {
  const { args, env } = connectionArgs(url);
  await run(pgbench, ["-i", "-q", "-s", String(scale), ...args, decodeURIComponent(new URL(url).pathname.slice(1))], { env, maxBuffer: 16 * 1024 * 1024 });
}

/** Built-in TPC-B-like script, prepared statements, per-transaction log for the latency percentiles. */
export async function runTpcb(pgbench: string, url: string, clients: number, seconds: number): Promise<TpcbResult> {
  const { args, env } = connectionArgs(url);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lazo-pgbench-"));
  try {
    const prefix = path.join(dir, "tx");
    const { stdout } = await run(
      pgbench,
      ["-c", String(clients), "-j", String(clients), "-T", String(seconds), "-M", "prepared", "-n", "-l", "--log-prefix", prefix, ...args, decodeURIComponent(new URL(url).pathname.slice(1))],
      { env, maxBuffer: 16 * 1024 * 1024, timeout: (seconds + 120) * 1000 },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? /tps = ([\d.]+)/.exec(stdout)?.[1] ?? NaN);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? 0);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    // Log lines: client_id transaction_no time(µs) script_no time_epoch time_us …
    const latencies: number[] = [];
    for (const file of await fs.readdir(dir)) {
      for (const line of (await fs.readFile(path.join(dir, file), "utf8")).split("\n")) {
        const micros = Number(line.split(" ")[2]);
        if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
      }
    }
    return { clients, tps, latency: percentiles(latencies), transactions, failed };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
