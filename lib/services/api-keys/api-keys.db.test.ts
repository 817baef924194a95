import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/rows";
import type { Actor } from "@/lib/auth/actor";
import { API_SCOPES } from "@/lib/auth/permissions";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "./manage-api-keys";

let database: Database;
const cli: Actor = { kind: "system", label: "test" };

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("API keys", () => {
  it("creates a key with all scopes by default and authenticates it", async () => {
    const program = await makeProgram(database);
    const created = await createApiKey(database.db, cli, { programId: program.id, name: "POS" });
    expect(created.key).toMatch(/^lz_[a-z0-9]{8}_/);
    expect([...created.scopes].sort()).toEqual([...API_SCOPES].sort());
    const actor = await authenticateApiKey(database.db, created.key);
    expect(actor).toMatchObject({ kind: "api_key", programId: program.id, keyId: created.id });
    const [listed] = await listApiKeys(database.db, cli, { programId: program.id });
    expect(listed).toMatchObject({ id: created.id, prefix: created.prefix });
    expect(listed!.lastUsedAt).not.toBeNull();
  });

  it("never stores the secret: not in the keys table, not in the audit log", async () => {
    const program = await makeProgram(database);
    const { key } = await createApiKey(database.db, cli, { programId: program.id, name: "Shop", scopes: ["points:earn"] });
    const secret = key.split("_").slice(2).join("_");
    const dump = await selectRows<{ text: string }>(database.db, sql`
      select (select coalesce(string_agg(k::text, ' '), '') from api_keys k) || (select coalesce(string_agg(a::text, ' '), '') from audit_log a) as text`);
    expect(dump[0]!.text).not.toContain(secret);
    expect(dump[0]!.text).not.toContain(key);
  });

  it("refuses revoked, unknown and malformed keys alike", async () => {
    const program = await makeProgram(database);
    const created = await createApiKey(database.db, cli, { programId: program.id, name: "CRM" });
    await revokeApiKey(database.db, cli, { programId: program.id, keyId: created.id });
    for (const key of [created.key, `${created.key.slice(0, -1)}x`, "not-a-key", ""]) {
      await expect(authenticateApiKey(database.db, key)).rejects.toMatchObject({ code: "unauthorized", status: 401 });
    }
  });

  it("lets only key managers of the same program manage keys", async () => {
    const p = await makeProgram(database);
    const q = await makeProgram(database);
    const marketer: Actor = { kind: "user", userId: "u1", email: "m@example.com", grants: [{ organizationId: p.organizationId, programId: p.id, role: "marketer", storeIds: [], extraPermissions: [] }] };
    const adminOfQ: Actor = { kind: "user", userId: "u2", email: "a@example.com", grants: [{ organizationId: q.organizationId, programId: null, role: "admin", storeIds: [], extraPermissions: [] }] };
    await expect(createApiKey(database.db, marketer, { programId: p.id, name: "Nope" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listApiKeys(database.db, adminOfQ, { programId: p.id })).rejects.toMatchObject({ code: "not_found" });
    const keyOfP = await createApiKey(database.db, cli, { programId: p.id, name: "P key" });
    await expect(revokeApiKey(database.db, cli, { programId: q.id, keyId: keyOfP.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
