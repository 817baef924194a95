import { execFileSync } from "node:child_process";
import os from "node:os";
import { appBackendsCpu, cpuDelta, processGroupCpuMs } from "./cpu";
import { databaseName, memberPools, recreateDatabase, runCli, serverFacts, withDatabase } from "./database";
import { probe, runLoad, type LoadResult, type Scenario } from "./load";
import { readOptions } from "./options";
import { findPgbench, initPgbench, runTpcb } from "./pgbench";
import { markdownReport, writeReport, type BenchReport } from "./report";
import { assertBuilt, buildApp, startServer } from "./server";

/**
 * `npm run bench:api`: the integration API under load next to PostgreSQL's own
 * TPC-B on the same server, so the numbers say how much of the database's
 * capacity one API call costs. See README "Benchmarks".
 */
const PROGRAM = "bench";
const REDEEM_POINTS = 10;

async function main(): Promise<void> {
  const o = readOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadBefore = os.loadavg().map((n) => n.toFixed(1)).join(" ");
  const pgbench = await findPgbench();
  if (o.skipBuild) assertBuilt(o.appDir, o.distDir);
  else buildApp(o.appDir, o.distDir);

  let generated: Record<string, unknown> | undefined;
  if (!o.reuseData) {
    await recreateDatabase(o.databaseUrl);
    await runCli(o.databaseUrl, ["program", "create", "--slug", PROGRAM, "--name", "Benchmark", "--json"]);
    console.error(`bench: generating ${o.members} members and ${o.purchases} purchases …`);
    generated = JSON.parse(await runCli(o.databaseUrl, ["generate", "--program", PROGRAM, "--members", String(o.members), "--purchases", String(o.purchases), "--seed", String(o.seed), "--json"]));
  }
  const apiKey = (JSON.parse(await runCli(o.databaseUrl, ["api-key", "create", "--program", PROGRAM, "--name", `bench ${startedAt}`, "--json"])) as { key: string }).key;
  const tpcbUrl = withDatabase(o.databaseUrl, `${databaseName(o.databaseUrl)}_pgbench`);
  console.error(`bench: pgbench -i -s ${o.pgbenchScale} …`);
  await recreateDatabase(tpcbUrl);
  await initPgbench(pgbench, tpcbUrl, o.pgbenchScale);
  const pools = await memberPools(o.databaseUrl, PROGRAM, REDEEM_POINTS * 20);

  const server = await startServer(o.appDir, o.distDir, o.databaseUrl);
  const runId = `b${Date.now().toString(36)}`;
  const notes: string[] = [];
  const rows: BenchReport["rows"] = [];
  try {
    const earn = earnScenario(pools.all);
    const redeem = await pickRedeemScenario(server.url, apiKey, pools.rich, runId, notes);
    console.error("bench: warm-up …");
    for (const scenario of [earn, redeem]) await runLoad({ url: server.url, apiKey, clients: 8, seconds: 3, scenario, runId: `${runId}-warm-${scenario.name}` });
    for (const clients of o.clients) {
      const measured: Record<string, LoadResult> = {};
      for (const scenario of [earn, redeem]) {
        const before = { app: processGroupCpuMs(server.pgid), database: await appBackendsCpu(o.databaseUrl) };
        const result = await runLoad({ url: server.url, apiKey, clients, seconds: o.duration, scenario, runId: `${runId}-${scenario.name}-${clients}` });
        result.cpuPerRequestMs = {
          app: (processGroupCpuMs(server.pgid) - before.app) / result.ok,
          database: cpuDelta(before.database, await appBackendsCpu(o.databaseUrl)) / result.ok,
        };
        measured[scenario.name] = result;
        console.error(`bench: ${scenario.name} × ${clients}: ${measured[scenario.name]!.reqPerSec.toFixed(0)} req/s, p99 ${measured[scenario.name]!.latency.p99.toFixed(1)} ms, CPU/req app ${measured[scenario.name]!.cpuPerRequestMs!.app.toFixed(1)} ms db ${measured[scenario.name]!.cpuPerRequestMs!.database.toFixed(1)} ms, statuses ${JSON.stringify(measured[scenario.name]!.statuses)} ${measured[scenario.name]!.failureSamples.join(" | ")}`);
      }
      const tpcb = await runTpcb(pgbench, tpcbUrl, clients, o.duration);
      console.error(`bench: TPC-B × ${clients}: ${tpcb.tps.toFixed(0)} tps`);
      rows.push({ clients, earn: measured.earn!, redeem: measured.redeem!, tpcb });
    }
  } finally {
    await server.stop();
  }

  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: {
      commit: gitCommit(),
      machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average at start ${loadBefore}, at end ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`,
      postgres: await serverFacts(o.databaseUrl),
      data: generated ?? "reused from an earlier run (--reuse-data)",
      members: o.members,
      purchases: o.purchases,
      secondsPerRun: o.duration,
      earn: "POST /api/v1/purchases {memberId (random), orderId (unique), amount 50–3000 MXN, currency, channel pos}, unique Idempotency-Key",
      pgbench: `built-in TPC-B, -i -s ${o.pgbenchScale}, -c N -j N -T ${o.duration} -M prepared, same server`,
      server: `next start (production build of ${o.appDir === "." ? "this checkout" : o.appDir}), LAZO_JOBS=off, one Node process, postgres.js pool of 10`,
    },
    rows,
    notes,
  };
  const files = writeReport(report);
  console.log(markdownReport(report));
  console.error(`bench: wrote ${files.markdown} and ${files.json}`);
}

function earnScenario(members: string[]): Scenario {
  return {
    name: "earn",
    label: "POST /api/v1/purchases",
    members,
    path: () => "/api/v1/purchases",
    body: (memberId, requestId) => ({ memberId, orderId: requestId, amount: Math.round(5000 + Math.random() * 295_000) / 100, currency: "MXN", channel: "pos" }),
  };
}

/** POST /api/v1/redemptions when the build has it; otherwise a negative adjustment, the same ledger debit (FIFO over lots). */
async function pickRedeemScenario(url: string, apiKey: string, members: string[], runId: string, notes: string[]): Promise<Scenario> {
  if (!members.length) throw new Error("No member has points to redeem: generate purchases first.");
  const redemptions: Scenario = { name: "redeem", label: "POST /api/v1/redemptions", members, path: () => "/api/v1/redemptions", body: (memberId) => ({ memberId, points: REDEEM_POINTS }) };
  const first = await probe(url, apiKey, redemptions, `${runId}-probe`);
  if (first.status === 201) {
    notes.push(`redeem: POST /api/v1/redemptions {memberId, points: ${REDEEM_POINTS}}`);
    return redemptions;
  }
  notes.push(`redeem: POST /api/v1/redemptions answered ${first.status} (not in this build), so redeem was measured through POST /api/v1/members/{id}/adjustments {points: -${REDEEM_POINTS}} — the same locked, lot-drawing ledger debit`);
  const adjustments: Scenario = {
    name: "redeem",
    label: "POST /api/v1/members/{id}/adjustments",
    members,
    path: (memberId) => `/api/v1/members/${memberId}/adjustments`,
    body: () => ({ points: -REDEEM_POINTS, reason: "Benchmark redemption" }),
  };
  const second = await probe(url, apiKey, adjustments, `${runId}-probe-2`);
  if (second.status !== 201) throw new Error(`Redeem probe failed: ${second.status} ${second.body}`);
  return adjustments;
}

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim() ? " + uncommitted changes" : "";
    return head + dirty;
  } catch {
    return "unknown";
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
