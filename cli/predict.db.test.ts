import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The CLI as a user runs it, on its own embedded data folder (or DATABASE_URL when set). */
function cli(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], {
    env: { ...process.env, LAZO_DATA_DIR: dataDir },
    encoding: "utf8",
    timeout: 240_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lazo-predict-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run cli -- predict", () => {
  it("fits the CDNOW sample as of 1997-09-30 to the published BG/NBD and Gamma-Gamma parameters, with the weeks 40–78 holdout", () => {
    const slug = `cdnow-${Date.now().toString(36)}`;
    const imported = cli(["import", "cdnow", "db/seed-data/cdnow/CDNOW_sample.txt", "--program", slug, "--json"], dir);
    expect(imported.code, imported.stderr).toBe(0);

    const run = cli(["predict", "--program", slug, "--as-of", "1997-09-30", "--json"], dir);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.customers).toBe(2357);
    // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426, ln L = −9582.4.
    expect(out.bgnbd.r).toBeCloseTo(0.243, 3);
    expect(out.bgnbd.alpha).toBeCloseTo(4.414, 2);
    expect(out.bgnbd.a).toBeCloseTo(0.793, 3);
    expect(out.bgnbd.b).toBeCloseTo(2.426, 2);
    expect(out.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 0);
    // Fader & Hardie (2013): p = 6.25, q = 3.74, γ = 15.44 (dollars) on the 946 repeat buyers.
    expect(out.gammaGamma.p).toBeCloseTo(6.25, 1);
    expect(out.gammaGamma.q).toBeCloseTo(3.74, 1);
    expect(out.gammaGamma.gamma).toBeCloseTo(15.44, 1);
    expect(out.gammaGamma.customers).toBe(946);
    expect(out.holdout).toMatchObject({ calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30", holdoutWeeks: 39, actual: 1882 });
    expect(out.holdout.buckets.map((b: { customers: number }) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(Object.values(out.rfmSegments as Record<string, number>).reduce((s, n) => s + n, 0)).toBe(2357);
    expect(out.meanClv12m).toBeGreaterThan(0);

    const readable = cli(["predict", "--program", slug, "--as-of", "1997-09-30"], dir);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toMatch(/BG\/NBD\s+r=0\.243 alpha=4\.414 a=0\.793 b=2\.426/);
    expect(readable.stdout).toMatch(/Holdout 1997-09-30 → 1998-06-30/);

    const unknown = cli(["predict", "--program", "no-such-program", "--as-of", "1997-09-30", "--json"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("program not found: no-such-program");
    expect(unknown.stdout).toBe("");

    const badDate = cli(["predict", "--program", slug, "--as-of", "1997-13-01", "--json"], dir);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/date/i);

    const tooEarly = cli(["predict", "--program", slug, "--as-of", "1996-12-31", "--json"], dir);
    expect(tooEarly.code).toBe(2);
    expect(tooEarly.stderr).toContain("no member purchases up to 1996-12-31");
  }, 600_000);
});
