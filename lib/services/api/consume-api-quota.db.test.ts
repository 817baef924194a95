import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { deleteOldApiRateWindows } from "@/lib/services/maintenance/delete-expired-keys";
import { openTestDatabase } from "@/tests/support/database";
import { consumeApiQuota, defaultApiRateLimit } from "./consume-api-quota";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("per-key API quota", () => {
  it("allows a key's limit per minute, refuses the next request until the window turns, and counts keys apart", async () => {
    const keyId = randomUUID();
    const now = new Date("2026-11-23T18:00:30Z");
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await consumeApiQuota(database.db, { keyId, limit: 3, now }));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(decisions[3]!.resetSeconds).toBe(30);
    expect((await consumeApiQuota(database.db, { keyId: randomUUID(), limit: 3, now })).allowed).toBe(true);
    expect((await consumeApiQuota(database.db, { keyId, limit: 3, now: new Date("2026-11-23T18:01:00Z") })).remaining).toBe(2);
  });

  it("counts concurrent requests exactly once each", async () => {
    const keyId = randomUUID();
    const now = new Date("2026-11-23T18:05:00Z");
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeApiQuota(database.db, { keyId, limit: 15, now })));
    expect(results.filter((r) => r.allowed)).toHaveLength(15);
  });

  it("falls back to LAZO_API_RATE_LIMIT (1,200 by default) and forgets windows older than an hour", async () => {
    expect(defaultApiRateLimit()).toBe(Number(process.env.LAZO_API_RATE_LIMIT ?? 1200));
    const keyId = randomUUID();
    await consumeApiQuota(database.db, { keyId, limit: null, now: new Date("2026-11-23T10:00:00Z") });
    expect(await deleteOldApiRateWindows(database.db, new Date("2026-11-23T12:00:00Z"))).toBeGreaterThanOrEqual(1);
  });
});
