import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import type { ProgramRow } from "@/db/queries/programs";
import { domainEvents, segmentMembers } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { and, eq } from "drizzle-orm";
import { importPartnerCodes } from "./import-partner-codes";
import { listMemberRewards, listRewards } from "./list-rewards";
import { createRewardMenu, reorderRewardMenus, renameRewardMenu } from "./manage-menus";
import { archiveReward, createReward, updateRewardTerms } from "./manage-rewards";
import { payWithPoints } from "./pay-with-points";
import { redeemReward } from "./redeem-reward";
import type { CreateRewardInput } from "@/lib/validation/rewards";

let database: Database;
let program: ProgramRow;
let other: ProgramRow;
const system: Actor = { kind: "system", label: "test" };
const user = (p: ProgramRow, role: Grant["role"], storeIds: string[] = []): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `${role}@example.com`,
  grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds, extraPermissions: [] }],
});

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
  other = await makeProgram(database);
});
afterAll(async () => database.close());

const base = { kind: "amount_discount" as const, name: { es: "$5 de descuento", en: "$5 off" }, pointsPrice: 100, value: 500 };

async function memberWith(points: number) {
  const { id } = await makeMember(database, program.id);
  if (points > 0) await earnPoints(database.db, { programId: program.id, memberId: id, points });
  return id;
}

