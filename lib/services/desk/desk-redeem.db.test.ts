import { randomUUID } from "node:crypto";
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { ledgerEntries, pointAccounts, programs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { zonedDayEnd, zonedDayStart } from "@/lib/domain/audit/zoned-day";
import { localDate } from "@/lib/domain/desk/end-of-day";
import { redeemCoupon } from "@/lib/services/coupons/validate-coupon";
import { adjustMemberPoints } from "@/lib/services/ledger/adjust-member-points";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { createReward } from "@/lib/services/rewards/manage-rewards";
import { redeemReward } from "@/lib/services/rewards/redeem-reward";
import { createStore } from "@/lib/services/stores/create-store";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { getDeskRedeemContext, placeDeskHold, redeemRewardAtDesk, settleDeskHold } from "./desk-redemption";
import { getEndOfDayCsv, getEndOfDayReport } from "./end-of-day-report";

let database: Database;
let program: ProgramRow;
let storeX: string;
let storeY: string;
let rewardId: string;
const system: Actor = { kind: "system", label: "test" };
const staff = (stores: string[], role: "staff" | "admin" | "marketer" = "staff"): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `${role}-${randomUUID().slice(0, 6)}@example.com`,
  grants: [{ organizationId: program.organizationId, programId: program.id, role, storeIds: stores, extraPermissions: ["points:adjust"] }],
});

beforeAll(async () => {
  database = await openTestDatabase({ isolated: true });
  program = await makeProgram(database);
  await database.db.update(programs).set({ settings: { pointValueMilli: 100_000 } }).where(eq(programs.id, program.id));
  storeX = (await createStore(database.db, system, { programId: program.id, code: "S-X", name: "Centro" })).id;
  storeY = (await createStore(database.db, system, { programId: program.id, code: "S-Y", name: "Norte" })).id;
  rewardId = (await createReward(database.db, system, { programId: program.id, kind: "free_product", name: { es: "Café", en: "Coffee" }, pointsPrice: 50, couponValidDays: 30 })).id;
});
afterAll(async () => database.close());

let order = 0;
async function buy(actor: Actor, memberId: string, storeId: string, amountMinor: number, occurredAt?: Date) {
  const orderId = `eod-${++order}-${randomUUID().slice(0, 6)}`;
  const result = await recordPurchase(database.db, actor, { programId: program.id, memberId, orderId, amountMinor, currency: "MXN", channel: "pos", storeId, occurredAt });
  return { orderId, points: result.pointsEarned };
}

