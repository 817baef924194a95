import fs from "node:fs";
import path from "node:path";
import type { LoadResult } from "./load";
import type { TpcbResult } from "./pgbench";

export type BenchReport = {
  startedAt: string;
  finishedAt: string;
  setup: Record<string, unknown>;
  rows: { clients: number; earn: LoadResult; redeem: LoadResult; tpcb: TpcbResult }[];
  notes: string[];
};

/** The targets, checked at 32 clients. */
export const TARGET = { clients: 32, ratio: 0.5, p99Ms: 30 };

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const rate = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "–");
const cpu = (r: LoadResult) => (r.cpuPerRequestMs ? `${ms(r.cpuPerRequestMs.app)} / ${ms(r.cpuPerRequestMs.database)}` : "–");
const failures = (r: LoadResult) => Object.entries(r.statuses).filter(([s]) => !s.startsWith("2")).reduce((sum, [, n]) => sum + n, 0) + r.errors;

export function markdownReport(report: BenchReport): string {
  const lines = [
    `# Lazo API benchmark — ${report.startedAt}`,
    "",
    ...Object.entries(report.setup).map(([k, v]) => `- ${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`),
    "",
    "| clients | earn req/s | earn p50 / p95 / p99 ms | redeem req/s | redeem p50 / p95 / p99 ms | TPC-B tps | TPC-B p50 / p99 ms | earn / TPC-B | redeem / TPC-B | failed (earn / redeem) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.rows.map(({ clients, earn, redeem, tpcb }) =>
      `| ${clients} | ${rate(earn.reqPerSec)} | ${ms(earn.latency.p50)} / ${ms(earn.latency.p95)} / ${ms(earn.latency.p99)} | ${rate(redeem.reqPerSec)} | ${ms(redeem.latency.p50)} / ${ms(redeem.latency.p95)} / ${ms(redeem.latency.p99)} | ${rate(tpcb.tps)} | ${ms(tpcb.latency.p50)} / ${ms(tpcb.latency.p99)} | ${ratio(earn.reqPerSec, tpcb.tps)} | ${ratio(redeem.reqPerSec, tpcb.tps)} | ${failures(earn)} / ${failures(redeem)} |`,
    ),
    "",
    "CPU per request (ms, app server process + its PostgreSQL backends; on a shared machine this is the cost that does not depend on waiting for a core):",
    "",
    "| clients | earn app / db | redeem app / db |",
    "| ---: | ---: | ---: |",
    ...report.rows.map(({ clients, earn, redeem }) => `| ${clients} | ${cpu(earn)} | ${cpu(redeem)} |`),
    "",
    ...targetLines(report),
    ...(report.notes.length ? ["", ...report.notes.map((n) => `- ${n}`)] : []),
    "",
  ];
  return lines.join("\n");
}

function targetLines(report: BenchReport): string[] {
  const row = report.rows.find((r) => r.clients === TARGET.clients);
  if (!row) return [`Targets (at ${TARGET.clients} clients) not checked: that level was not run.`];
  return (["earn", "redeem"] as const).map((name) => {
    const r = row[name];
    const ratioOk = r.reqPerSec / row.tpcb.tps >= TARGET.ratio;
    const p99Ok = r.latency.p99 <= TARGET.p99Ms;
    return `Target at ${TARGET.clients} clients, ${name}: ratio ${ratio(r.reqPerSec, row.tpcb.tps)} (≥ ${TARGET.ratio}: ${ratioOk ? "met" : "MISSED"}), p99 ${ms(r.latency.p99)} ms (≤ ${TARGET.p99Ms}: ${p99Ok ? "met" : "MISSED"}).`;
  });
}

export function writeReport(report: BenchReport, dir = "bench/results"): { markdown: string; json: string } {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const markdown = path.join(dir, `api-${stamp}.md`);
  const json = path.join(dir, `api-${stamp}.json`);
  fs.writeFileSync(markdown, markdownReport(report));
  fs.writeFileSync(json, JSON.stringify(report, null, 2) + "\n");
  return { markdown, json };
}
