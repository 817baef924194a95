import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { members, referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { releaseDuePoints } from "@/lib/services/ledger/process-due-lots";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { createMember } from "@/lib/services/members/create-member";
import { joinProgram } from "@/lib/services/members/join-program";
import { createProgram } from "@/lib/services/programs/create-program";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { openTestDatabase } from "@/tests/support/database";
import { ensureReferralCode } from "./ensure-referral-code";
import { getMemberReferrals } from "./get-member-referrals";
import { getMyReferrals } from "./get-my-referrals";
import { updateReferralSettings } from "./referral-settings";
import { releaseAndRewardReferrals } from "./release-and-reward";
import { rewardDueReferrals } from "./reward-referrals";

/**
 * Referrals on the ledger: 100 points for the referrer and 50 for the new
 * member after the new member's first purchase of at least MXN 200, once its
 * 14-day return window has passed; at most 2 rewarded referrals per referrer.
 * On PostgreSQL the races run on a pool; on PGlite they queue (logic, not locking).
 */
let database: Database;
let programId: string;
const system: Actor = { kind: "system", label: "test" };
const T0 = new Date("2026-06-01T15:00:00Z");
const DAY = 86_400_000;
const AFTER_WINDOW = new Date(T0.getTime() + 15 * DAY);

beforeAll(async () => {
  database = await openTestDatabase({ isolated: true });
  const slug = `ref-${randomUUID().slice(0, 8)}`;
  const program = await createProgram(
    database.db,
    { slug, name: `Referidos ${slug}`, currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" },
    { plan: { ...defaultPlan(), pendingDays: 14 }, settings: { referrals: { referrerPoints: 100, refereePoints: 50, limitPerReferrer: 2, minPurchaseMinor: 20_000 } } },
  );
  programId = program.id;
});
afterAll(async () => database.close());

const tag = () => randomUUID().slice(0, 8);

async function referrer() {
  const member = await createMember(database.db, { programId, name: "Ana Refiere", email: `ana.${tag()}@example.com`, phone: `+5255${Math.floor(10_000_000 + Math.random() * 89_999_999)}` }, T0);
  return { ...member, code: member.referralCode! };
}

const friend = (code: string, extra: { email?: string; phone?: string } = {}) =>
  createMember(database.db, { programId, name: "Beto Nuevo", email: extra.email ?? `beto.${tag()}@example.com`, phone: extra.phone, referralCode: code }, T0);

const buy = (memberId: string, amountMinor = 30_000, orderId = `ORD-${tag()}`) =>
  recordPurchase(database.db, system, { programId, memberId, orderId, amountMinor, currency: "MXN", channel: "pos", occurredAt: T0 }, T0).then((r) => ({ ...r, orderId }));

const referralOf = async (refereeId: string) => (await database.db.select().from(referrals).where(and(eq(referrals.programId, programId), eq(referrals.refereeId, refereeId))))[0];
const available = async (memberId: string) => (await getBalance(database.db, { programId, memberId })).available;
const codeOf = async (error: Promise<unknown>) => error.then(() => "none", (e: { code?: string }) => e.code);

describe("joining with a code", () => {
  it("gives every new member a code of their own and records who referred them", async () => {
    const ana = await referrer();
    expect(ana.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    const beto = await friend(ana.code.toLowerCase().replace(/(....)/, "$1-"));
    expect(beto.referredBy).toBe(ana.id);
    expect(beto.referralCode).not.toBe(ana.code);
    expect(await referralOf(beto.id)).toMatchObject({ referrerId: ana.id, status: "pending", code: ana.code, qualifyingPurchaseId: null });
  });

  it("refuses an unknown code and writes nothing", async () => {
    const email = `nadie.${tag()}@example.com`;
    expect(await codeOf(friend("ZZZZ-ZZZZ", { email }))).toBe("referral_code_unknown");
    expect(await codeOf(friend("not a code", { email }))).toBe("referral_code_unknown");
    // The API answers it as problem+json 422 naming the field (lib/api/problem.ts maps details.fields to errors).
    await expect(friend("ZZZZZZZZ", { email })).rejects.toMatchObject({ status: 422, details: { fields: { referralCode: [expect.any(String)] } } });
    expect(await database.db.select().from(members).where(and(eq(members.programId, programId), eq(members.email, email)))).toEqual([]);
  });

  it("refuses the referrer's own email or phone, written another way", async () => {
    const ana = await referrer();
    const [local, domain] = ana.email!.split("@");
    expect(await codeOf(friend(ana.code, { email: `${local!.toUpperCase()}+otra@${domain}` }))).toBe("referral_same_identity");
    expect(await codeOf(friend(ana.code, { phone: ana.phone!.replace("+52", "") }))).toBe("referral_same_identity");
  });

  it("refuses a member's own code on the portal's join form", async () => {
    const ana = await referrer();
    const joining = joinProgram(database.db, { programId, name: "Ana", email: ana.email!, consents: { terms: true, marketing: false, personalization: false }, referralCode: ana.code, ip: "127.0.0.9" }, T0);
    expect(await codeOf(joining)).toBe("referral_self_referral");
  });

  it("makes a code on first use for a member enrolled without one, the same on every call", async () => {
    const ana = await referrer();
    await database.db.update(members).set({ referralCode: null }).where(and(eq(members.programId, programId), eq(members.id, ana.id)));
    const [a, b] = await Promise.all([ensureReferralCode(database.db, { programId, memberId: ana.id }), ensureReferralCode(database.db, { programId, memberId: ana.id })]);
    expect(a).toMatch(/^[2-9A-Z]{8}$/);
    expect(b).toBe(a);
  });
});

describe("the reward", () => {
  it("pays both sides once, after the qualifying purchase's release, however often the job runs", async () => {
    const ana = await referrer();
    const beto = await friend(ana.code);
    await buy(beto.id, 10_000); // below the minimum: does not qualify
    expect((await referralOf(beto.id))!.qualifyingPurchaseId).toBeNull();
    const purchase = await buy(beto.id);
    expect((await referralOf(beto.id))!.qualifyingPurchaseId).toBe(purchase.purchaseId);

    // Inside the return window nothing is due.
    expect(await releaseAndRewardReferrals(database.db, { programId, now: new Date(T0.getTime() + DAY) })).toMatchObject({ referrals: 0 });
    expect(await available(ana.id)).toBe(0);

    expect(await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW })).toMatchObject({ referrals: 1 });
    expect(await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW })).toMatchObject({ referrals: 0 });
    expect(await rewardDueReferrals(database.db, { programId, now: AFTER_WINDOW })).toMatchObject({ referrals: 0 });
    expect(await available(ana.id)).toBe(100);
    expect(await available(beto.id)).toBe(100 + 300 + 50);
    expect(await referralOf(beto.id)).toMatchObject({ status: "rewarded", referrerPoints: 100, refereePoints: 50, referrerEntryId: expect.any(Number), refereeEntryId: expect.any(Number) });
    // A later purchase is not a second first purchase.
    await buy(beto.id);
    expect(await releaseAndRewardReferrals(database.db, { programId, now: new Date(AFTER_WINDOW.getTime() + 15 * DAY) })).toMatchObject({ referrals: 0 });
    expect(await available(ana.id)).toBe(100);
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });

  it("is cancelled by a refund of the qualifying purchase before its release", async () => {
    const ana = await referrer();
    const beto = await friend(ana.code);
    const purchase = await buy(beto.id);
    await refundPurchase(database.db, system, { programId, orderId: purchase.orderId, amount: 50 }, new Date(T0.getTime() + 2 * DAY));
    expect(await referralOf(beto.id)).toMatchObject({ status: "cancelled", reason: "purchase_refunded" });
    await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW });
    expect(await available(ana.id)).toBe(0);
    expect(await referralOf(beto.id)).toMatchObject({ status: "cancelled", referrerPoints: 0, refereePoints: 0 });
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });

  it("records referrals beyond the referrer's limit without rewarding them", async () => {
    const ana = await referrer();
    const friends = [await friend(ana.code), await friend(ana.code), await friend(ana.code)];
    for (const f of friends) await buy(f.id);
    await releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW });
    const statuses = await Promise.all(friends.map(async (f) => (await referralOf(f.id))!));
    expect(statuses.map((r) => r.status).sort()).toEqual(["not_rewarded", "rewarded", "rewarded"]);
    expect(statuses.find((r) => r.status === "not_rewarded")).toMatchObject({ reason: "limit_reached", referrerPoints: 0, refereePoints: 0 });
    expect(await available(ana.id)).toBe(200);
  });
});

