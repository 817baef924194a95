import fs from "node:fs";
import postgres from "postgres";

/** Linux clock ticks per second for /proc/<pid>/stat times (CLK_TCK; 100 on every mainstream kernel build). */
const TICKS_PER_SECOND = 100;

type Stat = { pid: number; pgrp: number; cpuMs: number };

function readStat(pid: number): Stat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(rest[11]) + Number(rest[12]);
    return { pid, pgrp: Number(rest[2]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) used so far by every process of a process group: the app server and its children. */
export function processGroupCpuMs(pgid: number): number {
  if (!fs.existsSync("/proc/self/stat")) return NaN;
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.pgrp === pgid) total += stat.cpuMs;
  }
  return total;
}

/**
 * CPU time used so far by the PostgreSQL backends serving the app (its pool
 * keeps them open for the whole run); only meaningful when the database runs
 * on this machine.
 */
export async function appBackendsCpu(url: string, applicationName = "lazo"): Promise<Map<number, number>> {
  const byPid = new Map<number, number>();
  if (!["127.0.0.1", "localhost", "::1"].includes(new URL(url).hostname)) return byPid;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${applicationName}`;
    for (const r of rows) byPid.set(r.pid, readStat(r.pid)?.cpuMs ?? 0);
    return byPid;
  } finally {
    await sql.end();
  }
}

/** CPU used between two snapshots; a backend opened in between counts from zero. */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  if (!after.size) return NaN;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
