import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { holdPoints } from "@/lib/services/ledger/hold-points";
import { captureHold, voidHold } from "@/lib/services/ledger/settle-hold";
import { reverseEntry } from "@/lib/services/ledger/reverse-entry";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { createReward } from "@/lib/services/rewards/manage-rewards";
import { payWithPoints } from "@/lib/services/rewards/pay-with-points";
import { listMemberRewards } from "@/lib/services/rewards/list-rewards";
import { redeemReward } from "@/lib/services/rewards/redeem-reward";
import { reviewTiers } from "@/lib/services/tiers/review-tiers";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { createBusinessAccount } from "./create-business-account";
import { getBusinessAccountView } from "./get-business-account";
import { getMyAccount } from "./get-my-account";
import { listBusinessAccountActivity } from "./list-account-activity";
import { removeAccountUser, setAccountUser } from "./manage-account-users";

/**
 * Business accounts on the ledger. On PostgreSQL (DATABASE_URL) the races run
 * on 20 connections at once, so the pool's row lock does the work; on PGlite
 * they queue on its one connection.
 */
let database: Database;
let program: ProgramRow;
const system: Actor = { kind: "system", label: "b2b" };
const NOW = new Date("2026-11-23T18:00:00Z");

// Tiers on spend (minor units): 1,000 MXN reaches silver, which no single buyer below reaches alone.
const spendPlan: PlanDefinition = {
  ...defaultPlan(),
  tierQualification: { metric: "spend", window: "rolling_12_months" },
  tiers: [
    { key: "bronze", name: { es: "Bronce", en: "Bronze" }, threshold: 0, earnMultiplier: 1 },
    { key: "silver", name: { es: "Plata", en: "Silver" }, threshold: 100_000, earnMultiplier: 1 },
  ],
};

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database, { plan: spendPlan });
});
afterAll(async () => database.close());

let orders = 0;
const order = () => `B2B-${Date.now().toString(36)}-${orders++}`;

async function accountWithUsers(users: { role: "earn" | "redeem" | "manage"; limit?: number | null }[]) {
  const members = await Promise.all(users.map(() => makeMember(database, program.id)));
  const account = await createBusinessAccount(database.db, system, { programId: program.id, name: "Ferretería Norte", adminMemberId: members[0]!.id }, NOW);
  for (const [i, u] of users.entries()) {
    if (i > 0 || u.role !== "manage" || u.limit !== undefined) await setAccountUser(database.db, system, { programId: program.id, accountId: account.id, memberId: members[i]!.id, role: u.role, monthlyRedemptionLimit: u.limit ?? null }, NOW);
  }
  return { account, members };
}

async function buy(memberId: string, amountMinor: number, at = NOW) {
  return recordPurchase(database.db, system, { programId: program.id, memberId, orderId: order(), amountMinor, currency: "MXN", channel: "pos" }, at);
}

async function poolOf(accountId: string) {
  return (await getBusinessAccountView(database.db, system, { programId: program.id, accountId }, NOW)).balance;
}

async function race<T>(calls: (() => Promise<T>)[]) {
  const results = await Promise.allSettled(calls.map((c) => c()));
  return {
    won: results.filter((r) => r.status === "fulfilled").length,
    codes: results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code ?? String(r.reason)] : [])),
  };
}

