import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import { ledgerEntries, purchaseRefunds, purchases } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { createStore } from "@/lib/services/stores/create-store";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { adjustDeskPoints } from "./adjust-desk-points";
import { findPurchaseForReturn } from "./find-purchase-for-return";
import { previewDeskPurchase } from "./preview-desk-purchase";
import { previewReturn } from "./preview-return";
import { recordDeskPurchase } from "./record-desk-purchase";
import { recordDeskReturn } from "./record-desk-return";

let database: Database;
const system: Actor = { kind: "system", label: "test" };
const SATURDAY = new Date("2026-11-21T18:00:00Z");
/** Purchases the returns start from are made on a weekday: on a weekend the rock basket would earn the weekend double. */
const THURSDAY = new Date("2026-11-19T18:00:00Z");

const plan: PlanDefinition = {
  ...defaultPlan(),
  rules: [
    { id: "weekend-rock", name: { es: "Doble en rock", en: "Double on rock" }, priority: 1, stacking: "combinable", conditions: { daysOfWeek: [0, 6], categories: ["rock"] }, effect: { kind: "multiplier", factor: 2 }, active: true },
    { id: "big-ticket", name: { es: "Ticket grande", en: "Big ticket" }, priority: 2, stacking: "combinable", conditions: { minTicketMinor: 1_000_000 }, effect: { kind: "fixed_bonus", points: 500 }, active: true },
  ],
};

let program: { id: string; organizationId: string };
let storeX: string;
let storeY: string;
let otherProgram: { id: string; organizationId: string };
let otherStore: string;

const user = (grant: Omit<Grant, "extraPermissions"> & { extraPermissions?: string[] }): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `${grant.role}@example.com`,
  grants: [{ extraPermissions: [], ...grant }],
});
const staffOf = (storeId: string, extra: string[] = []) => user({ organizationId: program.organizationId, programId: program.id, role: "staff", storeIds: [storeId], extraPermissions: extra });
const order = () => `T-${Math.random().toString(36).slice(2, 10)}`;

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database, { plan });
  storeX = (await createStore(database.db, system, { programId: program.id, code: "X-1", name: "Tienda X" })).id;
  storeY = (await createStore(database.db, system, { programId: program.id, code: "Y-1", name: "Tienda Y" })).id;
  otherProgram = await makeProgram(database);
  otherStore = (await createStore(database.db, system, { programId: otherProgram.id, code: "Q-1", name: "Tienda Q" })).id;
});
afterAll(async () => database.close());

const rockBasket = { amountMinor: 5_000, lines: [{ sku: "CD-1", category: "rock", quantity: 2, unitPriceMinor: 1_500 }, { sku: "BOOK-1", category: "books", quantity: 1, unitPriceMinor: 2_000 }] };

