import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import type { ProgramRow } from "@/db/queries/programs";
import { domainEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { findJob } from "@/lib/jobs/lifecycle-jobs";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { listRewards } from "@/lib/services/rewards/list-rewards";
import { createReward } from "@/lib/services/rewards/manage-rewards";
import { redeemReward } from "@/lib/services/rewards/redeem-reward";
import { createStore } from "@/lib/services/stores/create-store";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { expireCoupons } from "./expire-coupons";
import { listCoupons, listMyCoupons } from "./list-coupons";
import { redeemCoupon, validateCoupon } from "./validate-coupon";
import { voidCoupon } from "./void-coupon";

let database: Database;
let program: ProgramRow;
let storeId: string;
let otherStoreId: string;
const system: Actor = { kind: "system", label: "test" };
const staffAt = (p: ProgramRow, stores: string[]): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: "cashier@example.com",
  grants: [{ organizationId: p.organizationId, programId: p.id, role: "staff", storeIds: stores, extraPermissions: [] }],
});

beforeAll(async () => {
  database = await openTestDatabase({ isolated: true });
  program = await makeProgram(database);
  storeId = (await createStore(database.db, system, { programId: program.id, code: "S-1", name: "Centro" })).id;
  otherStoreId = (await createStore(database.db, system, { programId: program.id, code: "S-2", name: "Norte" })).id;
});
afterAll(async () => database.close());

async function issueCoupon(options: { validDays?: number; at?: Date } = {}) {
  const reward = await createReward(database.db, system, { programId: program.id, kind: "free_product", name: { es: "CD de regalo", en: "Free CD" }, pointsPrice: 50, stock: 5, couponValidDays: options.validDays ?? 30 });
  const { id: memberId } = await makeMember(database, program.id);
  await earnPoints(database.db, { programId: program.id, memberId, points: 200 }, options.at);
  const result = await redeemReward(database.db, system, { programId: program.id, memberId, rewardId: reward.id }, options.at);
  return { reward, memberId, coupon: result.coupon };
}

