import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { claimIdempotencyKey } from "@/db/queries/idempotency";
import { idempotencyKeys } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { LazoError } from "@/lib/errors";
import { createApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { IDEMPOTENCY_LEASE_MS, runIdempotentRequest } from "@/lib/services/api/idempotent-request";
import { requestHash } from "@/lib/services/ledger/run-ledger-operation";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { withApiKey } from "./with-api-key";

/**
 * The wrapper end to end on the test database: getAppDb() answers with the
 * handle the server keeps on globalThis, so the test puts its own there.
 */
let database: Database;
let programId: string;
let secret: string;
let keyId: string;
const system: Actor = { kind: "system", label: "test" };

beforeAll(async () => {
  database = await openTestDatabase();
  (globalThis as unknown as { __lazoDatabase?: Promise<Database> }).__lazoDatabase = Promise.resolve(database);
  programId = (await makeProgram(database)).id;
  const created = await createApiKey(database.db, system, { programId, name: "Wrapper test" });
  secret = created.key;
  keyId = created.id;
});
afterAll(async () => {
  (globalThis as unknown as { __lazoDatabase?: Promise<Database> }).__lazoDatabase = undefined;
  await database.close();
});

function post(idempotencyKey: string, body: unknown = { n: 1 }): Request {
  return new Request("http://lazo.test/api/v1/things", {
    method: "POST",
    headers: { Authorization: `Bearer ${secret}`, "Idempotency-Key": idempotencyKey, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}
const route = { params: Promise.resolve({}) };

async function claimRows(idempotencyKey: string) {
  return database.db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.programId, programId), eq(idempotencyKeys.key, `api:${keyId}:${idempotencyKey}`)));
}

describe("withApiKey idempotency after a crash", () => {
  it("answers a thrown handler with a 500 and lets the same key run again", async () => {
    let calls = 0;
    const handler = withApiKey({ scope: "points:earn" }, async () => {
      calls += 1;
      if (calls === 1) throw new Error("database connection reset");
      return { status: 201, body: { ok: true, calls } };
    });
    const key = `crash-${randomUUID()}`;
    const crashed = await handler(post(key), route);
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toMatchObject({ code: "internal_error" });
    expect(await claimRows(key)).toEqual([]);

    const retried = await handler(post(key), route);
    expect(retried.status).toBe(201);
    expect(await retried.json()).toEqual({ ok: true, calls: 2 });
    const replay = await handler(post(key), route);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.json()).toEqual({ ok: true, calls: 2 });
    expect(calls).toBe(2);
  });

  it("releases the key after a 5xx answer or a 5xx Lazo error too", async () => {
    let calls = 0;
    const handler = withApiKey({ scope: "points:earn" }, async () => {
      calls += 1;
      if (calls === 1) return { status: 503, body: { code: "unavailable" } };
      if (calls === 2) throw new LazoError("upstream_failed", "The upstream failed.", 502);
      return { status: 201, body: { calls } };
    });
    const key = `five-${randomUUID()}`;
    expect((await handler(post(key), route)).status).toBe(503);
    expect((await handler(post(key), route)).status).toBe(502);
    const third = await handler(post(key), route);
    expect(third.status).toBe(201);
    expect(third.headers.get("Idempotent-Replayed")).toBeNull();
    expect(calls).toBe(3);
  });

  it("keeps a refusal (4xx) and replays it without running again", async () => {
    let calls = 0;
    const handler = withApiKey({ scope: "points:earn" }, async () => {
      calls += 1;
      throw new LazoError("insufficient_points", "Insufficient points.", 422);
    });
    const key = `refused-${randomUUID()}`;
    const first = await handler(post(key), route);
    expect(first.status).toBe(422);
    const second = await handler(post(key), route);
    expect(second.status).toBe(422);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await second.json()).toMatchObject({ code: "insufficient_points" });
    expect(calls).toBe(1);
  });

  it("tells a retry that races a running request to wait", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handler = withApiKey({ scope: "points:earn" }, async () => {
      await gate;
      return { status: 201, body: { ok: true } };
    });
    const key = `racing-${randomUUID()}`;
    const first = handler(post(key), route);
    // Wait until the first request's claim is committed.
    for (let i = 0; i < 100 && (await claimRows(key)).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const racing = await handler(post(key), route);
    expect(racing.status).toBe(409);
    expect(racing.headers.get("Retry-After")).toBe("1");
    expect(await racing.json()).toMatchObject({ code: "request_in_progress" });
    release();
    expect((await first).status).toBe(201);
  });
});