describe("earning into the pool", () => {
  it("credits a user's purchase to the account's pool, names the account, and leaves the user's own account alone", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "earn" }]);
    const result = await buy(members[1]!.id, 45_000);
    expect(result).toMatchObject({ pointsEarned: 450, account: { id: account.id, name: "Ferretería Norte" }, balance: { available: 450 } });
    expect((await poolOf(account.id)).available).toBe(450);
    expect((await getBalance(database.db, { programId: program.id, memberId: members[1]!.id })).available).toBe(0);
    expect((await verifyLedger(database.db, { programSlug: program.slug })).problems).toEqual([]);
  });

  it("qualifies the account's tier on every user's spend together", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "earn" }]);
    const first = await buy(members[0]!.id, 60_000);
    expect(first.tierChange).toEqual({ from: null, to: "bronze" });
    const second = await buy(members[1]!.id, 50_000);
    expect(second.tierChange).toEqual({ from: "bronze", to: "silver" });
    const view = await getBusinessAccountView(database.db, system, { programId: program.id, accountId: account.id }, NOW);
    expect(view.tier).toEqual({ key: "silver", name: { es: "Plata", en: "Silver" } });
    const byMember = new Map(view.users.map((u) => [u.memberId, [u.purchases, u.pointsEarned]]));
    expect(members.map((m) => byMember.get(m.id))).toEqual([[1, 600], [1, 500]]);
  });

  it("reviews the account's tier like a member's: kept while the account qualifies, lowered a review after it stops, once", async () => {
    // A program of its own: the review also sweeps members, which the other tests' members must not feel.
    const own = await makeProgram(database, { plan: spendPlan });
    const [admin, buyer] = await Promise.all([makeMember(database, own.id), makeMember(database, own.id)]);
    const account = await createBusinessAccount(database.db, system, { programId: own.id, name: "Tlapalería Sur", adminMemberId: admin.id }, NOW);
    await setAccountUser(database.db, system, { programId: own.id, accountId: account.id, memberId: buyer.id, role: "earn", monthlyRedemptionLimit: null }, NOW);
    for (const [memberId, amountMinor] of [[admin.id, 60_000], [buyer.id, 50_000]] as const) {
      await recordPurchase(database.db, system, { programId: own.id, memberId, orderId: order(), amountMinor, currency: "MXN", channel: "pos" }, NOW);
    }
    const tierOf = async () => (await getBusinessAccountView(database.db, system, { programId: own.id, accountId: account.id }, NOW)).tier?.key;
    expect(await tierOf()).toBe("silver");
    // January 1st 2027: the window's MXN 1,100 still qualifies for silver.
    expect(await reviewTiers(database.db, { programId: own.id, now: new Date("2027-01-01T09:30:00Z") })).toMatchObject({ downgraded: 0 });
    expect(await tierOf()).toBe("silver");
    // January 1st 2028: nothing bought in 2027, so the account drops to the tier MXN 0 reaches; a second run changes nothing.
    expect(await reviewTiers(database.db, { programId: own.id, now: new Date("2028-01-01T09:30:00Z") })).toMatchObject({ downgraded: 1 });
    expect(await tierOf()).toBe("bronze");
    expect(await reviewTiers(database.db, { programId: own.id, now: new Date("2028-01-01T10:30:00Z") })).toMatchObject({ downgraded: 0 });
    expect(await tierOf()).toBe("bronze");
  });

  it("sends a removed user's next purchase to their own account, and keeps their past in the pool's activity", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "earn" }]);
    await buy(members[1]!.id, 10_000);
    await removeAccountUser(database.db, system, { programId: program.id, accountId: account.id, memberId: members[1]!.id });
    const after = await buy(members[1]!.id, 20_000);
    expect(after.account).toBeNull();
    expect((await getBalance(database.db, { programId: program.id, memberId: members[1]!.id })).available).toBe(200);
    expect((await poolOf(account.id)).available).toBe(100);
    const activity = await listBusinessAccountActivity(database.db, system, { programId: program.id, accountId: account.id });
    expect(activity.entries.map((e) => [e.memberId, e.kind, e.points])).toEqual([[members[1]!.id, "earn", 100]]);
  });
});

