import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan, type ExpiryPolicy } from "@/lib/domain/plan/plan-definition";
import { findJob } from "@/lib/jobs/lifecycle-jobs";
import { createMember } from "@/lib/services/members/create-member";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { applyInactivityPolicy } from "./apply-inactivity-policy";
import { getBalance, listHistory } from "./get-balance";
import { expireDuePoints } from "./process-due-lots";
import { redeemPoints } from "./redeem-points";
import { verifyLedger } from "./verify-ledger";

let database: Database;
const system: Actor = { kind: "system", label: "test" };
const d = (iso: string) => new Date(iso);

beforeAll(async () => {
  database = await openTestDatabase({ isolated: true });
});
afterAll(async () => database.close());

// The test program's zone is America/Mexico_City (UTC-6); 1 point per 100 minor units.
const slugs = new Map<string, string>();
async function programWith(expiry: ExpiryPolicy) {
  const program = await makeProgram(database, { plan: { ...defaultPlan(), tiers: [], expiry } });
  slugs.set(program.id, program.slug);
  return program.id;
}

async function ledgerOk(programId: string) {
  return (await verifyLedger(database.db, { programSlug: slugs.get(programId)! })).ok;
}

async function memberOf(programId: string, enrolledAt = d("2024-01-01T00:00:00Z")) {
  return (await createMember(database.db, { programId, name: "Clock Member", email: `${crypto.randomUUID().slice(0, 8)}@example.com`, enrolledAt }, enrolledAt)).id;
}

async function buy(programId: string, memberId: string, at: string, points: number) {
  const when = d(at);
  await recordPurchase(database.db, system, { programId, memberId, orderId: `ORD-${crypto.randomUUID().slice(0, 8)}`, amountMinor: points * 100, currency: "MXN", channel: "pos", occurredAt: when }, when);
}

describe("end_of_period expiry", () => {
  it("expires an old lot at the end of the following year while a newer lot survives, and a second run does nothing", async () => {
    const programId = await programWith({ kind: "end_of_period", period: "year" });
    const memberId = await memberOf(programId);
    await buy(programId, memberId, "2025-03-01T18:00:00Z", 100); // expires when 2026 ends in Mexico City: 2027-01-01T06:00Z
    await buy(programId, memberId, "2026-02-01T18:00:00Z", 40); // expires when 2027 ends

    expect((await getBalance(database.db, { programId, memberId })).upcomingExpiries).toEqual([
      { expiresAt: "2027-01-01T06:00:00.000Z", points: 100 },
      { expiresAt: "2028-01-01T06:00:00.000Z", points: 40 },
    ]);
    // 11 pm on New Year's Eve, local time: not yet.
    expect(await expireDuePoints(database.db, { programId, now: d("2027-01-01T05:00:00Z") })).toEqual({ accounts: 0, lots: 0, points: 0 });
    expect(await expireDuePoints(database.db, { programId, now: d("2027-01-01T06:00:00Z") })).toEqual({ accounts: 1, lots: 1, points: 100 });
    expect(await expireDuePoints(database.db, { programId, now: d("2027-01-02T00:00:00Z") })).toEqual({ accounts: 0, lots: 0, points: 0 });
    expect(await getBalance(database.db, { programId, memberId })).toMatchObject({ available: 40, lifetimeExpired: 100, upcomingExpiries: [{ expiresAt: "2028-01-01T06:00:00.000Z", points: 40 }] });
    expect(await ledgerOk(programId)).toBe(true);
  });

  it("dates quarter lots at the end of the next quarter", async () => {
    const programId = await programWith({ kind: "end_of_period", period: "quarter" });
    const memberId = await memberOf(programId);
    await buy(programId, memberId, "2026-11-10T18:00:00Z", 25);
    expect((await getBalance(database.db, { programId, memberId })).upcomingExpiries).toEqual([{ expiresAt: "2027-04-01T06:00:00.000Z", points: 25 }]);
  });
});

describe("inactivity expiry", () => {
  it("expires the whole balance N months after the last earn or redemption, not before, and only once", async () => {
    const programId = await programWith({ kind: "inactivity", months: 6 });
    const sleeper = await memberOf(programId);
    const active = await memberOf(programId);
    await buy(programId, sleeper, "2026-01-10T18:00:00Z", 120);
    await buy(programId, sleeper, "2026-02-10T18:00:00Z", 30);
    await redeemPoints(database.db, { programId, memberId: sleeper, points: 50, reason: "Canje" }, d("2026-03-01T12:00:00Z"));
    await buy(programId, active, "2026-01-10T18:00:00Z", 80);
    await buy(programId, active, "2026-05-01T18:00:00Z", 20);

    // Lots carry no date under this policy: the lot-date job has nothing to do.
    expect(await expireDuePoints(database.db, { programId, now: d("2027-01-01T00:00:00Z") })).toMatchObject({ lots: 0 });
    expect(await applyInactivityPolicy(database.db, { programId, now: d("2026-09-01T11:59:59Z") })).toEqual({ accounts: 0, lots: 0, points: 0 });
    expect(await applyInactivityPolicy(database.db, { programId, now: d("2026-09-01T12:00:00Z") })).toEqual({ accounts: 1, lots: 2, points: 100 });
    expect(await applyInactivityPolicy(database.db, { programId, now: d("2026-09-01T12:00:00Z") })).toEqual({ accounts: 0, lots: 0, points: 0 });
    expect(await getBalance(database.db, { programId, memberId: sleeper })).toMatchObject({ available: 0, lifetimeExpired: 100 });
    expect((await getBalance(database.db, { programId, memberId: active })).available).toBe(100);
    const [expiry] = (await listHistory(database.db, { programId, memberId: sleeper })).entries;
    expect(expiry).toMatchObject({ kind: "expire", points: 100, availableDelta: -100, explanation: { policy: "inactivity", months: 6 } });

    // Through the scheduled job's own entry point: the active member lapses on Nov 1st.
    const job = findJob("points-expire-inactive")!;
    expect(await job.run(database.db, d("2026-10-31T00:00:00Z"))).toMatchObject({ points: 0 });
    expect(await job.run(database.db, d("2026-11-01T18:00:00Z"))).toMatchObject({ accounts: 1, points: 100 });
    expect(await job.run(database.db, d("2026-11-01T18:00:00Z"))).toMatchObject({ accounts: 0, points: 0 });
    expect(await ledgerOk(programId)).toBe(true);
  });

  it("counts from enrolment for a member who never earned or redeemed, and ignores programs with other policies", async () => {
    const programId = await programWith({ kind: "inactivity", months: 3 });
    const rolling = await programWith({ kind: "rolling", months: 1 });
    const memberId = await memberOf(programId, d("2026-01-15T00:00:00Z"));
    const { adjustPoints } = await import("./adjust-points");
    await adjustPoints(database.db, { programId, memberId, points: 10, reason: "Bienvenida" }, d("2026-02-01T00:00:00Z"));
    expect(await applyInactivityPolicy(database.db, { programId, now: d("2026-04-14T23:00:00Z") })).toMatchObject({ points: 0 });
    expect(await applyInactivityPolicy(database.db, { programId, now: d("2026-04-15T00:00:00Z") })).toMatchObject({ points: 10 });
    expect(await applyInactivityPolicy(database.db, { programId: rolling, now: d("2030-01-01T00:00:00Z") })).toEqual({ accounts: 0, lots: 0, points: 0 });
  });
});
