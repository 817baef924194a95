import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pointLots } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { EarningRule } from "@/lib/domain/rules/types";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { releaseDuePoints } from "@/lib/services/ledger/process-due-lots";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { recordPurchase } from "./record-purchase";
import { refundPurchase } from "./refund-purchase";

/**
 * A rule's own pending period (its return window) locks the points that rule
 * gave, and only those: the base points and another rule's points without a
 * pending period of its own follow the plan's (none here), available at once.
 */
let database: Database;
const system: Actor = { kind: "system", label: "test" };
const BOUGHT = new Date("2026-05-04T18:00:00Z");
const DAY = 86_400_000;

const bonus = (id: string, points: number, pendingDays?: number): EarningRule => ({
  id,
  name: { es: id, en: id },
  priority: 10,
  stacking: "combinable",
  conditions: {},
  effect: { kind: "fixed_bonus", points },
  ...(pendingDays === undefined ? {} : { pendingDays }),
  active: true,
});

// 1 point per 1 MXN; "shoes-return" waits 30 days, "welcome" none (the plan's 0).
const plan: PlanDefinition = { ...defaultPlan(), pendingDays: 0, rules: [bonus("shoes-return", 200, 30), bonus("welcome", 50)] };

let programId: string;
beforeAll(async () => {
  database = await openTestDatabase({ isolated: true });
  programId = (await makeProgram(database, { plan })).id;
});
afterAll(async () => database.close());

async function buy(memberId: string) {
  const orderId = `ORD-${Math.random().toString(36).slice(2, 10)}`;
  const result = await recordPurchase(database.db, system, { programId, memberId, orderId, amountMinor: 10_000, currency: "MXN", channel: "pos", occurredAt: BOUGHT }, BOUGHT);
  return { ...result, orderId };
}

const lotsOf = (entryId: number) =>
  database.db
    .select({ amount: pointLots.amount, state: pointLots.state, pendingUntil: pointLots.pendingUntil })
    .from(pointLots)
    .where(and(eq(pointLots.programId, programId), eq(pointLots.sourceEntryId, entryId)))
    .orderBy(asc(pointLots.amount));

describe("a rule's own pending period", () => {
  it("locks that rule's points until its return window passes, while the rest are available at once", async () => {
    const { id: memberId } = await makeMember(database, programId);
    const purchase = await buy(memberId);
    // 100 base + 50 welcome available now; the 200 of shoes-return pending for 30 days.
    expect(purchase).toMatchObject({ pointsEarned: 350, pointsPending: 200, balance: { available: 150, pending: 200 } });
    expect(purchase.explanation.pendingParts).toEqual([{ days: 0, points: 150 }, { days: 30, points: 200 }]);
    expect(await lotsOf(purchase.entryId!)).toEqual([
      { amount: 150, state: "available", pendingUntil: null },
      { amount: 200, state: "pending", pendingUntil: new Date(BOUGHT.getTime() + 30 * DAY) },
    ]);

    // A day before the window closes: still locked.
    await releaseDuePoints(database.db, { programId, now: new Date(BOUGHT.getTime() + 29 * DAY) });
    expect(await getBalance(database.db, { programId, memberId })).toMatchObject({ available: 150, pending: 200 });
    // Once it has passed: released, once, however often the job runs.
    const after = new Date(BOUGHT.getTime() + 30 * DAY + 60_000);
    expect(await releaseDuePoints(database.db, { programId, now: after })).toMatchObject({ lots: 1, points: 200 });
    expect(await releaseDuePoints(database.db, { programId, now: after })).toMatchObject({ lots: 0, points: 0 });
    expect(await getBalance(database.db, { programId, memberId })).toMatchObject({ available: 350, pending: 0 });
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });

  it("makes a refund take back the still-pending rule points before the available ones", async () => {
    const { id: memberId } = await makeMember(database, programId);
    const { orderId } = await buy(memberId);
    // Half the purchase back: half the 350 points, 175, all from the pending 200.
    const refund = await refundPurchase(database.db, system, { programId, orderId, amount: 50 }, new Date(BOUGHT.getTime() + DAY));
    expect(refund).toMatchObject({ pointsReversed: 175, clawback: { points: 0 }, balance: { available: 150, pending: 25 } });
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });
});