describe("redeeming from the pool", () => {
  it("shows a buyer's reward menu what they can spend: the pool within their limit, nothing when they only earn", async () => {
    const { members } = await accountWithUsers([{ role: "manage" }, { role: "redeem", limit: 300 }, { role: "earn" }]);
    await buy(members[0]!.id, 100_000);
    const menu = (memberId: string) => listMemberRewards(database.db, { kind: "member", programId: program.id, memberId }, { programId: program.id, memberId }, NOW);
    expect((await menu(members[0]!.id)).available).toBe(1000);
    expect((await menu(members[1]!.id)).available).toBe(300);
    expect((await menu(members[2]!.id)).available).toBe(0);
    await payWithPoints(database.db, system, { programId: program.id, memberId: members[1]!.id, points: 250 }, NOW);
    expect((await menu(members[1]!.id)).available).toBe(50);
  });

  it("lets a redeemer spend within their monthly limit and refuses above it, writing nothing", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "redeem", limit: 300 }]);
    await buy(members[0]!.id, 100_000);
    const buyer = members[1]!.id;
    const paid = await payWithPoints(database.db, system, { programId: program.id, memberId: buyer, points: 200 }, NOW);
    expect(paid.balance.available).toBe(800);
    await expect(payWithPoints(database.db, system, { programId: program.id, memberId: buyer, points: 150 }, NOW)).rejects.toMatchObject({
      code: "redemption_limit_exceeded",
      status: 422,
      details: { requested: 150, remaining: 100, monthlyLimit: 300 },
    });
    await payWithPoints(database.db, system, { programId: program.id, memberId: buyer, points: 100 }, NOW);
    expect((await poolOf(account.id)).available).toBe(700);
    const mine = await getMyAccount(database.db, { kind: "member", programId: program.id, memberId: buyer }, NOW);
    expect(mine).toMatchObject({ kind: "buyer", balance: { available: 700 }, redeemedThisMonth: 300, remainingThisMonth: 0 });
  });

  it("holds a buyer's checkout on the pool: active holds and captures count against the limit, a voided hold does not", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "redeem", limit: 300 }, { role: "earn" }]);
    await buy(members[0]!.id, 100_000);
    const buyer = members[1]!.id;
    const first = await holdPoints(database.db, { programId: program.id, memberId: buyer, points: 200 }, NOW);
    expect((await poolOf(account.id)).available).toBe(800);
    await expect(holdPoints(database.db, { programId: program.id, memberId: buyer, points: 150 }, NOW)).rejects.toMatchObject({ code: "redemption_limit_exceeded", details: { remaining: 100 } });
    await voidHold(database.db, { programId: program.id, holdId: first.holdId }, NOW);
    const second = await holdPoints(database.db, { programId: program.id, memberId: buyer, points: 250 }, NOW);
    await captureHold(database.db, { programId: program.id, holdId: second.holdId }, NOW);
    expect((await poolOf(account.id)).available).toBe(750);
    await expect(holdPoints(database.db, { programId: program.id, memberId: buyer, points: 60 }, NOW)).rejects.toMatchObject({ code: "redemption_limit_exceeded", details: { remaining: 50 } });
    await expect(holdPoints(database.db, { programId: program.id, memberId: members[2]!.id, points: 10 }, NOW)).rejects.toMatchObject({ code: "permission_denied" });
    expect((await getBalance(database.db, { programId: program.id, memberId: buyer })).available).toBe(0);
    expect((await verifyLedger(database.db, { programSlug: program.slug })).problems).toEqual([]);
  });

  it("gives a reversed redemption back to the user's limit", async () => {
    const { members } = await accountWithUsers([{ role: "manage" }, { role: "redeem", limit: 100 }]);
    await buy(members[0]!.id, 50_000);
    const paid = await payWithPoints(database.db, system, { programId: program.id, memberId: members[1]!.id, points: 100 }, NOW);
    await reverseEntry(database.db, { programId: program.id, entryId: paid.entryId, reason: "Cancelled order" }, NOW);
    await expect(payWithPoints(database.db, system, { programId: program.id, memberId: members[1]!.id, points: 100 }, NOW)).resolves.toMatchObject({ points: 100 });
  });

  it("starts each user's limit again in a new month (program's time zone)", async () => {
    const { members } = await accountWithUsers([{ role: "manage" }, { role: "redeem", limit: 100 }]);
    await buy(members[0]!.id, 50_000);
    await payWithPoints(database.db, system, { programId: program.id, memberId: members[1]!.id, points: 100 }, NOW);
    const nextMonth = new Date("2026-12-01T06:30:00Z"); // 00:30 on December 1st in Mexico City
    await expect(payWithPoints(database.db, system, { programId: program.id, memberId: members[1]!.id, points: 100 }, nextMonth)).resolves.toMatchObject({ points: 100 });
  });

  it("refuses an earn-only user with permission_denied, for points and for rewards", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "earn" }]);
    await buy(members[0]!.id, 50_000);
    const reward = await createReward(database.db, system, { programId: program.id, kind: "experience", name: { es: "Pase", en: "Pass" }, pointsPrice: 100 });
    await expect(payWithPoints(database.db, system, { programId: program.id, memberId: members[1]!.id, points: 10 }, NOW)).rejects.toMatchObject({ code: "permission_denied", status: 422 });
    await expect(redeemReward(database.db, system, { programId: program.id, memberId: members[1]!.id, rewardId: reward.id }, NOW)).rejects.toMatchObject({ code: "permission_denied" });
    const coupon = await redeemReward(database.db, system, { programId: program.id, memberId: members[0]!.id, rewardId: reward.id }, NOW);
    expect(coupon.balance.available).toBe(400);
    expect((await poolOf(account.id)).available).toBe(400);
  });

  it("never overspends the pool when two buyers race: exactly the affordable number win", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "redeem" }, { role: "redeem" }]);
    await buy(members[0]!.id, 50_000); // 500 points in the pool
    const calls = Array.from({ length: 40 }, (_, i) => () => payWithPoints(database.db, system, { programId: program.id, memberId: members[1 + (i % 2)]!.id, points: 20 }, NOW));
    const outcome = await race(calls);
    expect(outcome.won).toBe(25);
    expect(outcome.codes).toEqual(Array(15).fill("insufficient_points"));
    expect((await poolOf(account.id)).available).toBe(0);
    expect((await verifyLedger(database.db, { programSlug: program.slug })).problems).toEqual([]);
  });

  it("holds each buyer to their own limit while they race each other", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "redeem", limit: 100 }, { role: "redeem", limit: 60 }]);
    await buy(members[0]!.id, 100_000);
    const calls = Array.from({ length: 30 }, (_, i) => () => payWithPoints(database.db, system, { programId: program.id, memberId: members[1 + (i % 2)]!.id, points: 10 }, NOW));
    const outcome = await race(calls);
    expect(outcome.won).toBe(16);
    expect(outcome.codes).toEqual(Array(14).fill("redemption_limit_exceeded"));
    const view = await getBusinessAccountView(database.db, system, { programId: program.id, accountId: account.id }, NOW);
    const redeemed = new Map(view.users.map((u) => [u.memberId, u.redeemedThisMonth]));
    expect(members.map((m) => redeemed.get(m.id))).toEqual([0, 100, 60]);
    expect(view.balance.available).toBe(840);
    expect((await verifyLedger(database.db, { programSlug: program.slug })).problems).toEqual([]);
  });
});

