import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ledgerEntries, pointLots } from "@/db/schema";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { adjustPoints } from "./adjust-points";
import { earnPoints } from "./earn-points";
import { getBalance, listHistory } from "./get-balance";
import { holdPoints } from "./hold-points";
import { expireDuePoints, releaseDuePoints } from "./process-due-lots";
import { redeemPoints } from "./redeem-points";
import { reverseEntry } from "./reverse-entry";
import { captureHold, voidHold } from "./settle-hold";
import { verifyLedger } from "./verify-ledger";

let database: Database;
let programId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  programId = (await makeProgram(database)).id;
});
afterAll(async () => database.close());

const day = 86_400_000;
const t0 = new Date("2026-01-10T12:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * day);

async function newMember() {
  return (await makeMember(database, programId)).id;
}

async function entryCount(memberId: string) {
  const [row] = await database.db.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.memberId, memberId));
  return row!.n;
}

async function expectVerified() {
  const result = await verifyLedger(database.db);
  expect(result.problems).toEqual([]);
  expect(result.ok).toBe(true);
}

describe("earn and redeem", () => {
  it("credits a lot and spends the soonest-expiring lot first", async () => {
    const memberId = await newMember();
    const late = await earnPoints(database.db, { programId, memberId, points: 100, expiresAt: at(300) }, t0);
    const soon = await earnPoints(database.db, { programId, memberId, points: 50, expiresAt: at(30) }, t0);
    const redeemed = await redeemPoints(database.db, { programId, memberId, points: 70 }, at(1));
    expect(redeemed.balance).toMatchObject({ available: 80, lifetimeEarned: 150, lifetimeRedeemed: 70 });
    const lots = await database.db.select().from(pointLots).where(eq(pointLots.accountId, (await lotAccount(soon.lotId))!));
    const remaining = Object.fromEntries(lots.map((l) => [l.id, l.remaining]));
    expect(remaining[soon.lotId]).toBe(0);
    expect(remaining[late.lotId]).toBe(80);
    await expectVerified();
  });

  it("keeps pending points out of reach until they are released", async () => {
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 100, pendingUntil: at(14) }, t0);
    expect((await getBalance(database.db, { programId, memberId })).pending).toBe(100);
    await expect(redeemPoints(database.db, { programId, memberId, points: 10 }, at(1))).rejects.toMatchObject({ code: "insufficient_points" });
    const early = await releaseDuePoints(database.db, { programId, now: at(13) });
    expect(early.lots).toBe(0);
    const released = await releaseDuePoints(database.db, { programId, now: at(14) });
    expect(released.points).toBeGreaterThanOrEqual(100);
    expect(await getBalance(database.db, { programId, memberId })).toMatchObject({ available: 100, pending: 0 });
    await redeemPoints(database.db, { programId, memberId, points: 10 }, at(15));
    await expectVerified();
  });

  it("refuses a redemption above the available balance and writes nothing", async () => {
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 30 }, t0);
    const before = await entryCount(memberId);
    await expect(redeemPoints(database.db, { programId, memberId, points: 31 })).rejects.toMatchObject({ code: "insufficient_points", status: 422 });
    expect(await entryCount(memberId)).toBe(before);
    expect((await getBalance(database.db, { programId, memberId })).available).toBe(30);
  });
});

async function lotAccount(lotId: string) {
  const [lot] = await database.db.select().from(pointLots).where(eq(pointLots.id, lotId));
  return lot?.accountId;
}

describe("adjust", () => {
  it("credits and debits with a reason, never below zero", async () => {
    const memberId = await newMember();
    await adjustPoints(database.db, { programId, memberId, points: 40, reason: "Goodwill for late delivery" });
    const debit = await adjustPoints(database.db, { programId, memberId, points: -15, reason: "Duplicate credit" });
    expect(debit.balance.available).toBe(25);
    await expect(adjustPoints(database.db, { programId, memberId, points: -26, reason: "Too much" })).rejects.toMatchObject({ code: "insufficient_points" });
    await expect(adjustPoints(database.db, { programId, memberId, points: 5, reason: "" })).rejects.toMatchObject({ code: "validation_failed" });
    await expectVerified();
  });
});