describe("coupons at the counter", () => {
  it("validates a code (typed loosely) and tells what it is worth, changing nothing", async () => {
    const { coupon, reward } = await issueCoupon();
    const cashier = staffAt(program, [storeId]);
    const typed = coupon.code.toLowerCase().replace(/-/g, " ");
    const found = await validateCoupon(database.db, cashier, { programId: program.id, code: typed, storeId });
    expect(found).toMatchObject({ code: coupon.code, status: "issued", reward: { id: reward.id, kind: "free_product" } });
    await expect(validateCoupon(database.db, cashier, { programId: program.id, code: coupon.code })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(validateCoupon(database.db, cashier, { programId: program.id, code: coupon.code, storeId: otherStoreId })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("redeems once; the second attempt says coupon_already_redeemed; coupon.redeemed is recorded with the store", async () => {
    const { coupon } = await issueCoupon();
    const cashier = staffAt(program, [storeId]);
    const used = await redeemCoupon(database.db, cashier, { programId: program.id, code: coupon.code, storeId });
    expect(used).toMatchObject({ status: "redeemed", usedStoreId: storeId, usedAt: expect.any(String) });
    await expect(redeemCoupon(database.db, cashier, { programId: program.id, code: coupon.code, storeId })).rejects.toMatchObject({ code: "coupon_already_redeemed", status: 422 });
    await expect(validateCoupon(database.db, cashier, { programId: program.id, code: coupon.code, storeId })).rejects.toMatchObject({ code: "coupon_already_redeemed" });
    const events = await database.db.select().from(domainEvents).where(and(eq(domainEvents.programId, program.id), eq(domainEvents.type, "coupon.redeemed")));
    expect(events.filter((e) => (e.payload as { couponId: string }).couponId === coupon.id)).toHaveLength(1);
  });

  it("lets exactly one of several counters redeem the same code at once", async () => {
    const { coupon } = await issueCoupon();
    const key: Actor = { kind: "api_key", programId: program.id, keyId: randomUUID(), scopes: ["coupons:validate"] };
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => redeemCoupon(database.db, key, { programId: program.id, code: coupon.code })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code: string }).code] : []))).toEqual(Array(5).fill("coupon_already_redeemed"));
  });

  it("refuses an expired coupon before the job marks it, and the job marks it once", async () => {
    const past = new Date(Date.now() - 3 * 86_400_000);
    const { coupon, memberId } = await issueCoupon({ validDays: 1, at: past });
    await expect(validateCoupon(database.db, system, { programId: program.id, code: coupon.code })).rejects.toMatchObject({ code: "coupon_expired" });
    expect((await listMyCoupons(database.db, { kind: "member", programId: program.id, memberId }, { programId: program.id, memberId }))[0]!.status).toBe("expired");
    expect((await expireCoupons(database.db, { programId: program.id, now: new Date() })).coupons).toBeGreaterThanOrEqual(1);
    expect(await expireCoupons(database.db, { programId: program.id, now: new Date() })).toEqual({ coupons: 0 });
    const job = await findJob("coupons-expire")!.run(database.db, new Date());
    expect(job).toMatchObject({ coupons: 0 });
    expect((await listCoupons(database.db, system, { programId: program.id, code: coupon.code }))[0]!.status).toBe("expired");
  });

  it("answers an unknown code with coupon_not_found, and stops a guesser after 10 wrong codes", async () => {
    const guesser: Actor = { kind: "api_key", programId: program.id, keyId: randomUUID(), scopes: ["coupons:validate"] };
    for (let i = 0; i < 10; i++) {
      await expect(validateCoupon(database.db, guesser, { programId: program.id, code: `LZ-2222${i}-ZZZZZ` })).rejects.toMatchObject({ code: "coupon_not_found", status: 404 });
    }
    const { coupon } = await issueCoupon();
    await expect(validateCoupon(database.db, guesser, { programId: program.id, code: coupon.code })).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    // Another actor behind another address is not affected.
    await expect(validateCoupon(database.db, system, { programId: program.id, code: coupon.code }, { ip: "10.0.0.9" })).resolves.toMatchObject({ status: "issued" });
  });

  it("limits wrong codes per IP across actors", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 30; i++) {
      const actor: Actor = { kind: "api_key", programId: program.id, keyId: randomUUID(), scopes: ["coupons:validate"] };
      await expect(validateCoupon(database.db, actor, { programId: program.id, code: `LZ-3333${i % 10}-YYYY${i % 9}` }, { ip })).rejects.toMatchObject({ code: "coupon_not_found" });
    }
    await expect(validateCoupon(database.db, system, { programId: program.id, code: "LZ-44444-44444" }, { ip })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("keeps codes of another program out of reach", async () => {
    const { coupon } = await issueCoupon();
    const rival = await makeProgram(database);
    const rivalKey: Actor = { kind: "api_key", programId: rival.id, keyId: randomUUID(), scopes: ["coupons:validate"] };
    await expect(validateCoupon(database.db, rivalKey, { programId: rival.id, code: coupon.code })).rejects.toMatchObject({ code: "coupon_not_found" });
    await expect(validateCoupon(database.db, rivalKey, { programId: program.id, code: coupon.code })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("voiding a coupon", () => {
  it("refunds the points through a reversal, returns the unit to stock, audits the reason, and refuses twice", async () => {
    const { coupon, memberId, reward } = await issueCoupon();
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(150);
    const marketer: Actor = { kind: "user", userId: randomUUID(), email: "m@example.com", grants: [{ organizationId: program.organizationId, programId: program.id, role: "marketer", storeIds: [], extraPermissions: [] }] };
    const voided = await voidCoupon(database.db, marketer, { programId: program.id, couponId: coupon.id, reason: "Cliente se equivocó de premio" });
    expect(voided).toMatchObject({ refunded: 50, coupon: { status: "voided" } });
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(200);
    expect((await listRewards(database.db, system, { programId: program.id })).find((r) => r.id === reward.id)).toMatchObject({ stock: 5, redeemedCount: 0 });
    await expect(voidCoupon(database.db, marketer, { programId: program.id, couponId: coupon.id, reason: "otra vez" })).rejects.toMatchObject({ code: "coupon_voided" });
    await expect(redeemCoupon(database.db, system, { programId: program.id, code: coupon.code })).rejects.toMatchObject({ code: "coupon_voided" });
    const audit = (await listAuditEntries(database.db, { programId: program.id, action: "coupon.void", limit: 5 })).find((a) => a.targetId === coupon.id)!;
    expect(audit.after).toMatchObject({ reason: "Cliente se equivocó de premio", refunded: 50 });
    await expect(voidCoupon(database.db, staffAt(program, [storeId]), { programId: program.id, couponId: coupon.id, reason: "sin permiso" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(voidCoupon(database.db, marketer, { programId: program.id, couponId: coupon.id, reason: "x" })).rejects.toMatchObject({ code: "validation_failed" });
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });

  it("will not void a redeemed coupon", async () => {
    const { coupon } = await issueCoupon();
    await redeemCoupon(database.db, system, { programId: program.id, code: coupon.code });
    await expect(voidCoupon(database.db, system, { programId: program.id, couponId: coupon.id, reason: "demasiado tarde" })).rejects.toMatchObject({ code: "coupon_already_redeemed" });
  });
});
