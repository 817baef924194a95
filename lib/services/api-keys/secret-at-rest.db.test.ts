import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/rows";
import type { Actor } from "@/lib/auth/actor";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import * as membersRoute from "@/app/api/v1/members/route";
import * as memberRoute from "@/app/api/v1/members/[id]/route";
import * as purchasesRoute from "@/app/api/v1/purchases/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import { createApiKey, revokeApiKey } from "./manage-api-keys";

/**
 * An API key's secret is shown once and never stored: after a key is created
 * and used through the real routes (enrolment, purchase, webhook registration,
 * refusals, a wrong and a revoked key), no text, varchar or json column of any
 * table in the database holds it or a piece of it, and nothing logged does.
 */
let database: Database;
const system: Actor = { kind: "system", label: "test" };
const logged: string[] = [];

beforeAll(async () => {
  // Its own database on PostgreSQL: the scan reads every table, and must not read (or wait on) other files' rows.
  database = await openTestDatabase({ isolated: true });
  (globalThis as unknown as { __lazoDatabase?: Promise<Database> }).__lazoDatabase = Promise.resolve(database);
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" ")));
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  (globalThis as unknown as { __lazoDatabase?: Promise<Database> }).__lazoDatabase = undefined;
  await database.close();
});

type Column = { table_schema: string; table_name: string; column_name: string };

/** Every table holding `needle` in one of its text-like columns (text, varchar, char, json, jsonb, and arrays of them), with the columns. */
async function tablesContaining(needle: string): Promise<string[]> {
  const columns = await selectRows<Column>(
    database.db,
    sql`select c.table_schema, c.table_name, c.column_name
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema not in ('pg_catalog', 'information_schema')
          and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
               or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar', '_bpchar', '_json', '_jsonb')))
        order by 1, 2, 3`,
  );
  expect(columns.length).toBeGreaterThan(50);
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(`"${c.table_schema}"."${c.table_name}"`, [...(byTable.get(`"${c.table_schema}"."${c.table_name}"`) ?? []), c.column_name]);
  const hits: string[] = [];
  for (const [table, names] of byTable) {
    for (const name of names) {
      const [row] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.raw(table)} where strpos(${sql.raw(`"${name}"`)}::text, ${needle}) > 0`);
      if (Number(row?.n) > 0) hits.push(`${table}.${name}`);
    }
  }
  return hits;
}

const call = (handler: (r: Request, route: { params: Promise<never> }) => Promise<Response>, request: Request, params: Record<string, string> = {}) =>
  handler(request, { params: Promise.resolve(params as never) });

function apiRequest(key: string, method: "GET" | "POST", path: string, body?: unknown, idempotencyKey?: string): Request {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}`, "Content-Type": "application/json" };
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  return new Request(`http://lazo.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe("API key secrets at rest", () => {
  it("finds a planted marker, so the scan itself can fail", async () => {
    const program = await makeProgram(database);
    const marker = "marker-7f3a9c1e-planted";
    await database.db.execute(sql`insert into email_outbox (program_id, "to", subject, text) values (${program.id}, 'x@example.com', 'Hello', ${`body ${marker} end`})`);
    await database.db.execute(sql`insert into idempotency_keys (program_id, key, request_hash, status_code, response, expires_at) values (${program.id}, 'k-marker', 'h', 201, ${JSON.stringify({ nested: { value: `json-${marker}` } })}::jsonb, now())`);
    expect(await tablesContaining(marker)).toEqual(['"public"."email_outbox".text', '"public"."idempotency_keys".response']);
  });

  it("never stores a key's secret, or a piece of it, anywhere in the database, however the key is used", async () => {
    const program = await makeProgram(database);
    const { key, id } = await createApiKey(database.db, system, { programId: program.id, name: "Everywhere", rateLimitPerMinute: 100 });
    const narrow = await createApiKey(database.db, system, { programId: program.id, name: "Read only", scopes: ["members:read"] });
    const secret = key.split("_").slice(2).join("_");
    expect(secret).toHaveLength(43);

    expect((await call(webhooksRoute.POST, apiRequest(key, "POST", "/api/v1/webhooks", { url: "https://hooks.example.com/lazo", events: ["member.created", "points.earned"] }, "w-1"))).status).toBe(201);
    const enrol = { externalId: "crm-secret", email: "ana@example.com", name: "Ana" };
    const enrolled = await call(membersRoute.POST, apiRequest(key, "POST", "/api/v1/members", enrol, "m-1"));
    expect(enrolled.status).toBe(201);
    const member = (await enrolled.json()) as { id: string };
    expect((await call(membersRoute.POST, apiRequest(key, "POST", "/api/v1/members", enrol, "m-1"))).headers.get("Idempotent-Replayed")).toBe("true");
    expect((await call(purchasesRoute.POST, apiRequest(key, "POST", "/api/v1/purchases", { memberId: member.id, orderId: "ORD-1", amount: 120, currency: "MXN", channel: "pos" }, "p-1"))).status).toBe(201);
    expect((await call(purchasesRoute.POST, apiRequest(key, "POST", "/api/v1/purchases", { memberId: member.id, orderId: "ORD-1", amount: 5, currency: "MXN", channel: "pos" }, "p-2"))).status).toBe(409);
    expect((await call(memberRoute.GET, apiRequest(key, "GET", `/api/v1/members/${member.id}`), { id: member.id })).status).toBe(200);
    expect((await call(membersRoute.GET, apiRequest(key, "GET", "/api/v1/members?externalId=crm-secret"))).status).toBe(200);
    expect((await call(membersRoute.POST, apiRequest(narrow.key, "POST", "/api/v1/members", { externalId: "nope" }, "n-1"))).status).toBe(403);
    // A key one character off, and the key once revoked: refused, and not remembered either.
    const tampered = `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
    expect((await call(memberRoute.GET, apiRequest(tampered, "GET", `/api/v1/members/${member.id}`), { id: member.id })).status).toBe(401);
    await revokeApiKey(database.db, system, { programId: program.id, keyId: id });
    expect((await call(memberRoute.GET, apiRequest(key, "GET", `/api/v1/members/${member.id}`), { id: member.id })).status).toBe(401);

    // The whole secret, and its first and last 16 characters (a truncated copy is a leak too).
    for (const needle of [secret, secret.slice(0, 16), secret.slice(-16), key, tampered.split("_").slice(2).join("_"), narrow.key.split("_").slice(2).join("_")]) {
      expect(await tablesContaining(needle), needle).toEqual([]);
    }
    // The prefix is meant to be stored (it names the key in the console), so the scan does see keys.
    expect(await tablesContaining(`${key.split("_")[1]}`)).toContain('"public"."api_keys".prefix');
    expect(logged.join("\n")).not.toContain(secret);
    expect(logged.join("\n")).not.toContain(secret.slice(0, 16));
  });
});