describe("reverse", () => {
  it("reverses an earn in parts and never more than the original", async () => {
    const memberId = await newMember();
    const earn = await earnPoints(database.db, { programId, memberId, points: 100 }, t0);
    const first = await reverseEntry(database.db, { programId, entryId: earn.entryId, points: 40 });
    expect(first.balance.available).toBe(60);
    await expect(reverseEntry(database.db, { programId, entryId: earn.entryId, points: 61 })).rejects.toMatchObject({ code: "reversal_exceeds_original" });
    const rest = await reverseEntry(database.db, { programId, entryId: earn.entryId });
    expect(rest.points).toBe(60);
    expect(rest.balance).toMatchObject({ available: 0, lifetimeEarned: 0 });
    await expect(reverseEntry(database.db, { programId, entryId: earn.entryId, points: 1 })).rejects.toMatchObject({ code: "already_reversed" });
    await expectVerified();
  });

  it("takes back spent points from other lots and reports what could not be recovered", async () => {
    const memberId = await newMember();
    const earn = await earnPoints(database.db, { programId, memberId, points: 100 }, t0);
    await redeemPoints(database.db, { programId, memberId, points: 90 });
    await earnPoints(database.db, { programId, memberId, points: 30 }, t0);
    const reversal = await reverseEntry(database.db, { programId, entryId: earn.entryId });
    expect(reversal.unrecovered).toBe(60);
    expect(reversal.balance.available).toBe(0);
    await expectVerified();
  });

  it("gives a reversed redemption back to the lots it drew from", async () => {
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 100, expiresAt: at(10) }, t0);
    const redeem = await redeemPoints(database.db, { programId, memberId, points: 60 });
    const back = await reverseEntry(database.db, { programId, entryId: redeem.entryId, points: 25 });
    expect(back.balance).toMatchObject({ available: 65, lifetimeRedeemed: 35 });
    const expiries = (await getBalance(database.db, { programId, memberId })).upcomingExpiries;
    expect(expiries).toEqual([{ expiresAt: at(10).toISOString(), points: 65 }]);
    await expectVerified();
  });

  it("refuses to reverse an expiry", async () => {
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 10, expiresAt: at(1) }, t0);
    await expireDuePoints(database.db, { programId, now: at(2) });
    const { entries } = await listHistory(database.db, { programId, memberId });
    const expiry = entries.find((e) => e.kind === "expire")!;
    await expect(reverseEntry(database.db, { programId, entryId: expiry.id })).rejects.toMatchObject({ code: "entry_not_reversible" });
  });
});

describe("holds", () => {
  it("captures part of a hold and returns the rest", async () => {
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 100 }, t0);
    const hold = await holdPoints(database.db, { programId, memberId, points: 70 });
    expect(hold.balance).toMatchObject({ available: 30, held: 70 });
    await expect(redeemPoints(database.db, { programId, memberId, points: 31 })).rejects.toMatchObject({ code: "insufficient_points" });
    const captured = await captureHold(database.db, { programId, holdId: hold.holdId, points: 50 });
    expect(captured).toMatchObject({ captured: 50, released: 20 });
    expect(captured.balance).toMatchObject({ available: 50, held: 0, lifetimeRedeemed: 50 });
    await expect(voidHold(database.db, { programId, holdId: hold.holdId })).rejects.toMatchObject({ code: "hold_not_active" });
    await expectVerified();
  });

  it("voids a hold back into available points", async () => {
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 40 }, t0);
    const hold = await holdPoints(database.db, { programId, memberId, points: 40 });
    const voided = await voidHold(database.db, { programId, holdId: hold.holdId });
    expect(voided.balance).toMatchObject({ available: 40, held: 0, lifetimeRedeemed: 0 });
    await expect(captureHold(database.db, { programId, holdId: hold.holdId, points: 100 })).rejects.toMatchObject({ code: "hold_not_active" });
    await expectVerified();
  });

  it("refuses to capture more than was held", async () => {
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 40 }, t0);
    const hold = await holdPoints(database.db, { programId, memberId, points: 20 });
    await expect(captureHold(database.db, { programId, holdId: hold.holdId, points: 21 })).rejects.toMatchObject({ code: "capture_exceeds_hold" });
  });
});

describe("expiry", () => {
  it("expires an old lot while a newer lot survives, once", async () => {
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 30, expiresAt: at(30) }, t0);
    await earnPoints(database.db, { programId, memberId, points: 20, expiresAt: at(400) }, t0);
    await redeemPoints(database.db, { programId, memberId, points: 10 });
    await expireDuePoints(database.db, { programId, now: at(31) });
    expect(await getBalance(database.db, { programId, memberId })).toMatchObject({ available: 20, lifetimeExpired: 20 });
    const again = await expireDuePoints(database.db, { programId, now: at(31) });
    expect(again.lots).toBe(0);
    expect((await getBalance(database.db, { programId, memberId })).available).toBe(20);
    await expectVerified();
  });
});

