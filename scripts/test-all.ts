/**
 * `npm test`: every check Lazo has, in order, with one summary line at the end
 * (`N passed, N failed`) summed over all runners, and a non-zero exit on any failure.
 * Lint, typecheck, the missing-migration check and `next build` count as one check each.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const results: { step: string; passed: number; failed: number; skipped: number; seconds: number }[] = [];
const only = process.argv.slice(2);
/** Names of failed tests, printed again next to the summary so a CI log's tail says what broke. */
const failures: string[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

/**
 * Starts a command in the background with its output going to a file (not a
 * pipe, which would fill while a synchronous step blocks the event loop);
 * `finish` waits for it, prints the output and gives the exit code.
 */
function runInBackground(command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): { finish: () => Promise<number> } {
  const log = fs.openSync(logFile, "w");
  const child = spawn(command, args, { stdio: ["ignore", log, log], env });
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  return {
    async finish() {
      const code = await exited;
      fs.closeSync(log);
      process.stdout.write(fs.readFileSync(logFile, "utf8"));
      return code;
    },
  };
}

function step(name: string, body: () => Tally) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const counts = body();
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  tally.skipped += counts.skipped;
  results.push({ step: name, ...counts, seconds: Math.round((Date.now() - started) / 100) / 10 });
  console.log(`━━ ${name}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`);
}

const check = (code: number): Tally => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });

function vitest(project: string, env: NodeJS.ProcessEnv = process.env): Tally {
  const out = `test-results/vitest-${project}.json`;
  fs.rmSync(out, { force: true });
  const code = run("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  if (!fs.existsSync(out)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(fs.readFileSync(out, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
  };
  for (const file of report.testResults) {
    const where = path.relative(process.cwd(), file.name);
    const failedTests = file.assertionResults.filter((a) => a.status === "failed");
    for (const test of failedTests) failures.push(`${project}: ${where} › ${test.fullName}\n    ${firstLine(test.failureMessages[0])}`);
    if (file.status === "failed" && !failedTests.length) failures.push(`${project}: ${where}\n    ${firstLine(file.message)}`);
  }
  const failedSuites = report.testResults.filter((r) => r.status === "failed").length;
  const failed = report.numFailedTests || (code !== 0 ? Math.max(1, failedSuites) : 0);
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
}

const firstLine = (text: string | undefined) => (text ?? "").split("\n").find((line) => line.trim())?.slice(0, 300) ?? "";

type PlaywrightSuite = { title: string; file?: string; suites?: PlaywrightSuite[]; specs?: { title: string; ok: boolean; tests: { results: { error?: { message?: string } }[] }[] }[] };

function collectPlaywrightFailures(suite: PlaywrightSuite, trail: string[]) {
  const here = suite.title ? [...trail, suite.title] : trail;
  for (const spec of suite.specs ?? []) {
    if (spec.ok) continue;
    const error = spec.tests.flatMap((t) => t.results).find((r) => r.error)?.error?.message;
    failures.push(`e2e: ${[...here, spec.title].join(" › ")}\n    ${firstLine(error?.replace(/\u001b\[[0-9;]*m/g, ""))}`);
  }
  for (const child of suite.suites ?? []) collectPlaywrightFailures(child, here);
}

