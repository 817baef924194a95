import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { percentiles, type Percentiles } from "../api/stats";

export type { Percentiles };
export { percentiles };

/** The generator's seeded PRNG (mulberry32): the same seed picks the same members. */
export { seededRandom as seeded } from "@/lib/domain/generate/synthetic-data";

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

export type RatioRow = { operation: string; big: Percentiles; baseline: Percentiles; ratio: { p50: number; p95: number; p99: number } };

export function ratioRow(operation: string, big: number[], baseline: number[]): RatioRow {
  const b = percentiles(big);
  const s = percentiles(baseline);
  return { operation, big: b, baseline: s, ratio: { p50: b.p50 / s.p50, p95: b.p95 / s.p95, p99: b.p99 / s.p99 } };
}

/** The table printed at the end: absolute p50/p95/p99 at both sizes, and big ÷ baseline. */
export function printTable(rows: RatioRow[], labels: { big: string; baseline: string }, targetP95Ms: number): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "–");
  const r = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–");
  const header = ["operation", `${labels.big} p50`, "p95", "p99", `${labels.baseline} p50`, "p95", "p99", "ratio p50", "p95", "p99", `p95 ≤ ${targetP95Ms} ms`];
  const lines = rows.map((row) => [row.operation, f(row.big.p50), f(row.big.p95), f(row.big.p99), f(row.baseline.p50), f(row.baseline.p95), f(row.baseline.p99), r(row.ratio.p50), r(row.ratio.p95), r(row.ratio.p99), row.big.p95 <= targetP95Ms ? "ok" : "OVER"]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [fmt(header), `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...lines.map(fmt)].join("\n");
}

export function machineFacts(): { commit: string; machine: string; loadAverage: string } {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // not a checkout
  }
  return { commit, machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`, loadAverage: os.loadavg().map((n) => n.toFixed(1)).join(" ") };
}

/** bench/results/<name>-<timestamp>.json (gitignored). */
export function writeResult(name: string, report: unknown): string {
  const dir = path.resolve("bench/results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
