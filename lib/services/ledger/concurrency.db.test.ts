import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { earnPoints } from "./earn-points";
import { getBalance, listHistory } from "./get-balance";
import { holdPoints } from "./hold-points";
import { redeemPoints } from "./redeem-points";
import { captureHold, voidHold } from "./settle-hold";
import { verifyLedger } from "./verify-ledger";

/**
 * Races on one member. On PostgreSQL (DATABASE_URL, as in CI) the calls run on
 * a pool of 20 connections at once; on embedded PGlite they queue on its single
 * connection, which proves the logic but not the locking.
 */
let database: Database;
let programId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  programId = (await makeProgram(database)).id;
});
afterAll(async () => database.close());

function settle<T>(promises: Promise<T>[]) {
  return Promise.allSettled(promises).then((results) => ({
    ok: results.filter((r) => r.status === "fulfilled").length,
    errors: results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code ?? String(r.reason)] : [])),
  }));
}

describe("concurrent operations on one member", () => {
  it("lets exactly 50 of 100 parallel 10-point redemptions through against 500 points", async () => {
    const { id: memberId } = await makeMember(database, programId);
    await earnPoints(database.db, { programId, memberId, points: 500 });
    const outcome = await settle(Array.from({ length: 100 }, () => redeemPoints(database.db, { programId, memberId, points: 10 })));
    expect(outcome.ok).toBe(50);
    expect(outcome.errors).toEqual(Array(50).fill("insufficient_points"));
    expect((await getBalance(database.db, { programId, memberId })).available).toBe(0);
    const verification = await verifyLedger(database.db);
    expect(verification.problems).toEqual([]);
  });

  it("credits once when the same idempotency key races with itself", async () => {
    const { id: memberId } = await makeMember(database, programId);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => earnPoints(database.db, { programId, memberId, points: 15, idempotencyKey: `race-${memberId}` })),
    );
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await getBalance(database.db, { programId, memberId })).available).toBe(15);
    expect((await listHistory(database.db, { programId, memberId })).entries).toHaveLength(1);
  });

  it("settles a hold exactly once when capture and void race", async () => {
    const { id: memberId } = await makeMember(database, programId);
    await earnPoints(database.db, { programId, memberId, points: 100 });
    const hold = await holdPoints(database.db, { programId, memberId, points: 60 });
    const outcome = await settle([
      captureHold(database.db, { programId, holdId: hold.holdId }),
      voidHold(database.db, { programId, holdId: hold.holdId }),
      captureHold(database.db, { programId, holdId: hold.holdId }),
      voidHold(database.db, { programId, holdId: hold.holdId }),
    ]);
    expect(outcome.ok).toBe(1);
    expect(outcome.errors).toEqual(Array(3).fill("hold_not_active"));
    const balance = await getBalance(database.db, { programId, memberId });
    expect(balance.held).toBe(0);
    expect(balance.available === 40 || balance.available === 100).toBe(true);
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });
});