describe("redeeming at the desk", () => {
  it("issues a reward's coupon and marks it used on the spot, once", async () => {
    const cashier = staff([storeX]);
    const { id: memberId } = await makeMember(database, program.id);
    await buy(cashier, memberId, storeX, 200_00);
    const before = await getDeskRedeemContext(database.db, cashier, { programId: program.id, storeId: storeX, memberId });
    expect(before.groups.flatMap((g) => g.rewards).map((r) => r.id)).toContain(rewardId);
    const key = randomUUID();
    const result = await redeemRewardAtDesk(database.db, cashier, { programId: program.id, storeId: storeX, memberId, rewardId, useNow: true, idempotencyKey: key });
    expect(result.usedCoupon).toMatchObject({ status: "redeemed", usedStoreId: storeX });
    expect(result.balance.available).toBe(before.balance.available - 50);
    // The same click again (a double tap) replays: no second debit, no second coupon.
    const again = await redeemRewardAtDesk(database.db, cashier, { programId: program.id, storeId: storeX, memberId, rewardId, useNow: true, idempotencyKey: key });
    expect(again.coupon.code).toBe(result.coupon.code);
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(before.balance.available - 50);
    await expect(redeemCoupon(database.db, cashier, { programId: program.id, storeId: storeX, code: result.coupon.code })).rejects.toMatchObject({ code: "coupon_already_redeemed" });
  });

  it("refuses a staff member at a store they do not work at", async () => {
    const cashier = staff([storeY]);
    const { id: memberId } = await makeMember(database, program.id);
    await expect(getDeskRedeemContext(database.db, cashier, { programId: program.id, storeId: storeX, memberId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(redeemRewardAtDesk(database.db, cashier, { programId: program.id, storeId: storeX, memberId, rewardId, idempotencyKey: "k" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("redeems a coupon exactly once when two counters try at the same time", async () => {
    const a = staff([storeX]);
    const b = staff([storeX, storeY]);
    const { id: memberId } = await makeMember(database, program.id);
    await buy(a, memberId, storeX, 200_00);
    const { coupon } = await redeemReward(database.db, a, { programId: program.id, memberId, rewardId, storeId: storeX });
    const attempts = await Promise.allSettled([
      redeemCoupon(database.db, a, { programId: program.id, storeId: storeX, code: coupon.code }),
      redeemCoupon(database.db, b, { programId: program.id, storeId: storeY, code: coupon.code }),
    ]);
    expect(attempts.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "coupon_already_redeemed" });
  });

  it("holds points (or their money value), then captures or voids them", async () => {
    const cashier = staff([storeX]);
    const { id: memberId } = await makeMember(database, program.id);
    await buy(cashier, memberId, storeX, 500_00);
    const start = (await getBalance(database.db, { programId: program.id, memberId })).available;
    const hold = await placeDeskHold(database.db, cashier, { programId: program.id, storeId: storeX, memberId, points: 40, idempotencyKey: randomUUID() });
    expect(hold.balance).toMatchObject({ available: start - 40, held: 40 });
    const captured = await settleDeskHold(database.db, cashier, { programId: program.id, storeId: storeX, memberId, holdId: hold.id, action: "capture", idempotencyKey: randomUUID() });
    expect(captured.balance).toMatchObject({ available: start - 40, held: 0 });
    // A point is worth 1.00 MXN here: 12.50 MXN needs 13 points (rounded up).
    const byMoney = await placeDeskHold(database.db, cashier, { programId: program.id, storeId: storeX, memberId, amountMinor: 12_50, idempotencyKey: randomUUID() });
    expect(byMoney).toMatchObject({ points: 13, valueMinor: 13_00 });
    const voided = await settleDeskHold(database.db, cashier, { programId: program.id, storeId: storeX, memberId, holdId: byMoney.id, action: "void", idempotencyKey: randomUUID() });
    expect(voided.balance).toMatchObject({ available: start - 40, held: 0 });
    await expect(settleDeskHold(database.db, cashier, { programId: program.id, storeId: storeX, memberId, holdId: byMoney.id, action: "capture", idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "hold_not_active" });
    // Another member's hold id is "not found" from this member's screen.
    const { id: other } = await makeMember(database, program.id);
    await expect(settleDeskHold(database.db, cashier, { programId: program.id, storeId: storeX, memberId: other, holdId: hold.id, action: "void", idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("end of day", () => {
  it("adds up a day at two stores by two people, and the totals reconcile with the ledger", async () => {
    // A program of its own, so every entry of the day belongs to this scenario.
    program = await makeProgram(database);
    storeX = (await createStore(database.db, system, { programId: program.id, code: "S-X", name: "Centro" })).id;
    storeY = (await createStore(database.db, system, { programId: program.id, code: "S-Y", name: "Norte" })).id;
    rewardId = (await createReward(database.db, system, { programId: program.id, kind: "free_product", name: { es: "Café", en: "Coffee" }, pointsPrice: 50, couponValidDays: 30 })).id;
    const ana = staff([storeX]);
    const beto = staff([storeX, storeY]);
    const [m1, m2, m3] = await Promise.all([makeMember(database, program.id), makeMember(database, program.id), makeMember(database, program.id)]);

    const p1 = await buy(ana, m1!.id, storeX, 300_00);
    await buy(beto, m2!.id, storeX, 450_50);
    await buy(beto, m3!.id, storeY, 120_00);
    await redeemRewardAtDesk(database.db, ana, { programId: program.id, storeId: storeX, memberId: m1!.id, rewardId, useNow: true, idempotencyKey: randomUUID() });
    const { coupon } = await redeemReward(database.db, ana, { programId: program.id, memberId: m2!.id, rewardId, storeId: storeX });
    await redeemCoupon(database.db, beto, { programId: program.id, storeId: storeX, code: coupon.code });
    const hold = await placeDeskHold(database.db, beto, { programId: program.id, storeId: storeX, memberId: m2!.id, points: 30, idempotencyKey: randomUUID() });
    await settleDeskHold(database.db, beto, { programId: program.id, storeId: storeX, memberId: m2!.id, holdId: hold.id, action: "capture", idempotencyKey: randomUUID() });
    const cancelled = await placeDeskHold(database.db, beto, { programId: program.id, storeId: storeX, memberId: m2!.id, points: 20, idempotencyKey: randomUUID() });
    await settleDeskHold(database.db, beto, { programId: program.id, storeId: storeX, memberId: m2!.id, holdId: cancelled.id, action: "void", idempotencyKey: randomUUID() });
    await refundPurchase(database.db, ana, { programId: program.id, orderId: p1.orderId, amount: 100, storeId: storeX });
    await adjustMemberPoints(database.db, beto, { programId: program.id, memberId: m2!.id, points: 15, reason: "Cortesía", storeId: storeX });
    await adjustMemberPoints(database.db, beto, { programId: program.id, memberId: m3!.id, points: -5, reason: "Corrección", storeId: storeY });

    const admin = staff([], "admin");
    const x = await getEndOfDayReport(database.db, ana, { programId: program.id, storeId: storeX });
    const y = await getEndOfDayReport(database.db, admin, { programId: program.id, storeId: storeY });
    expect(x.date).toBe(localDate(new Date(), program.timeZone));

    const key = (a: Actor) => `user:${(a as { userId: string }).userId}`;
    const anaX = x.report.byActor.find((r) => r.actor === key(ana))!.activity;
    const betoX = x.report.byActor.find((r) => r.actor === key(beto))!.activity;
    expect(anaX).toMatchObject({ purchases: 1, purchaseAmountMinor: 300_00, redemptions: 2, pointsRedeemed: 100, couponsRedeemed: 1, returns: 1, returnAmountMinor: 100_00, adjustments: 0 });
    expect(betoX).toMatchObject({ purchases: 1, purchaseAmountMinor: 450_50, redemptions: 1, pointsRedeemed: 30, couponsRedeemed: 1, adjustments: 1, pointsAdded: 15, pointsRemoved: 0 });
    expect(x.report.totals).toMatchObject({ purchases: 2, purchaseAmountMinor: 750_50, couponsRedeemed: 2, redemptions: 3 });
    expect(y.report.totals).toMatchObject({ purchases: 1, purchaseAmountMinor: 120_00, adjustments: 1, pointsRemoved: 5, redemptions: 0 });
    // Ana issued two rewards (one used at once, one used later by Beto); Beto captured a hold.
    expect(x.report.totals.pointsRedeemed).toBe(50 + 50 + 30);

    // Reconciliation: the ledger's own sums for the day.
    const from = zonedDayStart(x.date, program.timeZone);
    const to = zonedDayEnd(x.date, program.timeZone);
    const [issued] = await database.db
      .select({ x: sql<string>`coalesce(sum(${ledgerEntries.points}) filter (where ${ledgerEntries.storeId} = ${storeX}), 0)`, y: sql<string>`coalesce(sum(${ledgerEntries.points}) filter (where ${ledgerEntries.storeId} = ${storeY}), 0)` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.programId, program.id), eq(ledgerEntries.kind, "earn"), gte(ledgerEntries.occurredAt, from), lt(ledgerEntries.occurredAt, to)));
    expect(x.report.totals.pointsIssued).toBe(Number(issued!.x));
    expect(y.report.totals.pointsIssued).toBe(Number(issued!.y));
    const [net] = await database.db
      .select({ n: sql<string>`coalesce(sum(${ledgerEntries.availableDelta} + ${ledgerEntries.pendingDelta} + ${ledgerEntries.heldDelta}), 0)` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.programId, program.id), gte(ledgerEntries.occurredAt, from), lt(ledgerEntries.occurredAt, to)));
    const [balances] = await database.db
      .select({ n: sql<string>`sum(${pointAccounts.available} + ${pointAccounts.pending} + ${pointAccounts.held})` })
      .from(pointAccounts)
      .where(and(eq(pointAccounts.programId, program.id), inArray(pointAccounts.memberId, [m1!.id, m2!.id, m3!.id])));
    expect(x.report.totals.netPoints + y.report.totals.netPoints).toBe(Number(net!.n));
    expect(x.report.totals.netPoints + y.report.totals.netPoints).toBe(Number(balances!.n));
    expect((await verifyLedger(database.db, { programSlug: program.slug })).ok).toBe(true);

    // The CSV carries the same totals.
    const csv = await getEndOfDayCsv(database.db, ana, { programId: program.id, storeId: storeX });
    const total = csv.body.trim().split("\r\n").at(-1)!.split(",");
    expect(total.slice(2, 6)).toEqual(["TOTAL", "2", "750.50", String(x.report.totals.pointsIssued)]);
    expect(total.at(-1)).toBe(String(x.report.totals.netPoints));
  });

  it("puts activity on the program's local day", async () => {
    const cashier = staff([storeX]);
    const { id: memberId } = await makeMember(database, program.id);
    const today = localDate(new Date(), program.timeZone);
    const midnight = zonedDayStart(today, program.timeZone);
    const yesterday = localDate(new Date(midnight.getTime() - 1), program.timeZone);
    const before = await getEndOfDayReport(database.db, cashier, { programId: program.id, storeId: storeX, date: yesterday });
    await buy(cashier, memberId, storeX, 10_00, new Date(midnight.getTime() - 1000));
    await buy(cashier, memberId, storeX, 20_00, midnight);
    const after = await getEndOfDayReport(database.db, cashier, { programId: program.id, storeId: storeX, date: yesterday });
    expect(after.report.totals.purchases - before.report.totals.purchases).toBe(1);
    expect(after.report.totals.purchaseAmountMinor - before.report.totals.purchaseAmountMinor).toBe(10_00);
    const todays = await getEndOfDayReport(database.db, cashier, { programId: program.id, storeId: storeX, date: today });
    expect(todays.report.byActor.find((r) => r.actor === `user:${(cashier as { userId: string }).userId}`)!.activity).toMatchObject({ purchases: 1, purchaseAmountMinor: 20_00 });
  });

  it("shows a cashier only their own stores; an admin any store; others nothing", async () => {
    const cashierY = staff([storeY]);
    await expect(getEndOfDayReport(database.db, cashierY, { programId: program.id, storeId: storeX })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getEndOfDayCsv(database.db, cashierY, { programId: program.id, storeId: storeX })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getEndOfDayReport(database.db, staff([], "marketer"), { programId: program.id, storeId: storeX })).rejects.toMatchObject({ code: "forbidden" });
    const outsider: Actor = { kind: "user", userId: randomUUID(), email: "o@example.com", grants: [{ organizationId: randomUUID(), programId: null, role: "admin", storeIds: [], extraPermissions: [] }] };
    await expect(getEndOfDayReport(database.db, outsider, { programId: program.id, storeId: storeX })).rejects.toMatchObject({ code: "not_found" });
    await expect(getEndOfDayReport(database.db, staff([], "admin"), { programId: program.id, storeId: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
    await expect(getEndOfDayReport(database.db, staff([], "admin"), { programId: program.id, storeId: storeX, date: "2026-02-30" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
