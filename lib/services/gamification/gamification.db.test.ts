import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import type { ProgramRow } from "@/db/queries/programs";
import { challengeProgress, coupons, ledgerEntries } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { challengeKey, ONCE } from "@/lib/domain/gamification/challenge";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { exportMyData } from "@/lib/services/members/export-my-data";
import { updateMemberDetails } from "@/lib/services/members/update-member";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { createReward } from "@/lib/services/rewards/manage-rewards";
import type { CreateChallengeInput } from "@/lib/validation/gamification";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { advanceChallenges, PURCHASE_KINDS } from "./advance-challenges";
import { createChallenge, listProgramChallenges, setChallengeStatus, updateChallenge } from "./manage-challenges";
import { getMemberChallenges, getMyChallenges } from "./member-challenges";

/**
 * Challenges on the ledger: progress moves in the purchase's transaction and a
 * completion pays its points once, whatever retries, races, pauses or other
 * programs do. On PostgreSQL the races run on a pool; on PGlite they queue.
 */
let database: Database;
let program: ProgramRow;
let other: ProgramRow;
const system: Actor = { kind: "system", label: "test" };
const T0 = new Date("2026-06-01T15:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const marketer = (p: ProgramRow, role: Grant["role"] = "marketer"): Actor => ({ kind: "user", userId: randomUUID(), email: `${role}@example.com`, grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }] });

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
  other = await makeProgram(database);
});
afterAll(async () => database.close());

const threeIn30 = (p: ProgramRow, extra: Partial<CreateChallengeInput> = {}): CreateChallengeInput => ({
  programId: p.id,
  name: { es: "Tres compras", en: "Three purchases" },
  description: { es: "Compra 3 veces en 30 días", en: "Buy 3 times in 30 days" },
  kind: "purchases",
  count: 3,
  windowDays: 30,
  badgeName: { es: "Cliente frecuente", en: "Regular" },
  badgeIcon: "trophy",
  rewardPoints: 250,
  startsAt: at(-1),
  ...extra,
});

async function activeChallenge(p: ProgramRow, extra: Partial<CreateChallengeInput> = {}) {
  const c = await createChallenge(database.db, marketer(p), threeIn30(p, extra), at(-1));
  await setChallengeStatus(database.db, marketer(p), { programId: p.id, challengeId: c.id, status: "active" }, at(-1));
  return c;
}

const buy = (p: ProgramRow, memberId: string, day: number, orderId = `ORD-${randomUUID().slice(0, 8)}`, amountMinor = 10_000) =>
  recordPurchase(database.db, system, { programId: p.id, memberId, orderId, amountMinor, currency: "MXN", channel: "pos", occurredAt: at(day) }, at(day));

const progressOf = async (challengeId: string, memberId: string) => (await database.db.select().from(challengeProgress).where(and(eq(challengeProgress.challengeId, challengeId), eq(challengeProgress.memberId, memberId))))[0];
const challengeEntries = (challengeId: string, memberId: string) => database.db.select().from(ledgerEntries).where(eq(ledgerEntries.idempotencyKey, challengeKey(challengeId, memberId, ONCE)));
const available = async (p: ProgramRow, memberId: string) => (await getBalance(database.db, { programId: p.id, memberId })).available;