describe("managing users", () => {
  it("refuses a member who already buys for another account", async () => {
    const { members } = await accountWithUsers([{ role: "manage" }, { role: "earn" }]);
    const other = await createBusinessAccount(database.db, system, { programId: program.id, name: "Otra" }, NOW);
    await expect(setAccountUser(database.db, system, { programId: program.id, accountId: other.id, memberId: members[1]!.id, role: "earn" })).rejects.toMatchObject({ code: "member_in_other_account", status: 409 });
  });

  it("keeps at least one manager", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "earn" }]);
    await expect(removeAccountUser(database.db, system, { programId: program.id, accountId: account.id, memberId: members[0]!.id })).rejects.toMatchObject({ code: "last_manager" });
    await expect(setAccountUser(database.db, system, { programId: program.id, accountId: account.id, memberId: members[0]!.id, role: "redeem" })).rejects.toMatchObject({ code: "last_manager" });
  });

  it("lets a managing member act on their own account only, and nobody else's", async () => {
    const { account, members } = await accountWithUsers([{ role: "manage" }, { role: "redeem" }]);
    const other = await accountWithUsers([{ role: "manage" }]);
    const admin: Actor = { kind: "member", programId: program.id, memberId: members[0]!.id };
    const buyer: Actor = { kind: "member", programId: program.id, memberId: members[1]!.id };
    const newcomer = await makeMember(database, program.id);
    await expect(setAccountUser(database.db, admin, { programId: program.id, accountId: account.id, memberId: newcomer.id, role: "earn", monthlyRedemptionLimit: 50 })).resolves.toMatchObject({ created: true, role: "earn", monthlyRedemptionLimit: 50 });
    await expect(getBusinessAccountView(database.db, admin, { programId: program.id, accountId: other.account.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getBusinessAccountView(database.db, buyer, { programId: program.id, accountId: account.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(setAccountUser(database.db, buyer, { programId: program.id, accountId: account.id, memberId: members[1]!.id, role: "manage" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a second account with the same externalId", async () => {
    await createBusinessAccount(database.db, system, { programId: program.id, name: "Uno", externalId: "ERP-77" });
    await expect(createBusinessAccount(database.db, system, { programId: program.id, name: "Dos", externalId: "ERP-77" })).rejects.toMatchObject({ code: "account_exists", status: 409 });
  });
});