describe("idempotency", () => {
  it("replays the first result and writes nothing", async () => {
    const memberId = await newMember();
    const first = await earnPoints(database.db, { programId, memberId, points: 25, idempotencyKey: `order-${memberId}` });
    const before = await entryCount(memberId);
    const replay = await earnPoints(database.db, { programId, memberId, points: 25, idempotencyKey: `order-${memberId}` });
    expect(replay.replayed).toBe(true);
    expect(replay.entryId).toBe(first.entryId);
    expect(await entryCount(memberId)).toBe(before);
    expect((await getBalance(database.db, { programId, memberId })).available).toBe(25);
  });

  it("refuses the same key with a different request", async () => {
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 25, idempotencyKey: `k-${memberId}` });
    await expect(earnPoints(database.db, { programId, memberId, points: 26, idempotencyKey: `k-${memberId}` })).rejects.toMatchObject({ code: "idempotency_conflict", status: 409 });
    await expect(redeemPoints(database.db, { programId, memberId, points: 25, idempotencyKey: `k-${memberId}` })).rejects.toMatchObject({ code: "idempotency_conflict" });
  });
});

describe("bad input", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["negative", { points: -5 }],
    ["zero", { points: 0 }],
    ["fractional", { points: 1.5 }],
    ["huge", { points: 1e12 }],
    ["not a number", { points: "10" }],
    ["an unknown field", { points: 10, bonus: 1 }],
  ];
  it.each(cases)("refuses %s points with a validation error and writes nothing", async (_, patch) => {
    const memberId = await newMember();
    const input = { programId, memberId, ...patch } as never;
    for (const op of [earnPoints, redeemPoints, holdPoints]) {
      await expect(op(database.db, input)).rejects.toMatchObject({ code: "validation_failed", status: 422 });
    }
    // A negative adjustment is a debit, not bad input.
    if (!(typeof patch.points === "number" && patch.points < 0)) {
      await expect(adjustPoints(database.db, { ...(input as object), reason: "Correction" } as never)).rejects.toMatchObject({ code: "validation_failed" });
    }
    await expect(reverseEntry(database.db, { programId, entryId: 1, ...patch } as never)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(captureHold(database.db, { programId, holdId: "00000000-0000-4000-8000-000000000000", ...patch } as never)).rejects.toMatchObject({ code: "validation_failed" });
    expect(await entryCount(memberId)).toBe(0);
  });

  it("answers not_found for a missing member or an unknown program", async () => {
    const memberId = await newMember();
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(earnPoints(database.db, { programId, memberId: missing, points: 5 })).rejects.toMatchObject({ code: "not_found", resource: "member" });
    await expect(earnPoints(database.db, { programId: missing, memberId, points: 5 })).rejects.toMatchObject({ code: "not_found", resource: "program" });
    await expect(reverseEntry(database.db, { programId, entryId: 999_999_999 })).rejects.toMatchObject({ code: "not_found" });
    await expect(captureHold(database.db, { programId, holdId: missing })).rejects.toMatchObject({ code: "not_found" });
    expect(await entryCount(memberId)).toBe(0);
  });

  it("never reaches a member through another program", async () => {
    const other = await makeProgram(database);
    const memberId = await newMember();
    await earnPoints(database.db, { programId, memberId, points: 50 });
    await expect(redeemPoints(database.db, { programId: other.id, memberId, points: 5 })).rejects.toMatchObject({ code: "not_found" });
    await expect(getBalance(database.db, { programId: other.id, memberId })).rejects.toMatchObject({ code: "not_found" });
    const { entries } = await listHistory(database.db, { programId, memberId });
    await expect(reverseEntry(database.db, { programId: other.id, entryId: entries[0]!.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("history", () => {
  it("pages newest first with a cursor", async () => {
    const memberId = await newMember();
    for (let i = 1; i <= 5; i++) await earnPoints(database.db, { programId, memberId, points: i });
    const page1 = await listHistory(database.db, { programId, memberId, limit: 2 });
    expect(page1.entries.map((e) => e.points)).toEqual([5, 4]);
    const page2 = await listHistory(database.db, { programId, memberId, limit: 2, before: page1.nextCursor! });
    const page3 = await listHistory(database.db, { programId, memberId, limit: 2, before: page2.nextCursor! });
    expect(page3.entries.map((e) => e.points)).toEqual([1]);
    expect(page3.nextCursor).toBeNull();
  });
});

describe("append-only history", () => {
  it("refuses to edit or delete a ledger entry", async () => {
    const memberId = await newMember();
    const earn = await earnPoints(database.db, { programId, memberId, points: 10 });
    await expect(database.db.update(ledgerEntries).set({ points: 1000 }).where(eq(ledgerEntries.id, earn.entryId))).rejects.toThrow();
    await expect(database.db.delete(ledgerEntries).where(eq(ledgerEntries.id, earn.entryId))).rejects.toThrow();
    const { entries } = await listHistory(database.db, { programId, memberId });
    expect(entries[0]!.points).toBe(10);
  });
});
