import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { domainEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { holdPoints } from "@/lib/services/ledger/hold-points";
import { expireDuePoints } from "@/lib/services/ledger/process-due-lots";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { reverseEntry } from "@/lib/services/ledger/reverse-entry";
import { captureHold } from "@/lib/services/ledger/settle-hold";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { announceExpiringPoints } from "./announce-expiring-points";

let database: Database;
const system: Actor = { kind: "system", label: "test" };
const DAY = 86_400_000;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function eventsOf(programId: string, type?: string) {
  const rows = await database.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.programId, programId), type ? eq(domainEvents.type, type) : undefined))
    .orderBy(asc(domainEvents.id));
  return rows.map((r) => ({ type: r.type, data: r.payload as Record<string, unknown> }));
}

describe("domain events written with the change", () => {
  it("announces enrolment, earning, redemption, capture and reversal", async () => {
    const program = await makeProgram(database);
    const member = await makeMember(database, program.id);
    const earned = await earnPoints(database.db, { programId: program.id, memberId: member.id, points: 100, orderRef: "A-1" });
    await redeemPoints(database.db, { programId: program.id, memberId: member.id, points: 30 });
    const hold = await holdPoints(database.db, { programId: program.id, memberId: member.id, points: 20 });
    await captureHold(database.db, { programId: program.id, holdId: hold.holdId, points: 15 });
    await reverseEntry(database.db, { programId: program.id, entryId: earned.entryId, points: 10 });
    // A replayed operation writes nothing, and so announces nothing.
    await earnPoints(database.db, { programId: program.id, memberId: member.id, points: 5, idempotencyKey: "k-1" });
    await earnPoints(database.db, { programId: program.id, memberId: member.id, points: 5, idempotencyKey: "k-1" });

    expect(await eventsOf(program.id)).toEqual([
      { type: "member.created", data: expect.objectContaining({ memberId: member.id, cardNumber: member.cardNumber, enrolmentChannel: expect.any(String) }) },
      { type: "points.earned", data: expect.objectContaining({ memberId: member.id, points: 100, pending: false, orderRef: "A-1", balance: { available: 100, pending: 0 } }) },
      { type: "points.redeemed", data: expect.objectContaining({ memberId: member.id, points: 30, holdId: null, balance: { available: 70, pending: 0 } }) },
      { type: "points.redeemed", data: expect.objectContaining({ memberId: member.id, points: 15, holdId: hold.holdId, balance: { available: 55, pending: 0 } }) },
      { type: "points.reversed", data: expect.objectContaining({ memberId: member.id, points: 10, reversedEntryId: earned.entryId, reversedKind: "earn", balance: { available: 45, pending: 0 } }) },
      { type: "points.earned", data: expect.objectContaining({ points: 5 }) },
    ]);
  });

  it("announces a purchase's points with its order and purchase, and the tier it reaches", async () => {
    const program = await makeProgram(database);
    const member = await makeMember(database, program.id);
    const purchase = await recordPurchase(database.db, system, { programId: program.id, memberId: member.id, orderId: "ORD-T1", amountMinor: 60_000, currency: "MXN", channel: "pos" });
    expect(await eventsOf(program.id, "points.earned")).toEqual([
      { type: "points.earned", data: expect.objectContaining({ memberId: member.id, points: purchase.pointsEarned, orderRef: "ORD-T1", purchaseId: purchase.purchaseId }) },
    ]);
    expect(purchase.tierChange).not.toBeNull();
    expect(await eventsOf(program.id, "tier.changed")).toEqual([{ type: "tier.changed", data: { memberId: member.id, from: purchase.tierChange!.from, to: purchase.tierChange!.to, reason: "qualified" } }]);
  });

  it("announces expiring lots once per lot, and expired points once per member and run", async () => {
    const program = await makeProgram(database);
    const a = await makeMember(database, program.id);
    const b = await makeMember(database, program.id);
    const now = new Date();
    await earnPoints(database.db, { programId: program.id, memberId: a.id, points: 40, expiresAt: new Date(now.getTime() + 10 * DAY) });
    await earnPoints(database.db, { programId: program.id, memberId: a.id, points: 15, expiresAt: new Date(now.getTime() + 20 * DAY) });
    await earnPoints(database.db, { programId: program.id, memberId: a.id, points: 99, expiresAt: new Date(now.getTime() + 90 * DAY) });
    await earnPoints(database.db, { programId: program.id, memberId: b.id, points: 7, expiresAt: new Date(now.getTime() + 5 * DAY) });

    const [first, again] = [await announceExpiringPoints(database.db, { programId: program.id, now }), await announceExpiringPoints(database.db, { programId: program.id, now: new Date(now.getTime() + DAY) })];
    expect(first).toEqual({ members: 2, lots: 3, points: 62 });
    expect(again).toEqual({ members: 0, lots: 0, points: 0 });
    const expiring = await eventsOf(program.id, "points.expiring");
    expect(expiring.map((e) => [e.data.memberId, e.data.points, (e.data.lots as unknown[]).length]).sort()).toEqual([[a.id, 55, 2], [b.id, 7, 1]].sort());
    // The 90-day lot enters the window later and is announced then.
    expect(await announceExpiringPoints(database.db, { programId: program.id, now: new Date(now.getTime() + 61 * DAY) })).toEqual({ members: 1, lots: 1, points: 99 });

    const later = new Date(now.getTime() + 25 * DAY);
    expect(await expireDuePoints(database.db, { programId: program.id, now: later })).toMatchObject({ accounts: 2, points: 62 });
    expect(await expireDuePoints(database.db, { programId: program.id, now: later })).toMatchObject({ accounts: 0 });
    const expired = await eventsOf(program.id, "points.expired");
    expect(expired.map((e) => [e.data.memberId, e.data.points]).sort()).toEqual([[a.id, 55], [b.id, 7]].sort());
  });
});
