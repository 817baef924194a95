/**
 * `npm run bench:portal`: the member portal's server-rendered home (/me) from a
 * production build, for members of a program of 1M members against members of
 * a 1k baseline program in the same database and run. Each request carries a
 * member session cookie minted with the server's AUTH_SECRET (what sign-in
 * sets), so the whole page runs: session check, balance, tier progress,
 * expiring points, latest activity, rewards. Measured per request: time to the
 * first byte of the body (TTFB) and to its end.
 *
 * Target (issue 6): report p95 TTFB at 1M members; the ratio to the baseline
 * says whether the program's size shows.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type { Executor } from "@/db/types";
import { assertBuilt, buildApp, startServer } from "../api/server";
import { BENCH_PROGRAM_HELP, BENCH_PROGRAM_OPTIONS, openBenchPrograms, readBenchProgramOptions, type BenchProgram } from "../support/bench-programs";
import { wholeNumberOptions } from "../support/options";
import { machineFacts, printTable, ratioRow, writeResult, type RatioRow } from "../support/timing";

const HELP = `npm run bench:portal -- [options]
${BENCH_PROGRAM_HELP}
  --requests N           measured requests per program (default 300)
  --warmup N             unmeasured requests first (default 20)
  --dist-dir DIR         next build folder (default .next-bench-portal)
  --app-dir DIR          build and start the app in DIR (default: this checkout)
  --skip-build           use the existing build in --dist-dir`;

/** Auth.js's session cookie over plain http (the bench talks to 127.0.0.1). */
const SESSION_COOKIE = "authjs.session-token";
const MEMBERS_PER_PROGRAM = 50;

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      ...BENCH_PROGRAM_OPTIONS,
      requests: { type: "string", default: "300" },
      warmup: { type: "string", default: "20" },
      "dist-dir": { type: "string", default: ".next-bench-portal" },
      "app-dir": { type: "string", default: "." },
      "skip-build": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const int = wholeNumberOptions(HELP, values.help);
  return {
    ...readBenchProgramOptions(values, int),
    requests: int("requests", values.requests, 1),
    warmup: int("warmup", values.warmup, 0),
    distDir: values["dist-dir"],
    appDir: values["app-dir"],
    skipBuild: values["skip-build"],
  };
}

type Visitor = { memberId: string; cookie: string };

/** Active members with purchases, each with a session cookie as the member-code sign-in would set it. */
async function visitors(db: Executor, program: BenchProgram, secret: string): Promise<Visitor[]> {
  const result = await db.execute(sql`
    select m.id, m.email from members m join point_accounts a on a.program_id = m.program_id and a.member_id = m.id
    where m.program_id = ${program.id} and m.status = 'active' and m.email is not null and a.lifetime_earned > 0
    order by m.id limit ${MEMBERS_PER_PROGRAM}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string; email: string }[];
  if (!rows.length) throw new Error(`No active member with points in ${program.slug}.`);
  return Promise.all(
    rows.map(async (m) => {
      const token = { sub: m.id, email: m.email, kind: "member", programId: program.id, sid: randomUUID() };
      const value = await encode({ token, secret, salt: SESSION_COOKIE, maxAge: 3600 });
      return { memberId: m.id, cookie: `${SESSION_COOKIE}=${value}; NEXT_LOCALE=es` };
    }),
  );
}

/** One GET of /me: milliseconds to the first body chunk and to the end; refuses anything but the member's own home. */
async function visit(url: string, visitor: Visitor): Promise<{ ttfb: number; total: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/me`, { headers: { cookie: visitor.cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`/me answered ${response.status} (${response.headers.get("location") ?? "no redirect"}) for member ${visitor.memberId}.`);
  const reader = response.body!.getReader();
  let ttfb = 0;
  let html = "";
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (!ttfb) ttfb = performance.now() - started;
    if (done) break;
    html += decoder.decode(value, { stream: true });
  }
  if (!html.includes('data-testid="member-summary"')) throw new Error(`/me for member ${visitor.memberId} rendered no summary.`);
  return { ttfb, total: performance.now() - started };
}

async function main(): Promise<void> {
  const o = options();
  const startedAt = new Date().toISOString();
  const facts = machineFacts();
  const secret = process.env.AUTH_SECRET ?? randomBytes(24).toString("hex");
  process.env.AUTH_SECRET = secret;
  const { big, baseline, database } = await openBenchPrograms(o, 4);
  let people: { big: Visitor[]; baseline: Visitor[] };
  try {
    people = { big: await visitors(database.db, big, secret), baseline: await visitors(database.db, baseline, secret) };
  } finally {
    await database.close();
  }
  if (o.skipBuild) assertBuilt(o.appDir, o.distDir);
  else buildApp(o.appDir, o.distDir);
  const server = await startServer(o.appDir, o.distDir, o.databaseUrl);
  const samples = { big: { ttfb: [] as number[], total: [] as number[] }, baseline: { ttfb: [] as number[], total: [] as number[] } };
  try {
    // Alternate the programs request by request so both see the same machine.
    for (let i = 0; i < o.warmup + o.requests; i++) {
      for (const which of ["big", "baseline"] as const) {
        const visitor = people[which][i % people[which].length]!;
        const took = await visit(server.url, visitor);
        if (i < o.warmup) continue;
        samples[which].ttfb.push(took.ttfb);
        samples[which].total.push(took.total);
      }
    }
  } finally {
    await server.stop();
  }

  const rows: RatioRow[] = [ratioRow("GET /me TTFB", samples.big.ttfb, samples.baseline.ttfb), ratioRow("GET /me whole page", samples.big.total, samples.baseline.total)];
  const table = printTable(rows, { big: big.slug.replace(/^bench-/, ""), baseline: baseline.slug.replace(/^bench-/, "") }, 200);
  console.log(`\nPortal home, ms per request (${o.requests} requests each after ${o.warmup} warm-up, ${MEMBERS_PER_PROGRAM} members per program, programs alternated), ${big.slug} ${big.members} members / ${big.ledgerEntries} ledger entries vs ${baseline.slug} ${baseline.members} members:\n`);
  console.log(table);
  const file = writeResult("portal", {
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: { ...facts, loadAverageAtEnd: machineFacts().loadAverage, database: o.databaseUrl.replace(/\/\/[^@]*@/, "//"), requests: o.requests, warmup: o.warmup },
    programs: { big, baseline },
    rows,
    table,
  });
  console.log(`\nWritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
