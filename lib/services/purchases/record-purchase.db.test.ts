import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { idempotencyKeys, purchases } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { getBalance, listHistory } from "@/lib/services/ledger/get-balance";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { createStore } from "@/lib/services/stores/create-store";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { recordPurchase } from "./record-purchase";

let database: Database;
const system: Actor = { kind: "system", label: "test" };
const SATURDAY = new Date("2026-11-21T18:00:00Z");
const MONDAY = new Date("2026-11-23T18:00:00Z");

const weekendPlan: PlanDefinition = {
  ...defaultPlan(),
  rules: [
    {
      id: "weekend-rock",
      name: { es: "Doble en rock los fines de semana", en: "Double on rock at weekends" },
      priority: 1,
      stacking: "combinable",
      conditions: { daysOfWeek: [0, 6], categories: ["rock"] },
      effect: { kind: "multiplier", factor: 2 },
      active: true,
    },
  ],
};

let programId: string;
let weekendProgramId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  programId = (await makeProgram(database)).id;
  weekendProgramId = (await makeProgram(database, { plan: weekendPlan })).id;
});
afterAll(async () => database.close());

const order = () => `ORD-${Math.random().toString(36).slice(2, 10)}`;

describe("recordPurchase", () => {
  it("credits base points once per order reference, whatever the retries", async () => {
    const { id: memberId } = await makeMember(database, programId);
    const input = { programId, memberId, orderId: order(), amountMinor: 15_050, currency: "MXN", channel: "pos" as const };
    const first = await recordPurchase(database.db, system, input, MONDAY);
    expect(first).toMatchObject({ pointsEarned: 150, replayed: false, balance: { available: 150 } });
    const retries = await Promise.all([1, 2, 3].map(() => recordPurchase(database.db, system, input, MONDAY)));
    expect(retries.every((r) => r.replayed && r.purchaseId === first.purchaseId)).toBe(true);
    await expect(recordPurchase(database.db, system, { ...input, amountMinor: 99 }, MONDAY)).rejects.toMatchObject({ code: "order_exists", status: 409, details: { orderId: input.orderId, purchaseId: first.purchaseId } });
    expect((await getBalance(database.db, { programId, memberId })).available).toBe(150);
  });

  it("refuses an order reference sent again after its idempotency record expired, with the purchase it names", async () => {
    const { id: memberId } = await makeMember(database, programId);
    const input = { programId, memberId, orderId: order(), amountMinor: 10_000, currency: "MXN", channel: "pos" as const };
    const first = await recordPurchase(database.db, system, input, MONDAY);
    // What the hourly cleanup does 8 days later, for this order only (other files share the database).
    await database.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.programId, programId), eq(idempotencyKeys.key, `ledger:order:${input.orderId}`)));
    const nineDaysLater = new Date(MONDAY.getTime() + 9 * 86_400_000);
    for (const resend of [input, { ...input, amountMinor: 5_000 }]) {
      await expect(recordPurchase(database.db, system, resend, nineDaysLater)).rejects.toMatchObject({ code: "order_exists", status: 409, details: { purchaseId: first.purchaseId } });
    }
    expect((await getBalance(database.db, { programId, memberId })).available).toBe(100);
    expect(await database.db.select().from(purchases).where(and(eq(purchases.programId, programId), eq(purchases.orderId, input.orderId)))).toHaveLength(1);
    // Nothing of the refused resends stays behind: no idempotency record that would replay a refusal.
    expect(await database.db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.programId, programId), eq(idempotencyKeys.key, `ledger:order:${input.orderId}`)))).toEqual([]);
  });

  it("doubles rock lines on a Saturday and stores the explanation with the entry", async () => {
    const { id: memberId } = await makeMember(database, weekendProgramId);
    const lines = [
      { sku: "CD-1", category: "rock", quantity: 2, unitPriceMinor: 1500 },
      { sku: "BOOK-1", category: "books", quantity: 1, unitPriceMinor: 2000 },
    ];
    const saturday = await recordPurchase(database.db, system, { programId: weekendProgramId, memberId, orderId: order(), amountMinor: 5000, currency: "MXN", channel: "pos", lines, occurredAt: SATURDAY }, SATURDAY);
    expect(saturday.pointsEarned).toBe(80);
    expect(saturday.explanation.rules).toEqual([{ ruleId: "weekend-rock", fired: true, points: 30 }]);
    const monday = await recordPurchase(database.db, system, { programId: weekendProgramId, memberId, orderId: order(), amountMinor: 5000, currency: "MXN", channel: "pos", lines, occurredAt: MONDAY }, MONDAY);
    expect(monday.pointsEarned).toBe(50);
    const { entries } = await listHistory(database.db, { programId: weekendProgramId, memberId });
    const saturdayEntry = entries.find((e) => e.id === saturday.entryId)!;
    expect(saturdayEntry.explanation).toMatchObject({ points: 80, rules: [{ ruleId: "weekend-rock", fired: true }], lines: [{ line: 1, points: 60 }, { line: 2, points: 20 }] });
  });

  it("upgrades the tier as soon as a purchase qualifies", async () => {
    const { id: memberId } = await makeMember(database, programId);
    const small = await recordPurchase(database.db, system, { programId, memberId, orderId: order(), amountMinor: 10_000, currency: "MXN", channel: "ecommerce" }, MONDAY);
    expect(small.tierChange).toEqual({ from: null, to: "bronze" });
    const big = await recordPurchase(database.db, system, { programId, memberId, orderId: order(), amountMinor: 45_000, currency: "MXN", channel: "ecommerce" }, MONDAY);
    expect(big.tierChange).toEqual({ from: "bronze", to: "silver" });
  });

  it.each([
    ["another currency", { currency: "USD" }, "currency"],
    ["a negative amount", { amountMinor: -1 }, "amountMinor"],
    ["lines that do not add up", { lines: [{ sku: "X", quantity: 1, unitPriceMinor: 100 }] }, "amountMinor"],
    ["an unknown channel", { channel: "fax" }, "channel"],
    ["an unknown field", { coupon: "FREE" }, "_"],
  ])("refuses %s with a field error and writes nothing", async (_, patch, field) => {
    const { id: memberId } = await makeMember(database, programId);
    const input = { programId, memberId, orderId: order(), amountMinor: 5000, currency: "MXN", channel: "pos", ...patch } as never;
    const error = await recordPurchase(database.db, system, input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "validation_failed" });
    expect(Object.keys((error as { fields: Record<string, unknown> }).fields)).toContain(field);
    expect((await listHistory(database.db, { programId, memberId })).entries).toHaveLength(0);
  });

  it("keeps staff to their stores and everyone to their program", async () => {
    const program = await makeProgram(database);
    const storeX = await createStore(database.db, system, { programId: program.id, code: "X-1", name: "Tienda X" });
    const storeY = await createStore(database.db, system, { programId: program.id, code: "Y-1", name: "Tienda Y" });
    const staffX: Actor = { kind: "user", userId: "00000000-0000-4000-8000-00000000000a", email: "x@example.com", grants: [{ organizationId: program.organizationId, programId: program.id, role: "staff", storeIds: [storeX.id], extraPermissions: [] }] };
    const { id: memberId } = await makeMember(database, program.id);
    const base = { programId: program.id, memberId, amountMinor: 1000, currency: "MXN", channel: "pos" as const };
    await expect(recordPurchase(database.db, staffX, { ...base, orderId: order(), storeId: storeX.id })).resolves.toMatchObject({ pointsEarned: 10 });
    await expect(recordPurchase(database.db, staffX, { ...base, orderId: order(), storeId: storeY.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordPurchase(database.db, staffX, { ...base, programId, orderId: order() })).rejects.toMatchObject({ code: "not_found" });
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });
});
