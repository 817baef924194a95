import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { programs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { recordPurchase } from "./record-purchase";
import { refundPurchase } from "./refund-purchase";

let database: Database;
const system: Actor = { kind: "system", label: "test" };
const NOW = new Date("2026-11-23T18:00:00Z");
let programId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  programId = (await makeProgram(database)).id;
});
afterAll(async () => database.close());

const order = () => `ORD-${Math.random().toString(36).slice(2, 10)}`;

async function buy(p: { programId?: string; amountMinor?: number; lines?: { sku: string; quantity: number; unitPriceMinor: number }[] } = {}) {
  const pid = p.programId ?? programId;
  const { id: memberId } = await makeMember(database, pid);
  const orderId = order();
  const purchase = await recordPurchase(database.db, system, { programId: pid, memberId, orderId, amountMinor: p.amountMinor ?? 10_000, currency: "MXN", channel: "pos", lines: p.lines }, NOW);
  return { memberId, orderId, purchase };
}

describe("refundPurchase", () => {
  it("reverses a proportional share per partial refund and never more than the purchase earned", async () => {
    const { memberId, orderId, purchase } = await buy();
    expect(purchase.pointsEarned).toBe(100);
    const first = await refundPurchase(database.db, system, { programId, orderId, amount: 30 }, NOW);
    expect(first).toMatchObject({ pointsReversed: 30, clawback: { points: 0 }, refundedAmount: 30, balance: { available: 70 }, purchase: { status: "partially_refunded", pointsReversed: 30 } });
    await expect(refundPurchase(database.db, system, { programId, orderId, amount: 80 }, NOW)).rejects.toMatchObject({ code: "refund_exceeds_purchase", status: 422 });
    const rest = await refundPurchase(database.db, system, { programId, orderId }, NOW);
    expect(rest).toMatchObject({ pointsReversed: 70, refundedAmount: 70, purchase: { status: "refunded", pointsReversed: 100 } });
    await expect(refundPurchase(database.db, system, { programId, orderId, amount: 1 }, NOW)).rejects.toMatchObject({ code: "refund_exceeds_purchase" });
    expect((await getBalance(database.db, { programId, memberId })).available).toBe(0);
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });

  it("forfeits spent points as clawback by default, and refuses the refund under the strict policy", async () => {
    const { memberId, orderId } = await buy();
    await redeemPoints(database.db, { programId, memberId, points: 80 }, NOW);
    const refund = await refundPurchase(database.db, system, { programId, orderId }, NOW);
    expect(refund).toMatchObject({ pointsReversed: 100, clawback: { points: 80, policy: "negative_forbidden_forfeit" }, balance: { available: 0 } });

    const strict = await makeProgram(database);
    await database.db.update(programs).set({ settings: { clawbackPolicy: "strict" } }).where(eq(programs.id, strict.id));
    const spent = await buy({ programId: strict.id });
    await redeemPoints(database.db, { programId: strict.id, memberId: spent.memberId, points: 80 }, NOW);
    await expect(refundPurchase(database.db, system, { programId: strict.id, orderId: spent.orderId }, NOW)).rejects.toMatchObject({ code: "insufficient_points" });
    // Nothing was written: the purchase can still be refunded once the member has the points again.
    expect((await getBalance(database.db, { programId: strict.id, memberId: spent.memberId })).available).toBe(20);
    const partial = await refundPurchase(database.db, system, { programId: strict.id, orderId: spent.orderId, amount: 20 }, NOW);
    expect(partial).toMatchObject({ pointsReversed: 20, clawback: { points: 0, policy: "strict" } });
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });

  it("takes back the purchase's pending points first", async () => {
    const pendingProgram = await makeProgram(database, { plan: { ...defaultPlan(), pendingDays: 14 } });
    const { memberId, orderId, purchase } = await buy({ programId: pendingProgram.id });
    expect(purchase.pointsPending).toBe(100);
    const refund = await refundPurchase(database.db, system, { programId: pendingProgram.id, orderId, amount: 25 }, NOW);
    expect(refund).toMatchObject({ pointsReversed: 25, clawback: { points: 0 }, balance: { pending: 75, available: 0 } });
    expect((await getBalance(database.db, { programId: pendingProgram.id, memberId })).pending).toBe(75);
  });

  it("refunds lines by their share of the engine's per-line points and refuses more units than were bought", async () => {
    const { orderId, purchase } = await buy({ amountMinor: 10_000, lines: [{ sku: "CAFE", quantity: 2, unitPriceMinor: 3_000 }, { sku: "PAN", quantity: 1, unitPriceMinor: 4_000 }] });
    expect(purchase.pointsEarned).toBe(100);
    const one = await refundPurchase(database.db, system, { programId, orderId, lines: [{ sku: "CAFE", quantity: 1 }] }, NOW);
    expect(one).toMatchObject({ pointsReversed: 30, refundedAmount: 30 });
    await expect(refundPurchase(database.db, system, { programId, orderId, lines: [{ sku: "CAFE", quantity: 2 }] }, NOW)).rejects.toMatchObject({ code: "refund_exceeds_purchase" });
    await expect(refundPurchase(database.db, system, { programId, orderId, lines: [{ sku: "TE", quantity: 1 }] }, NOW)).rejects.toMatchObject({ code: "validation_failed", fields: { "lines.0.sku": [expect.any(String)] } });
    const rest = await refundPurchase(database.db, system, { programId, orderId, lines: [{ sku: "CAFE", quantity: 1 }, { sku: "PAN", quantity: 1 }] }, NOW);
    expect(rest).toMatchObject({ pointsReversed: 70, purchase: { status: "refunded", pointsReversed: 100 } });
  });

  it("replays by idempotency key, refuses the key with another body, and hides other programs' orders", async () => {
    const { orderId } = await buy();
    const input = { programId, orderId, amount: 10, idempotencyKey: "refund-1" };
    const first = await refundPurchase(database.db, system, input, NOW);
    const again = await refundPurchase(database.db, system, input, NOW);
    expect(again).toEqual({ ...first, replayed: true });
    await expect(refundPurchase(database.db, system, { ...input, amount: 11 }, NOW)).rejects.toMatchObject({ code: "idempotency_conflict" });
    const other = await makeProgram(database);
    await expect(refundPurchase(database.db, system, { programId: other.id, orderId }, NOW)).rejects.toMatchObject({ code: "purchase_not_found", status: 404 });
    const rivalKey: Actor = { kind: "api_key", programId: other.id, keyId: "k", scopes: ["points:earn"] };
    await expect(refundPurchase(database.db, rivalKey, { programId, orderId }, NOW)).rejects.toMatchObject({ status: 404 });
  });

  it("lets exactly the refundable share through when partial refunds race", async () => {
    const { memberId, orderId } = await buy();
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => refundPurchase(database.db, system, { programId, orderId, amount: 25 }, NOW)));
    const won = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(won).toHaveLength(4);
    expect(won.reduce((sum, r) => sum + r.pointsReversed, 0)).toBe(100);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(Array(4).fill("refund_exceeds_purchase"));
    expect((await getBalance(database.db, { programId, memberId })).available).toBe(0);
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });
});