describe("desk purchases", () => {
  it("previews exactly what recording then earns, with the rules that fire and those that do not", async () => {
    const cashier = staffOf(storeX);
    const { id: memberId } = await makeMember(database, program.id);
    const input = { programId: program.id, storeId: storeX, memberId, orderId: order(), ...rockBasket };
    const preview = await previewDeskPurchase(database.db, cashier, input, SATURDAY);
    expect(preview.evaluation.points).toBe(80);
    expect(preview.evaluation.rules).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: "weekend-rock", fired: true, points: 30 }), expect.objectContaining({ ruleId: "big-ticket", fired: false, miss: { code: "min_ticket", minTicketMinor: 1_000_000 } })]));
    expect(preview.balanceAfter.available).toBe(80);

    const receipt = await recordDeskPurchase(database.db, cashier, input, SATURDAY);
    expect(receipt).toMatchObject({ pointsEarned: preview.evaluation.points, replayed: false, balance: { available: preview.balanceAfter.available } });
    expect(receipt.explanation.rules).toEqual(preview.evaluation.rules);
    expect(receipt.explanation.lines).toEqual(preview.evaluation.lines);
    // The staff user and the store are on the purchase and its ledger entry (end of day reads them).
    const [row] = await database.db.select().from(purchases).where(and(eq(purchases.programId, program.id), eq(purchases.orderId, input.orderId)));
    expect(row).toMatchObject({ storeId: storeX, channel: "pos", staffUserId: (cashier as { userId: string }).userId });
    const [entry] = await database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.programId, program.id), eq(ledgerEntries.id, receipt.entryId!)));
    expect(entry).toMatchObject({ storeId: storeX, actorType: "user", actorId: (cashier as { userId: string }).userId, orderRef: input.orderId });
  });

  it("credits an order reference once, for retries and for concurrent double submits", async () => {
    const cashier = staffOf(storeX);
    const { id: memberId } = await makeMember(database, program.id);
    const input = { programId: program.id, storeId: storeX, memberId, orderId: order(), amountMinor: 12_345 };
    const both = await Promise.all([recordDeskPurchase(database.db, cashier, input), recordDeskPurchase(database.db, cashier, input)]);
    expect(both.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(both[0].purchaseId).toBe(both[1].purchaseId);
    const again = await recordDeskPurchase(database.db, cashier, input);
    expect(again).toMatchObject({ replayed: true, pointsEarned: 123, purchaseId: both[0].purchaseId });
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(123);
    // One purchase row and one ledger entry (its earn) for the member: nothing was written twice.
    const rows = await database.db.select().from(purchases).where(and(eq(purchases.programId, program.id), eq(purchases.orderId, input.orderId)));
    expect(rows).toHaveLength(1);
    const entries = await database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.programId, program.id), eq(ledgerEntries.memberId, memberId)));
    expect(entries.map((e) => ({ id: e.id, kind: e.kind, points: e.points, orderRef: e.orderRef }))).toEqual([{ id: rows[0]!.earnEntryId, kind: "earn", points: 123, orderRef: input.orderId }]);
    expect((await verifyLedger(database.db)).ok).toBe(true);
    // The preview of the same ticket says it is already recorded and would credit nothing more.
    const preview = await previewDeskPurchase(database.db, cashier, input);
    expect(preview).toMatchObject({ alreadyRecorded: true, balanceAfter: { available: 123 } });
  });

  it("refuses a used order reference for a different purchase and writes nothing", async () => {
    const cashier = staffOf(storeX);
    const { id: memberId } = await makeMember(database, program.id);
    const { id: otherMember } = await makeMember(database, program.id);
    const orderId = order();
    await recordDeskPurchase(database.db, cashier, { programId: program.id, storeId: storeX, memberId, orderId, amountMinor: 10_000 });
    for (const changed of [{ memberId, amountMinor: 20_000 }, { memberId: otherMember, amountMinor: 10_000 }]) {
      const input = { programId: program.id, storeId: storeX, orderId, ...changed };
      await expect(recordDeskPurchase(database.db, cashier, input)).rejects.toMatchObject({ code: "order_reference_used", status: 409 });
      await expect(previewDeskPurchase(database.db, cashier, input)).rejects.toMatchObject({ code: "order_reference_used" });
    }
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(100);
    expect((await getBalance(database.db, { programId: program.id, memberId: otherMember })).available).toBe(0);
    const rows = await database.db.select().from(purchases).where(and(eq(purchases.programId, program.id), eq(purchases.orderId, orderId)));
    expect(rows).toHaveLength(1);
  });

  it("keeps staff to their stores and their program, and validates what is typed", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    const input = { programId: program.id, storeId: storeX, memberId, orderId: order(), amountMinor: 1_000 };
    await expect(previewDeskPurchase(database.db, staffOf(storeY), input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordDeskPurchase(database.db, staffOf(storeY), input)).rejects.toMatchObject({ code: "forbidden" });
    const foreign = user({ organizationId: otherProgram.organizationId, programId: otherProgram.id, role: "staff", storeIds: [otherStore] });
    await expect(recordDeskPurchase(database.db, foreign, input)).rejects.toMatchObject({ code: "not_found" });
    // A store of another program, or a member of another program, is simply not found.
    const admin = user({ organizationId: program.organizationId, programId: null, role: "admin", storeIds: [] });
    await expect(recordDeskPurchase(database.db, admin, { ...input, storeId: otherStore })).rejects.toMatchObject({ code: "not_found" });
    const { id: outsider } = await makeMember(database, otherProgram.id);
    await expect(recordDeskPurchase(database.db, admin, { ...input, memberId: outsider })).rejects.toMatchObject({ code: "not_found" });
    await expect(recordDeskPurchase(database.db, staffOf(storeX), { ...input, orderId: " ", amountMinor: 0 })).rejects.toMatchObject({ code: "validation_failed", fields: { orderId: expect.any(Array), amountMinor: expect.any(Array) } });
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(0);
  });
});