function playwright(env: NodeJS.ProcessEnv): Tally {
  const out = "test-results/e2e.json";
  fs.rmSync(out, { force: true });
  const code = run("npx", ["playwright", "test"], env);
  if (!fs.existsSync(out)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(fs.readFileSync(out, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites?: PlaywrightSuite[] };
  for (const suite of report.suites ?? []) collectPlaywrightFailures(suite, []);
  const stats = report.stats;
  const failed = stats.unexpected + stats.flaky || (code !== 0 ? 1 : 0);
  return { passed: stats.expected, failed, skipped: stats.skipped };
}

/**
 * drizzle-kit generate against a scratch copy of the migrations must answer
 * "No schema changes": anything else is a schema change without a migration.
 * (drizzle-kit wants a relative output folder, hence test-results/.)
 */
function migrationsUpToDate(): Tally {
  const scratch = "test-results/migrations-check";
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.cpSync("db/migrations", scratch, { recursive: true });
  const config = path.join(scratch, "drizzle.config.json");
  fs.writeFileSync(config, JSON.stringify({ dialect: "postgresql", schema: "./db/schema/index.ts", out: `./${scratch}`, casing: "snake_case" }));
  const result = spawnSync("npx", ["drizzle-kit", "generate", "--config", config], { encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  const upToDate = result.status === 0 && output.includes("No schema changes");
  if (!upToDate) console.error(`${output}\ndb/schema has changes without a migration: run \`npm run db:generate\` and commit the result.`);
  else console.log("No schema changes without a migration.");
  return check(upToDate ? 0 : 1);
}

/** The e2e server gets its own fresh database, so it never sees the database tests' programs. */
async function e2eDatabaseUrl(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const target = new URL(url);
  const name = `${target.pathname.slice(1)}_e2e`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}"`);
  await admin.unsafe(`create database "${name}"`);
  // Throwaway data: the server's commits need not wait for the disk (durability only matters after a crash).
  await admin.unsafe(`alter database "${name}" set synchronous_commit = off`);
  await admin.end();
  target.pathname = `/${name}`;
  return target.toString();
}

/**
 * Every point the whole e2e suite moved (API, console, portal, jobs) must still
 * satisfy the ledger's invariants: `ledger verify` on the database the e2e
 * server used, once the server has stopped and released it.
 */
function ledgerVerifiedAfterE2e(url: string | undefined): Tally {
  const env: NodeJS.ProcessEnv = { ...process.env, LAZO_JOBS: "off" };
  if (url) env.DATABASE_URL = url;
  else {
    delete env.DATABASE_URL;
    env.LAZO_DATA_DIR = ".data-e2e";
  }
  const result = spawnSync("npx", ["tsx", "cli/index.ts", "ledger", "verify", "--json"], { encoding: "utf8", env });
  const report = (() => {
    try {
      return JSON.parse(result.stdout) as { ok: boolean; accounts: number; problems: unknown[] };
    } catch {
      return null;
    }
  })();
  console.log(report ? `ledger verify after e2e: ${report.ok ? "ok" : "PROBLEMS"} over ${report.accounts} accounts` : `${result.stdout}${result.stderr}`);
  if (report && !report.ok) console.error(JSON.stringify(report.problems.slice(0, 20), null, 2));
  return check(result.status === 0 && report?.ok ? 0 : 1);
}

async function main() {
  fs.mkdirSync("test-results", { recursive: true });
  const database = process.env.DATABASE_URL ? `PostgreSQL (${new URL(process.env.DATABASE_URL).pathname.slice(1)})` : "embedded PGlite";
  console.log(`Lazo test suite — database tests on ${database}`);
  // Lint and the type check each keep one core busy for half a minute: run them side by side.
  const lint = !only.length || only.includes("lint") ? runInBackground("npx", ["eslint", "."], "test-results/lint.log") : null;
  step("typecheck", () => check(run("npx", ["tsc", "--noEmit"])));
  const typechecked = results.some((r) => r.step === "typecheck" && r.failed === 0);
  const lintCode = lint ? await lint.finish() : 0;
  step("lint", () => check(lintCode));
  step("migrations", migrationsUpToDate);
  // The build only feeds the browser tests: it runs while the unit and database tests do, which spend
  // much of their time waiting on PostgreSQL's commits rather than on a core.
  const wantsBuild = !only.length || only.includes("build");
  // Once the typecheck step has passed on this tree, the build need not check the same types again.
  const buildEnv = typechecked ? { ...process.env, LAZO_SKIP_BUILD_TYPECHECK: "1" } : process.env;
  const build = wantsBuild ? runInBackground("npx", ["next", "build"], "test-results/build.log", buildEnv) : null;
  const buildStarted = Date.now();
  step("unit", () => vitest("unit"));
  step("db", () => vitest("db"));
  const buildCode = build ? await build.finish() : 0;
  if (build) console.log(`(the build ran alongside the unit and database tests and took ${Math.round((Date.now() - buildStarted) / 1000)} s in all)`);
  step("build", () => check(buildCode));
  const e2eUrl = only.length && !only.includes("e2e") ? undefined : await e2eDatabaseUrl();
  step("e2e", () => playwright({ ...process.env, ...(e2eUrl ? { DATABASE_URL: e2eUrl } : {}) }));
  if (!only.length || only.includes("e2e")) step("ledger", () => ledgerVerifiedAfterE2e(e2eUrl));

  fs.writeFileSync("test-results/summary.json", JSON.stringify({ ...tally, steps: results }, null, 2));
  if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join("\n")}`);
  console.log("\nstep        passed  failed  skipped  seconds");
  for (const r of results) console.log(`${r.step.padEnd(11)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${String(r.seconds).padStart(7)}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
  process.exit(tally.failed ? 1 : 0);
}

void main();
