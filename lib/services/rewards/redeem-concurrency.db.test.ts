import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import type { Actor } from "@/lib/auth/actor";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { listRewards } from "./list-rewards";
import { createReward } from "./manage-rewards";
import { redeemReward } from "./redeem-reward";

/**
 * Races on one reward and on one member. On PostgreSQL (DATABASE_URL) the
 * calls run on 20 connections at once, so the row locks do the work; on
 * PGlite they queue on one connection.
 */
let database: Database;
let program: ProgramRow;
const system: Actor = { kind: "system", label: "race" };

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
});
afterAll(async () => database.close());

async function race<T>(calls: (() => Promise<T>)[]) {
  const results = await Promise.allSettled(calls.map((c) => c()));
  return {
    won: results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
    codes: results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code ?? String(r.reason)] : [])),
  };
}

describe("concurrent redemptions", () => {
  it("issues exactly 3 coupons when 12 members race for a reward with stock 3", async () => {
    const reward = await createReward(database.db, system, { programId: program.id, kind: "experience", name: { es: "Pase", en: "Pass" }, pointsPrice: 100, stock: 3 });
    const members = await Promise.all(Array.from({ length: 12 }, () => makeMember(database, program.id)));
    for (const m of members) await earnPoints(database.db, { programId: program.id, memberId: m.id, points: 100 });
    const outcome = await race(members.map((m) => () => redeemReward(database.db, system, { programId: program.id, memberId: m.id, rewardId: reward.id })));
    expect(outcome.won).toHaveLength(3);
    expect(outcome.codes).toEqual(Array(9).fill("out_of_stock"));
    expect(new Set(outcome.won.map((w) => w.coupon.code)).size).toBe(3);
    expect((await listRewards(database.db, system, { programId: program.id })).find((r) => r.id === reward.id)).toMatchObject({ stock: 0, redeemedCount: 3 });
    const spent = await Promise.all(members.map((m) => getBalance(database.db, { programId: program.id, memberId: m.id })));
    expect(spent.filter((b) => b.available === 0)).toHaveLength(3);
  });

  it("lets a member who can afford exactly 4 win exactly 4 of 10 parallel redemptions; cached balance equals the ledger", async () => {
    const reward = await createReward(database.db, system, { programId: program.id, kind: "amount_discount", name: { es: "$5", en: "$5" }, pointsPrice: 25, value: 500 });
    const { id: memberId } = await makeMember(database, program.id);
    await earnPoints(database.db, { programId: program.id, memberId, points: 110 });
    const outcome = await race(Array.from({ length: 10 }, () => () => redeemReward(database.db, system, { programId: program.id, memberId, rewardId: reward.id })));
    expect(outcome.won).toHaveLength(4);
    expect(outcome.codes).toEqual(Array(6).fill("insufficient_points"));
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(10);
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });
});