describe("races", () => {
  it("rewards once when two releases run at once", async () => {
    const ana = await referrer();
    const beto = await friend(ana.code);
    await buy(beto.id);
    const runs = await Promise.all([1, 2, 3].map(() => releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW })));
    expect(runs.reduce((n, r) => n + r.referrals, 0)).toBe(1);
    expect(await available(ana.id)).toBe(100);
    expect(await available(beto.id)).toBe(350);
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });

  it("keeps the limit when the referrer's friends are rewarded at once", async () => {
    const ana = await referrer();
    const friends = await Promise.all([1, 2, 3, 4].map(() => friend(ana.code)));
    for (const f of friends) await buy(f.id);
    await releaseDuePoints(database.db, { programId, now: AFTER_WINDOW });
    await Promise.all([1, 2].map(() => rewardDueReferrals(database.db, { programId, now: AFTER_WINDOW })));
    expect(await available(ana.id)).toBe(200);
  });

  it("takes only one of two first purchases racing as the qualifying one", async () => {
    const ana = await referrer();
    const beto = await friend(ana.code);
    const bought = await Promise.all([buy(beto.id), buy(beto.id)]);
    const referral = (await referralOf(beto.id))!;
    expect(bought.map((b) => b.purchaseId)).toContain(referral.qualifyingPurchaseId);
    await Promise.all([1, 2].map(() => releaseAndRewardReferrals(database.db, { programId, now: AFTER_WINDOW })));
    expect(await available(ana.id)).toBe(100);
  });
});