describe("catalog management", () => {
  it("creates, edits and archives a reward, auditing each change with before and after", async () => {
    const marketer = user(program, "marketer");
    const reward = await createReward(database.db, marketer, { programId: program.id, ...base, stock: 10 });
    expect(reward).toMatchObject({ status: "active", pointsPrice: 100, stock: 10, eligibility: null });
    const edited = await updateRewardTerms(database.db, marketer, { programId: program.id, rewardId: reward.id, ...base, pointsPrice: 120, tiers: ["gold"], stock: 5 });
    expect(edited).toMatchObject({ pointsPrice: 120, stock: 5, eligibility: { tiers: ["gold"] } });
    const archived = await archiveReward(database.db, marketer, { programId: program.id, rewardId: reward.id });
    expect(archived.status).toBe("archived");
    const audit = await listAuditEntries(database.db, { programId: program.id, limit: 10 });
    const mine = audit.filter((a) => a.targetId === reward.id).map((a) => a.action);
    expect(mine).toEqual(["reward.archive", "reward.update", "reward.create"]);
    const update = audit.find((a) => a.action === "reward.update" && a.targetId === reward.id)!;
    expect(update.before).toMatchObject({ pointsPrice: 100 });
    expect(update.after).toMatchObject({ pointsPrice: 120 });
  });

  it.each([
    ["a negative price", { pointsPrice: -1 }, "pointsPrice"],
    ["a percentage above 100", { kind: "percent_discount", value: 10_001 }, "value"],
    ["a discount without value", { value: null }, "value"],
    ["an end before the start", { validFrom: new Date("2026-02-01"), validUntil: new Date("2026-01-01") }, "validUntil"],
    ["stock below zero", { stock: -1 }, "stock"],
    ["an unknown field", { hacked: true }, "_"],
  ])("refuses %s and writes nothing", async (_name, change, field) => {
    const before = (await listRewards(database.db, system, { programId: program.id })).length;
    await expect(createReward(database.db, system, { programId: program.id, ...base, ...change } as never)).rejects.toMatchObject({ code: "validation_failed", fields: { [field]: expect.any(Array) } });
    expect((await listRewards(database.db, system, { programId: program.id })).length).toBe(before);
  });

  it("names every mistake at once, including those across fields", async () => {
    const bad = { programId: program.id, kind: "percent_discount" as const, name: { es: "Vinilos", en: "" }, pointsPrice: -5, value: 15_000, stock: -1, validFrom: new Date("2026-02-01"), validUntil: new Date("2026-01-01") };
    const error = await createReward(database.db, system, bad).catch((e: { fields: Record<string, string[]> }) => e);
    expect(Object.keys((error as { fields: Record<string, string[]> }).fields).sort()).toEqual(["pointsPrice", "stock", "validUntil", "value"]);
  });

  it("lets analysts read but not write, staff neither write, and outsiders not even see", async () => {
    await expect(createReward(database.db, user(program, "analyst"), { programId: program.id, ...base })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createReward(database.db, user(program, "staff", [randomUUID()]), { programId: program.id, ...base })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listRewards(database.db, user(other, "admin"), { programId: program.id })).rejects.toMatchObject({ code: "not_found" });
    expect(Array.isArray(await listRewards(database.db, user(program, "analyst"), { programId: program.id }))).toBe(true);
  });

  it("creates, renames and reorders menus, and refuses a reorder that leaves one out", async () => {
    const p = await makeProgram(database);
    const a = await createRewardMenu(database.db, system, { programId: p.id, name: { es: "Elige tu beneficio", en: "Choose your perk" } });
    const b = await createRewardMenu(database.db, system, { programId: p.id, name: { es: "Verano", en: "Summer" } });
    await renameRewardMenu(database.db, system, { programId: p.id, menuId: b.id, name: { es: "Verano 2026", en: "Summer 2026" }, description: { es: "Uno por socio", en: "One each" } });
    const ordered = await reorderRewardMenus(database.db, system, { programId: p.id, menuIds: [b.id, a.id] });
    expect(ordered.map((m) => m.name.es)).toEqual(["Verano 2026", "Elige tu beneficio"]);
    await expect(reorderRewardMenus(database.db, system, { programId: p.id, menuIds: [a.id] })).rejects.toMatchObject({ code: "validation_failed" });
    // A reward may only join a menu of its own program.
    await expect(createReward(database.db, system, { programId: program.id, ...base, menuId: a.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("redeeming a reward", () => {
  it("debits the price, lowers the stock, issues a coupon and records coupon.issued, all at once", async () => {
    const reward = await createReward(database.db, system, { programId: program.id, ...base, stock: 2, couponValidDays: 10 });
    const memberId = await memberWith(250);
    const now = new Date();
    const result = await redeemReward(database.db, { kind: "member", programId: program.id, memberId }, { programId: program.id, memberId, rewardId: reward.id }, now);
    expect(result).toMatchObject({ pointsRedeemed: 100, balance: { available: 150 }, coupon: { status: "issued", code: expect.stringMatching(/^LZ-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/), expiresAt: new Date(now.getTime() + 10 * 86_400_000).toISOString() } });
    expect((await listRewards(database.db, system, { programId: program.id })).find((r) => r.id === reward.id)).toMatchObject({ stock: 1, redeemedCount: 1 });
    const events = await database.db.select().from(domainEvents).where(and(eq(domainEvents.programId, program.id), eq(domainEvents.type, "coupon.issued")));
    expect(events.map((e) => (e.payload as { couponId: string }).couponId)).toContain(result.coupon.id);
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });

  it("returns the first coupon for a retried idempotency key, spending once", async () => {
    const reward = await createReward(database.db, system, { programId: program.id, ...base });
    const memberId = await memberWith(500);
    const first = await redeemReward(database.db, system, { programId: program.id, memberId, rewardId: reward.id, idempotencyKey: `k-${memberId}` });
    const again = await redeemReward(database.db, system, { programId: program.id, memberId, rewardId: reward.id, idempotencyKey: `k-${memberId}` });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(400);
  });

  it.each([
    ["insufficient_points", { pointsPrice: 1000 }, 100],
    ["out_of_stock", { stock: 0 }, 500],
    ["reward_not_eligible", { tiers: ["platinum"] }, 500],
    ["reward_not_eligible", { validUntil: new Date(Date.now() - 1000), validFrom: new Date(Date.now() - 100_000) }, 500],
    ["reward_not_eligible", { segmentIds: [randomUUID()] }, 500],
    ["reward_not_eligible", { status: "draft" }, 500],
  ] as const)("refuses with %s (%o) and writes nothing", async (code, terms, points) => {
    const reward = await createReward(database.db, system, { programId: program.id, ...base, ...terms } as CreateRewardInput);
    const memberId = await memberWith(points);
    await expect(redeemReward(database.db, system, { programId: program.id, memberId, rewardId: reward.id })).rejects.toMatchObject({ code });
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(points);
    expect((await listRewards(database.db, system, { programId: program.id })).find((r) => r.id === reward.id)!.redeemedCount).toBe(0);
  });

  it("holds a member to the per-member and per-period limits", async () => {
    const once = await createReward(database.db, system, { programId: program.id, ...base, perMemberLimit: 1 });
    const weekly = await createReward(database.db, system, { programId: program.id, ...base, periodLimit: { count: 1, days: 7 } });
    const memberId = await memberWith(1000);
    const redeem = (rewardId: string, now?: Date) => redeemReward(database.db, system, { programId: program.id, memberId, rewardId }, now);
    await redeem(once.id);
    await expect(redeem(once.id)).rejects.toMatchObject({ code: "limit_reached" });
    await redeem(weekly.id);
    await expect(redeem(weekly.id)).rejects.toMatchObject({ code: "limit_reached", details: { reason: "period_limit_reached" } });
    await expect(redeem(weekly.id, new Date(Date.now() + 8 * 86_400_000))).resolves.toMatchObject({ pointsRedeemed: 100 });
  });

  it("charges the tier's price and honours segment eligibility", async () => {
    const segmentId = randomUUID();
    const reward = await createReward(database.db, system, { programId: program.id, ...base, tierPrices: { bronze: 60 }, segmentIds: [segmentId] });
    const memberId = await memberWith(300);
    await expect(redeemReward(database.db, system, { programId: program.id, memberId, rewardId: reward.id })).rejects.toMatchObject({ code: "reward_not_eligible" });
    await database.db.insert(segmentMembers).values({ programId: program.id, segmentId, memberId });
    const listed = await listMemberRewards(database.db, { kind: "member", programId: program.id, memberId }, { programId: program.id, memberId });
    const tier = (await database.db.query.members.findFirst({ where: (m, { eq: e }) => e(m.id, memberId) }))!.tierKey;
    const price = tier === "bronze" ? 60 : 100;
    expect(listed.rewards.find((r) => r.id === reward.id)).toMatchObject({ price, affordable: true });
    expect((await redeemReward(database.db, system, { programId: program.id, memberId, rewardId: reward.id })).pointsRedeemed).toBe(price);
  });

  it("hands out partner codes one each, and refuses when they run out", async () => {
    const perk = await createReward(database.db, system, { programId: program.id, kind: "partner_perk", name: { es: "Streaming", en: "Streaming" }, pointsPrice: 10 });
    const imported = await importPartnerCodes(database.db, system, { programId: program.id, rewardId: perk.id, text: "code\nSTREAM-0001\nSTREAM-0002\nSTREAM-0001\n" });
    expect(imported).toMatchObject({ added: 2, duplicates: 1, free: 2 });
    expect((await listRewards(database.db, system, { programId: program.id })).find((r) => r.id === perk.id)!.freeCodes).toBe(2);
    expect(await importPartnerCodes(database.db, system, { programId: program.id, rewardId: perk.id, text: "STREAM-0002\nSTREAM-0003" })).toMatchObject({ added: 1, alreadyThere: 1, free: 3 });
    const memberId = await memberWith(100);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await redeemReward(database.db, system, { programId: program.id, memberId, rewardId: perk.id })).coupon.partnerCode);
    expect(codes.sort()).toEqual(["STREAM-0001", "STREAM-0002", "STREAM-0003"]);
    await expect(redeemReward(database.db, system, { programId: program.id, memberId, rewardId: perk.id })).rejects.toMatchObject({ code: "out_of_stock" });
    expect((await listMemberRewards(database.db, system, { programId: program.id, memberId })).rewards.some((r) => r.id === perk.id)).toBe(false);
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(70);
    await expect(importPartnerCodes(database.db, system, { programId: program.id, rewardId: perk.id, text: "\n\n" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("lets members redeem only for themselves, and other programs' ids are not found", async () => {
    const reward = await createReward(database.db, system, { programId: program.id, ...base });
    const memberId = await memberWith(300);
    const someoneElse = await memberWith(300);
    await expect(redeemReward(database.db, { kind: "member", programId: program.id, memberId: someoneElse }, { programId: program.id, memberId, rewardId: reward.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(redeemReward(database.db, { kind: "api_key", programId: other.id, keyId: randomUUID(), scopes: ["points:redeem"] }, { programId: program.id, memberId, rewardId: reward.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(redeemReward(database.db, { kind: "api_key", programId: program.id, keyId: randomUUID(), scopes: ["members:read"] }, { programId: program.id, memberId, rewardId: reward.id })).rejects.toMatchObject({ code: "forbidden" });
    const rival = await createReward(database.db, system, { programId: other.id, ...base });
    await expect(redeemReward(database.db, system, { programId: program.id, memberId, rewardId: rival.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("pays with points through the ledger", async () => {
    const memberId = await memberWith(80);
    const key: Actor = { kind: "api_key", programId: program.id, keyId: randomUUID(), scopes: ["points:redeem"] };
    expect(await payWithPoints(database.db, key, { programId: program.id, memberId, points: 30, idempotencyKey: "pay-1" })).toMatchObject({ points: 30, balance: { available: 50 } });
    await expect(payWithPoints(database.db, key, { programId: program.id, memberId, points: 51 })).rejects.toMatchObject({ code: "insufficient_points" });
  });
});