describe("desk returns", () => {
  async function bought(storeId = storeX, basket: { amountMinor: number; lines?: typeof rockBasket.lines } = { amountMinor: 10_000 }) {
    const { id: memberId } = await makeMember(database, program.id);
    const orderId = order();
    const receipt = await recordDeskPurchase(database.db, staffOf(storeId), { programId: program.id, storeId, memberId, orderId, ...basket }, THURSDAY);
    return { memberId, orderId, receipt };
  }

  it("previews exactly the reversal the return then records, with the store and the cashier on it", async () => {
    const cashier = staffOf(storeX);
    const { memberId, orderId } = await bought();
    const found = await findPurchaseForReturn(database.db, cashier, { programId: program.id, storeId: storeX, orderId });
    expect(found).toMatchObject({ orderId, amountMinor: 10_000, pointsEarned: 100, store: { id: storeX }, member: { id: memberId } });
    const input = { programId: program.id, storeId: storeX, orderId, amountMinor: 3_050, idempotencyKey: randomUUID() };
    const preview = await previewReturn(database.db, cashier, input);
    expect(preview).toMatchObject({ refundMinor: 3_050, pointsReversed: 30, clawback: { points: 0 }, blocked: false, balanceAfter: { available: 70 } });
    const refund = await recordDeskReturn(database.db, cashier, input);
    expect(refund).toMatchObject({ pointsReversed: preview.pointsReversed, clawback: preview.clawback, balance: preview.balanceAfter, refundedAmount: 30.5 });
    // A double submit of the same form returns the same refund.
    expect(await recordDeskReturn(database.db, cashier, input)).toMatchObject({ refundId: refund.refundId, replayed: true });
    const [row] = await database.db.select().from(purchaseRefunds).where(and(eq(purchaseRefunds.programId, program.id), eq(purchaseRefunds.id, refund.refundId)));
    expect(row).toMatchObject({ storeId: storeX, actorType: "user", actorId: (cashier as { userId: string }).userId, pointsReversed: 30 });
    const [entry] = await database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.programId, program.id), eq(ledgerEntries.id, row!.entryId!)));
    expect(entry).toMatchObject({ kind: "reverse", storeId: storeX, actorId: (cashier as { userId: string }).userId });
  });

  it("never reverses more than the purchase earned over partial returns, by amount and by lines", async () => {
    const cashier = staffOf(storeX);
    const { memberId, orderId, receipt } = await bought(storeX, rockBasket);
    expect(receipt.pointsEarned).toBe(50);
    let reversed = 0;
    for (const part of [{ lines: [{ sku: "CD-1", quantity: 1 }] }, { amountMinor: 1_333 }, { lines: [{ sku: "BOOK-1", quantity: 1 }] }]) {
      const input = { programId: program.id, storeId: storeX, orderId, ...part };
      const preview = await previewReturn(database.db, cashier, input);
      const refund = await recordDeskReturn(database.db, cashier, input);
      expect(refund.pointsReversed).toBe(preview.pointsReversed);
      reversed += refund.pointsReversed;
    }
    const rest = await previewReturn(database.db, cashier, { programId: program.id, storeId: storeX, orderId });
    reversed += (await recordDeskReturn(database.db, cashier, { programId: program.id, storeId: storeX, orderId })).pointsReversed;
    expect(rest.refundMinor).toBeGreaterThan(0);
    expect(reversed).toBe(50);
    await expect(previewReturn(database.db, cashier, { programId: program.id, storeId: storeX, orderId, amountMinor: 1 })).rejects.toMatchObject({ code: "refund_exceeds_purchase" });
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(0);
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });

  it("shows the clawback of spent points before confirming", async () => {
    const cashier = staffOf(storeX);
    const { memberId, orderId } = await bought();
    await redeemPoints(database.db, { programId: program.id, memberId, points: 80 });
    const input = { programId: program.id, storeId: storeX, orderId };
    const preview = await previewReturn(database.db, cashier, input);
    expect(preview).toMatchObject({ pointsReversed: 100, fromAvailable: 20, clawback: { points: 80, policy: "negative_forbidden_forfeit" }, balanceAfter: { available: 0 } });
    expect(await recordDeskReturn(database.db, cashier, input)).toMatchObject({ pointsReversed: 100, clawback: preview.clawback, balance: preview.balanceAfter });
  });

  it("finds only this program's purchases, made at the cashier's stores", async () => {
    const { orderId } = await bought(storeY);
    await expect(findPurchaseForReturn(database.db, staffOf(storeX), { programId: program.id, storeId: storeX, orderId })).rejects.toMatchObject({ code: "purchase_other_store", details: { store: "Tienda Y" } });
    await expect(recordDeskReturn(database.db, staffOf(storeX), { programId: program.id, storeId: storeX, orderId })).rejects.toMatchObject({ code: "purchase_other_store" });
    // Working at both stores, or as an admin, it is found.
    const both = user({ organizationId: program.organizationId, programId: program.id, role: "staff", storeIds: [storeX, storeY] });
    expect(await findPurchaseForReturn(database.db, both, { programId: program.id, storeId: storeX, orderId })).toMatchObject({ orderId });
    const foreign = user({ organizationId: otherProgram.organizationId, programId: otherProgram.id, role: "staff", storeIds: [otherStore] });
    await expect(findPurchaseForReturn(database.db, foreign, { programId: otherProgram.id, storeId: otherStore, orderId })).rejects.toMatchObject({ code: "purchase_not_found" });
    await expect(findPurchaseForReturn(database.db, foreign, { programId: program.id, storeId: storeX, orderId })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("desk adjustments", () => {
  it("needs points:adjust, wants a reason, is audited, and never drives available below zero", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    const input = { programId: program.id, storeId: storeX, memberId, points: 40, reason: "Ticket mal capturado", idempotencyKey: randomUUID() };
    await expect(adjustDeskPoints(database.db, staffOf(storeX), input)).rejects.toMatchObject({ code: "forbidden" });
    const lead = staffOf(storeX, ["points:adjust"]);
    await expect(adjustDeskPoints(database.db, staffOf(storeY, ["points:adjust"]), input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(adjustDeskPoints(database.db, lead, { ...input, reason: " " })).rejects.toMatchObject({ code: "validation_failed", fields: { reason: expect.any(Array) } });
    expect(await adjustDeskPoints(database.db, lead, input)).toMatchObject({ points: 40, balance: { available: 40 }, replayed: false });
    expect(await adjustDeskPoints(database.db, lead, input)).toMatchObject({ replayed: true });
    await expect(adjustDeskPoints(database.db, lead, { ...input, points: -41, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "insufficient_points" });
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(40);
    const audit = await listAuditEntries(database.db, { programId: program.id, action: "points.adjust", limit: 10 });
    expect(audit.filter((a) => a.targetId === memberId)).toHaveLength(1);
    const [entry] = await database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.programId, program.id), eq(ledgerEntries.memberId, memberId), eq(ledgerEntries.kind, "adjust")));
    expect(entry).toMatchObject({ storeId: storeX, actorId: (lead as { userId: string }).userId });
  });
});