describe("what members and staff see", () => {
  it("lists a referrer's friends by first name and status, and their referrer on the member's record", async () => {
    const ana = await referrer();
    const beto = await friend(ana.code);
    const carla = await createMember(database.db, { programId, name: "Carla María Pérez", email: `carla.${tag()}@example.com`, referralCode: ana.code }, T0);
    await buy(beto.id);
    const mine = await getMyReferrals(database.db, { kind: "member", programId, memberId: ana.id });
    expect(mine.code).toBe(ana.code);
    expect(mine.displayCode).toBe(`${ana.code.slice(0, 4)}-${ana.code.slice(4)}`);
    expect(mine.counts).toMatchObject({ total: 2, pending: 2, rewarded: 0 });
    expect(mine.friends.map((f) => [f.name, f.status]).sort()).toEqual([["Beto N.", "awaiting_release"], ["Carla P.", "awaiting_purchase"]]);
    const record = await getMemberReferrals(database.db, system, { programId, memberId: carla.id });
    expect(record.referredBy).toMatchObject({ memberId: ana.id, name: "Ana Refiere", status: "pending" });
    expect((await getMemberReferrals(database.db, system, { programId, memberId: ana.id })).referred).toMatchObject({ total: 2, pending: 2 });
    // Only a signed-in member has a referral page.
    await expect(getMyReferrals(database.db, system)).rejects.toMatchObject({ code: "not_found" });
  });

  it("saves referral settings validated and audited, and applies them to the next reward", async () => {
    const saved = await updateReferralSettings(database.db, system, { programId, referrerPoints: "100", refereePoints: "50", limitPerReferrer: "2", minPurchase: "200" });
    expect(saved.changed).toBe(false);
    await expect(updateReferralSettings(database.db, system, { programId, referrerPoints: "-5", refereePoints: "50", limitPerReferrer: "", minPurchase: "0" })).rejects.toMatchObject({ code: "validation_failed" });
    const changed = await updateReferralSettings(database.db, system, { programId, referrerPoints: "100", refereePoints: "50", limitPerReferrer: "2", minPurchase: "500" });
    expect(changed).toMatchObject({ changed: true, settings: { minPurchaseMinor: 50_000, limitPerReferrer: 2 } });
    const ana = await referrer();
    const beto = await friend(ana.code);
    await buy(beto.id, 30_000); // MXN 300 no longer qualifies
    expect((await referralOf(beto.id))!.qualifyingPurchaseId).toBeNull();
    await updateReferralSettings(database.db, system, { programId, referrerPoints: "100", refereePoints: "50", limitPerReferrer: "2", minPurchase: "200" });
  });
});