describe("runIdempotentRequest and abandoned claims", () => {
  const T0 = new Date("2026-03-02T12:00:00.000Z");
  const at = (ms: number) => new Date(T0.getTime() + ms);
  const request = (idempotencyKey: string, now: Date) => ({ programId, keyId, idempotencyKey, method: "POST", path: "/api/v1/things", body: { n: 1 }, now });

  /** What a process that died mid-request leaves: a committed claim with no answer. */
  async function abandonClaim(idempotencyKey: string, now: Date, body: unknown = { n: 1 }) {
    await database.db.transaction((tx) =>
      claimIdempotencyKey(tx, { programId, key: `api:${keyId}:${idempotencyKey}`, requestHash: requestHash("POST /api/v1/things", body), expiresAt: at(8 * 86_400_000), createdAt: now }),
    );
  }

  it("refuses to run beside a claim younger than the lease", async () => {
    const key = `young-${randomUUID()}`;
    await abandonClaim(key, T0);
    let ran = false;
    await expect(runIdempotentRequest(database.db, request(key, at(IDEMPOTENCY_LEASE_MS - 1000)), async () => ((ran = true), { status: 201, body: {} }))).rejects.toMatchObject({ code: "request_in_progress", status: 409 });
    expect(ran).toBe(false);
  });

  it("takes over a claim older than the lease, runs once and stores the answer", async () => {
    const key = `stale-${randomUUID()}`;
    await abandonClaim(key, T0);
    const later = at(IDEMPOTENCY_LEASE_MS + 1000);
    const result = await runIdempotentRequest(database.db, request(key, later), async () => ({ status: 201, body: { taken: true } }));
    expect(result).toEqual({ status: 201, body: { taken: true }, replayed: false });
    const [row] = await claimRows(key);
    expect(row).toMatchObject({ statusCode: 201, response: { taken: true } });
    expect(row!.createdAt.getTime()).toBe(later.getTime());
    const replay = await runIdempotentRequest(database.db, request(key, at(IDEMPOTENCY_LEASE_MS + 5000)), async () => ({ status: 201, body: { again: true } }));
    expect(replay).toEqual({ status: 201, body: { taken: true }, replayed: true });
  });

  it("lets only one of two racing retries take over an abandoned claim", async () => {
    const key = `stale-race-${randomUUID()}`;
    await abandonClaim(key, T0);
    const later = at(IDEMPOTENCY_LEASE_MS + 1000);
    let runs = 0;
    const slow = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 100));
      return { status: 201, body: { runs } };
    };
    const outcomes = await Promise.allSettled([runIdempotentRequest(database.db, request(key, later), slow), runIdempotentRequest(database.db, request(key, later), slow)]);
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "request_in_progress" } });
  });

  it("does not take over an abandoned claim made with another body", async () => {
    const key = `stale-other-${randomUUID()}`;
    await abandonClaim(key, T0, { n: 2 });
    await expect(runIdempotentRequest(database.db, request(key, at(IDEMPOTENCY_LEASE_MS + 1000)), async () => ({ status: 201, body: {} }))).rejects.toMatchObject({ code: "idempotency_conflict" });
  });

  it("never releases a claim another retry took over meanwhile", async () => {
    const key = `slow-${randomUUID()}`;
    // A slow first run outlives its lease; a retry takes over and answers; then the slow one fails.
    const first = runIdempotentRequest(database.db, request(key, T0), async () => {
      await runIdempotentRequest(database.db, request(key, at(IDEMPOTENCY_LEASE_MS + 1000)), async () => ({ status: 201, body: { second: true } }));
      throw new Error("the slow first run fails at last");
    });
    await expect(first).rejects.toThrow("the slow first run fails at last");
    const [row] = await claimRows(key);
    expect(row).toMatchObject({ statusCode: 201, response: { second: true } });
  });
});