describe("progress on purchases", () => {
  it("counts each purchase and pays the points once on the third, in the purchase's balance", async () => {
    const c = await activeChallenge(program);
    const m = await makeMember(database, program.id);
    await buy(program, m.id, 1);
    expect(await progressOf(c.id, m.id)).toMatchObject({ progress: 1, target: 3, completedAt: null });
    await buy(program, m.id, 5);
    const before = await available(program, m.id);
    const third = await buy(program, m.id, 9);
    expect(third.balance.available - before).toBe(third.pointsEarned + 250);
    expect(await progressOf(c.id, m.id)).toMatchObject({ progress: 3, completedAt: at(9), pointsAwarded: 250 });
    await buy(program, m.id, 10);
    expect(await challengeEntries(c.id, m.id)).toHaveLength(1);
    const mine = await getMemberChallenges(database.db, system, { programId: program.id, memberId: m.id }, at(11));
    expect(mine.data.find((x) => x.id === c.id)).toMatchObject({ state: "completed", progress: { current: 3, target: 3 }, pointsAwarded: 250 });
  });

  it("pays nothing again when the purchase is replayed or the hook runs again, one after another or at once", async () => {
    const c = await activeChallenge(program, { count: 2 });
    const m = await makeMember(database, program.id);
    await buy(program, m.id, 1, "REPLAY-1-" + m.id);
    const order = "REPLAY-2-" + m.id;
    await buy(program, m.id, 2, order);
    const replay = await buy(program, m.id, 2, order);
    expect(replay.replayed).toBe(true);
    const hook = () => database.db.transaction((tx) => advanceChallenges(tx, { program, memberId: m.id, kinds: PURCHASE_KINDS, now: at(3) }));
    expect(await hook()).toEqual([]);
    const raced = await Promise.all([hook(), hook(), hook()]);
    expect(raced.flat()).toEqual([]);
    expect(await challengeEntries(c.id, m.id)).toHaveLength(1);
  });

  it("completes exactly once when several evaluations race for a member who already qualifies", async () => {
    const m = await makeMember(database, program.id);
    for (const day of [1, 2, 3]) await buy(program, m.id, day);
    // Launched after the purchases: nothing has evaluated it for this member yet.
    const c = await activeChallenge(program, { rewardPoints: 40 });
    const before = await available(program, m.id);
    const hook = () => database.db.transaction((tx) => advanceChallenges(tx, { program, memberId: m.id, kinds: PURCHASE_KINDS, now: at(4) }));
    const results = await Promise.all([hook(), hook(), hook(), hook()]);
    expect(results.flat().filter((r) => r.challengeId === c.id)).toHaveLength(1);
    expect(await challengeEntries(c.id, m.id)).toHaveLength(1);
    expect((await available(program, m.id)) - before).toBe(40);
  });

  it("does not move a paused challenge, and moves it again once reactivated", async () => {
    const c = await activeChallenge(program, { count: 2 });
    await setChallengeStatus(database.db, marketer(program), { programId: program.id, challengeId: c.id, status: "paused" }, at(0));
    const m = await makeMember(database, program.id);
    await buy(program, m.id, 1);
    await buy(program, m.id, 2);
    expect(await progressOf(c.id, m.id)).toBeUndefined();
    expect(await challengeEntries(c.id, m.id)).toHaveLength(0);
    await setChallengeStatus(database.db, marketer(program), { programId: program.id, challengeId: c.id, status: "active" }, at(2));
    await buy(program, m.id, 3);
    expect(await progressOf(c.id, m.id)).toMatchObject({ completedAt: at(3) });
  });

  it("never moves another program's challenge", async () => {
    const c = await activeChallenge(program, { count: 1 });
    const stranger = await makeMember(database, other.id);
    await buy(other, stranger.id, 1);
    expect(await progressOf(c.id, stranger.id)).toBeUndefined();
    await expect(getMemberChallenges(database.db, marketer(other), { programId: program.id, memberId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getMemberChallenges(database.db, system, { programId: program.id, memberId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps a completion after the purchases are refunded", async () => {
    const c = await activeChallenge(program, { count: 1, rewardPoints: 30 });
    const m = await makeMember(database, program.id);
    const order = `REFUND-${m.id}`;
    await buy(program, m.id, 1, order);
    await refundPurchase(database.db, system, { programId: program.id, orderId: order }, at(2));
    expect(await progressOf(c.id, m.id)).toMatchObject({ completedAt: at(1), pointsAwarded: 30 });
  });

  it("counts only purchases in the category and above the minimum ticket, and issues the catalog reward's coupon", async () => {
    const reward = await createReward(database.db, system, { programId: program.id, kind: "amount_discount", name: { es: "$50 de descuento", en: "$50 off" }, pointsPrice: 500, value: 5_000 });
    const c = await activeChallenge(program, { count: 1, category: "cafe", minAmountMinor: 20_000, rewardPoints: 0, rewardId: reward.id });
    const m = await makeMember(database, program.id);
    const line = (category: string, unitPriceMinor: number) => ({ category, quantity: 1, unitPriceMinor });
    await recordPurchase(database.db, system, { programId: program.id, memberId: m.id, orderId: `CAT-1-${m.id}`, amountMinor: 30_000, currency: "MXN", channel: "pos", occurredAt: at(1), lines: [line("pan", 30_000)] }, at(1));
    await recordPurchase(database.db, system, { programId: program.id, memberId: m.id, orderId: `CAT-2-${m.id}`, amountMinor: 10_000, currency: "MXN", channel: "pos", occurredAt: at(2), lines: [line("cafe", 10_000)] }, at(2));
    expect((await progressOf(c.id, m.id))?.completedAt ?? null).toBeNull();
    await recordPurchase(database.db, system, { programId: program.id, memberId: m.id, orderId: `CAT-3-${m.id}`, amountMinor: 25_000, currency: "MXN", channel: "pos", occurredAt: at(3), lines: [line("cafe", 25_000)] }, at(3));
    const row = await progressOf(c.id, m.id);
    expect(row).toMatchObject({ completedAt: at(3), pointsAwarded: 0, entryId: null });
    const [coupon] = await database.db.select().from(coupons).where(and(eq(coupons.programId, program.id), eq(coupons.id, row!.couponId!)));
    expect(coupon).toMatchObject({ memberId: m.id, rewardId: reward.id, pointsSpent: 0, status: "issued" });
  });
});

describe("profile challenges", () => {
  it("completes when the profile gets its last field, once, and the badge is in the member's data download", async () => {
    const p = await makeProgram(database);
    const c = await activeChallenge(p, { kind: "profile", count: undefined, windowDays: undefined, fields: ["birthday", "phone", "consentMarketing"], rewardPoints: 75, badgeIcon: "star" });
    const m = await makeMember(database, p.id);
    await updateMemberDetails(database.db, system, { programId: p.id, memberId: m.id, changes: { birthday: "1990-04-02", phone: "+525512345678" } }, at(1));
    expect(await progressOf(c.id, m.id)).toMatchObject({ progress: 2, target: 3, completedAt: null });
    await updateMemberDetails(database.db, system, { programId: p.id, memberId: m.id, changes: { consents: { marketing: true } } }, at(2));
    await updateMemberDetails(database.db, system, { programId: p.id, memberId: m.id, changes: { consents: { marketing: true } } }, at(3));
    expect(await progressOf(c.id, m.id)).toMatchObject({ completedAt: at(2), pointsAwarded: 75 });
    expect(await challengeEntries(c.id, m.id)).toHaveLength(1);
    const self: Actor = { kind: "member", programId: p.id, memberId: m.id };
    const mine = await getMyChallenges(database.db, self, at(4));
    expect(mine.challenges).toEqual([expect.objectContaining({ id: c.id, state: "completed", badge: { name: { es: "Cliente frecuente", en: "Regular" }, icon: "star" } })]);
    const data = await exportMyData(database.db, self, at(4));
    expect(data.badges).toEqual([expect.objectContaining({ challengeId: c.id, badgeIcon: "star", pointsAwarded: 75 })]);
  });

  it("completes on the member's first visit when the profile was complete before the challenge began", async () => {
    const p = await makeProgram(database);
    const m = await makeMember(database, p.id);
    const c = await activeChallenge(p, { kind: "profile", count: undefined, windowDays: undefined, fields: ["email"], rewardPoints: 10 });
    const mine = await getMyChallenges(database.db, { kind: "member", programId: p.id, memberId: m.id }, at(1));
    expect(mine.challenges.find((x) => x.id === c.id)?.state).toBe("completed");
    await getMyChallenges(database.db, { kind: "member", programId: p.id, memberId: m.id }, at(2));
    expect(await challengeEntries(c.id, m.id)).toHaveLength(1);
  });
});

describe("the console", () => {
  it("audits creating, editing, activating and pausing; refuses analysts and other programs", async () => {
    const c = await createChallenge(database.db, marketer(program), threeIn30(program, { kind: "streak", count: undefined, weeks: 4 }), at(0));
    expect(c.rule).toEqual({ kind: "streak", weeks: 4, category: null, minAmountMinor: null });
    await updateChallenge(database.db, marketer(program), { ...threeIn30(program, { kind: "streak", count: undefined, weeks: 5 }), challengeId: c.id }, at(0));
    await setChallengeStatus(database.db, marketer(program), { programId: program.id, challengeId: c.id, status: "active" }, at(0));
    await setChallengeStatus(database.db, marketer(program), { programId: program.id, challengeId: c.id, status: "paused" }, at(0));
    const audit = (await listAuditEntries(database.db, { programId: program.id, limit: 50 })).filter((a) => a.targetId === c.id);
    expect(audit.map((a) => a.action)).toEqual(["challenge.pause", "challenge.activate", "challenge.update", "challenge.create"]);
    expect(audit.find((a) => a.action === "challenge.update")).toMatchObject({ before: { rule: { weeks: 4 } }, after: { rule: { weeks: 5 } } });
    await expect(createChallenge(database.db, marketer(program, "analyst"), threeIn30(program))).rejects.toMatchObject({ code: "forbidden" });
    await expect(setChallengeStatus(database.db, marketer(other), { programId: program.id, challengeId: c.id, status: "active" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createChallenge(database.db, marketer(program), threeIn30(program, { count: undefined, endsAt: at(-5) }))).rejects.toMatchObject({ code: "validation_failed", fields: { count: expect.any(Array), endsAt: expect.any(Array) } });
    const list = await listProgramChallenges(database.db, marketer(program, "analyst"), { programId: program.id });
    expect(list.canWrite).toBe(false);
    expect(list.challenges.find((x) => x.id === c.id)).toMatchObject({ status: "paused", participants: 0 });
  });

  it("leaves the ledger consistent", async () => {
    expect(await database.db.select().from(ledgerEntries).where(like(ledgerEntries.idempotencyKey, "challenge:%"))).not.toHaveLength(0);
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });
});
