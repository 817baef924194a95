import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Always the embedded database: roles are cluster-wide, and the service's own
// test (lib/services/bi) covers PostgreSQL, logging in as the role.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lazo-cli-bi-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], {
    env: { ...process.env, LAZO_DATA_DIR: dir, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("bi grant-readonly", () => {
  it("creates the role and prints the views it may read", () => {
    const run = cli(["bi", "grant-readonly", "--role", "metabase", "--password", "a-long-password", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { role: string; schema: string; views: string[] };
    expect(out).toMatchObject({ role: "metabase", schema: "bi" });
    expect(out.views).toEqual(expect.arrayContaining(["members", "purchases", "ledger_entries", "point_balances", "kpi_daily"]));
    expect(run.stderr).toContain("embedded database");
  }, 120_000);

  it("refuses to turn the app's own role into a read-only one", () => {
    const run = cli(["bi", "grant-readonly", "--role", "postgres", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the role Lazo connects as");
    expect(run.stdout).toBe("");
  }, 120_000);
});
