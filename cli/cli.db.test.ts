import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The CLI as a user runs it, on its own embedded data folder (or DATABASE_URL when set). */
function cli(args: string[], dataDir: string, extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], {
    env: { ...process.env, LAZO_DATA_DIR: dataDir, ...extraEnv },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lazo-cli-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("the embedded data folder lock", () => {
  // The lock guards the embedded database only, so this run never uses DATABASE_URL.
  it("refuses to open a folder another live process holds, and says so", () => {
    const dir = tempDir();
    const holder = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(path.join(dir, "lazo.lock"), JSON.stringify({ pid: holder.pid, holder: "the Lazo server", startedAt: new Date().toISOString() }));
      const run = cli(["ledger", "verify", "--json"], dir, { DATABASE_URL: "" });
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(`in use by the Lazo server (pid ${holder.pid})`);
      expect(run.stdout).toBe("");
    } finally {
      holder.kill();
    }
  });
});

describe("program create and ledger verify", () => {
  it("creates a program, refuses a bad one with field messages, and verifies", () => {
    const dir = tempDir();
    // A lock left by a process that died is taken over, not obeyed.
    fs.writeFileSync(path.join(dir, "lazo.lock"), JSON.stringify({ pid: 999_999, holder: "a crashed server", startedAt: "2026-01-01" }));
    const slug = `cli-${Date.now().toString(36)}`;
    const created = cli(["program", "create", "--slug", slug, "--name", "Café Norte", "--currency", "CLP", "--locale", "es-CL", "--time-zone", "America/Santiago", "--json"], dir);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug, currency: "CLP", locale: "es-CL", timeZone: "America/Santiago" });

    const bad = cli(["program", "create", "--slug", "Bad Slug!", "--name", "X", "--currency", "ZZZ"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/slug: Use 1–48 lowercase/);
    expect(bad.stderr).toMatch(/currency: Unknown ISO 4217/);

    const verify = cli(["ledger", "verify", "--json", "--program", slug], dir);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toEqual({ ok: true, accounts: 0, problems: [] });
  });
});
