import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";
import { authenticateApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { API_SCOPES } from "@/lib/auth/permissions";

/** The CLI as a user runs it, on its own embedded data folder (or DATABASE_URL when set). */
function cli(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], {
    env: { ...process.env, LAZO_DATA_DIR: dataDir },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lazo-api-key-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run cli -- api-key create", () => {
  it("prints {key, id, scopes, rateLimitPerMinute}, all scopes by default, and the key works with its limit", async () => {
    const slug = `keys-${Date.now().toString(36)}`;
    const program = cli(["program", "create", "--slug", slug, "--name", "Llaves CLI", "--currency", "MXN", "--json"], dir);
    expect(program.code, program.stderr).toBe(0);
    const programId = JSON.parse(program.stdout).id as string;

    const plain = cli(["api-key", "create", "--program", slug, "--json"], dir);
    expect(plain.code, plain.stderr).toBe(0);
    const all = JSON.parse(plain.stdout);
    expect(Object.keys(all).sort()).toEqual(["id", "key", "rateLimitPerMinute", "scopes"]);
    expect(all.key).toMatch(/^lz_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(all.id).toMatch(/^[0-9a-f-]{36}$/);
    expect([...all.scopes].sort()).toEqual([...API_SCOPES].sort());
    expect(all.rateLimitPerMinute).toBeNull();

    const limited = cli(["api-key", "create", "--program", slug, "--scopes", "members:read, points:earn", "--rate-limit", "30", "--name", "POS norte", "--json"], dir);
    expect(limited.code, limited.stderr).toBe(0);
    const pos = JSON.parse(limited.stdout);
    expect(pos).toEqual({ key: expect.any(String), id: expect.any(String), scopes: ["members:read", "points:earn"], rateLimitPerMinute: 30 });

    // Each run starts a process and opens the database: two bad values stand for the rest (the schema's own tests cover bounds).
    for (const value of ["12x", "0"]) {
      const bad = cli(["api-key", "create", "--program", slug, "--rate-limit", value, "--json"], dir);
      expect(bad.code, `--rate-limit ${value}`).toBe(2);
      expect(bad.stderr).toContain("rateLimitPerMinute: The rate limit is a whole number of requests a minute, from 1 to 1,000,000.");
      expect(bad.stdout).toBe("");
    }

    // The keys as the API sees them, and the audit entries, read from the same database.
    const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, maxConnections: 2 } : { dataDir: dir });
    try {
      expect(await authenticateApiKey(database.db, all.key)).toMatchObject({ programId, keyId: all.id, rateLimitPerMinute: null });
      expect(await authenticateApiKey(database.db, pos.key)).toMatchObject({ programId, keyId: pos.id, scopes: ["members:read", "points:earn"], rateLimitPerMinute: 30 });
      const { entries } = await listAuditLog(database.db, { kind: "system", label: "test" }, { programId, limit: 10 });
      expect(entries.filter((e) => e.action === "api_key.create").map((e) => e.after)).toEqual([
        expect.objectContaining({ name: "POS norte", rateLimitPerMinute: 30 }),
        expect.objectContaining({ name: "CLI key", rateLimitPerMinute: null }),
      ]);
      // The secret is everything after the prefix: it may hold underscores itself (base64url).
      expect(JSON.stringify(entries)).not.toContain(pos.key.split("_").slice(2).join("_"));
    } finally {
      await database.close();
    }
  }, 600_000);
});
