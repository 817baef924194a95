import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import type { ProgramRow } from "@/db/queries/programs";
import { rewards } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { upsertCatalogProducts } from "@/lib/services/catalog/upsert-products";
import { validateCoupon } from "@/lib/services/coupons/validate-coupon";
import { getDeskRedeemContext } from "@/lib/services/desk/desk-redemption";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { createStore } from "@/lib/services/stores/create-store";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { listActiveRewards, listMemberRewards } from "./list-rewards";
import { createReward, updateRewardTerms } from "./manage-rewards";
import { redeemReward } from "./redeem-reward";

/** Rewards aimed at the catalog: one SKU ("free coffee") or a category node at any level ("20% off in Footwear"). */
let database: Database;
let program: ProgramRow;
let other: ProgramRow;
const system: Actor = { kind: "system", label: "test" };
const user = (p: ProgramRow, role: Grant["role"]): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `${role}@example.com`,
  grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }],
});

const product = (sku: string, path: string[], name: string) => ({ sku, name, path, brand: null, unitCostMinor: null });

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
  other = await makeProgram(database);
  await upsertCatalogProducts(database.db, user(program, "marketer"), {
    programId: program.id,
    source: "csv",
    importId: "seed",
    products: [product("SHOE-RUN-42", ["Moda", "Calzado", "Running"], "Tenis de correr 42"), product("COFFEE-250", ["Abarrotes", "Café"], "Café de Chiapas 250 g")],
  });
  await upsertCatalogProducts(database.db, user(other, "marketer"), { programId: other.id, source: "csv", importId: "seed", products: [product("TOY-1", ["Juguetes"], "Trompo")] });
});
afterAll(async () => database.close());

const footwear = { kind: "percent_discount" as const, name: { es: "20% en calzado", en: "20% off footwear" }, pointsPrice: 100, value: 2000, target: { kind: "category" as const, code: "moda/calzado" } };
const coffee = { kind: "free_product" as const, name: { es: "Café gratis", en: "Free coffee" }, pointsPrice: 50, target: { kind: "sku" as const, sku: "COFFEE-250" } };

/** A member with enough points and a coupon of the reward. */
async function couponOf(rewardId: string) {
  const { id: memberId } = await makeMember(database, program.id);
  await earnPoints(database.db, { programId: program.id, memberId, points: 500 });
  return (await redeemReward(database.db, system, { programId: program.id, memberId, rewardId })).coupon.code;
}

describe("reward targets", () => {
  it("stores a category or a SKU of the catalog, audited, and shows it with its name to integrations, members and the desk", async () => {
    const marketer = user(program, "marketer");
    const shoes = await createReward(database.db, marketer, { programId: program.id, ...footwear });
    const free = await createReward(database.db, marketer, { programId: program.id, ...coffee });
    expect(shoes).toMatchObject({ targetCategory: "moda/calzado", targetSku: null });
    expect(free).toMatchObject({ targetSku: "COFFEE-250", targetCategory: null });
    const audit = await listAuditEntries(database.db, { programId: program.id, limit: 10 });
    expect(audit.find((a) => a.targetId === shoes.id && a.action === "reward.create")?.after).toMatchObject({ targetCategory: "moda/calzado" });

    const listed = await listActiveRewards(database.db, system, { programId: program.id });
    expect(listed.find((r) => r.id === shoes.id)?.target).toEqual({ kind: "category", code: "moda/calzado", name: "Calzado", level: 2 });
    expect(listed.find((r) => r.id === free.id)?.target).toEqual({ kind: "sku", sku: "COFFEE-250", name: "Café de Chiapas 250 g" });

    const { id: memberId } = await makeMember(database, program.id);
    await earnPoints(database.db, { programId: program.id, memberId, points: 500 });
    const mine = await listMemberRewards(database.db, { kind: "member", programId: program.id, memberId }, { programId: program.id, memberId });
    expect(mine.rewards.find((r) => r.id === shoes.id)?.target).toMatchObject({ kind: "category", name: "Calzado" });

    const store = await createStore(database.db, system, { programId: program.id, code: "CENTRO", name: "Centro" });
    const desk = await getDeskRedeemContext(database.db, system, { programId: program.id, storeId: store.id, memberId });
    expect(desk.groups.flatMap((g) => g.rewards).find((r) => r.id === free.id)?.target).toMatchObject({ kind: "sku", sku: "COFFEE-250" });
  });

  it("changes a target and takes it away: the reward is then valid on the whole ticket", async () => {
    const marketer = user(program, "marketer");
    const reward = await createReward(database.db, marketer, { programId: program.id, ...footwear });
    const toShoe = await updateRewardTerms(database.db, marketer, { programId: program.id, rewardId: reward.id, ...footwear, target: { kind: "sku", sku: "SHOE-RUN-42" } });
    expect(toShoe).toMatchObject({ targetSku: "SHOE-RUN-42", targetCategory: null });
    const cleared = await updateRewardTerms(database.db, marketer, { programId: program.id, rewardId: reward.id, ...footwear, target: null });
    expect(cleared).toMatchObject({ targetSku: null, targetCategory: null });
    expect((await listActiveRewards(database.db, system, { programId: program.id })).find((r) => r.id === reward.id)?.target).toBeNull();
  });

  it.each([
    ["an unknown SKU", { kind: "sku", sku: "NOPE-1" }, "target.sku", "There is no product with this SKU in the catalog."],
    ["another program's SKU", { kind: "sku", sku: "TOY-1" }, "target.sku", "There is no product with this SKU in the catalog."],
    ["an unknown category", { kind: "category", code: "moda/sombreros" }, "target.code", "There is no such category in the catalog."],
    ["another program's category", { kind: "category", code: "juguetes" }, "target.code", "There is no such category in the catalog."],
    ["an empty SKU", { kind: "sku", sku: " " }, "target.sku", "Give the SKU the reward is valid on."],
    ["no category chosen", { kind: "category", code: "" }, "target.code", "Pick the category the reward is valid on."],
  ] as const)("refuses %s with a field error and writes nothing", async (_name, target, field, message) => {
    const name = { es: `Premio ${randomUUID().slice(0, 6)}`, en: "Prize" };
    await expect(createReward(database.db, user(program, "marketer"), { programId: program.id, ...footwear, name, target })).rejects.toMatchObject({ code: "validation_failed", fields: { [field]: [message] } });
    expect(await database.db.select().from(rewards).where(and(eq(rewards.programId, program.id), eq(rewards.name, name)))).toHaveLength(0);
  });

  it("tells the counter whether the basket holds what a targeted coupon is valid on", async () => {
    const shoes = await createReward(database.db, system, { programId: program.id, ...footwear });
    const code = await couponOf(shoes.id);
    const check = (lines?: { sku?: string; category?: string; quantity?: number }[]) => validateCoupon(database.db, system, { programId: program.id, code, lines });

    // SKU-only lines are classified from the catalog: the running shoe is under Moda › Calzado › Running.
    expect(await check([{ sku: "COFFEE-250" }, { sku: "SHOE-RUN-42", quantity: 1 }])).toMatchObject({ status: "issued", target: { kind: "category", code: "moda/calzado" }, applies: true, qualifyingLines: [1] });
    expect(await check([{ sku: "COFFEE-250", quantity: 2 }, { sku: "UNKNOWN-9" }])).toMatchObject({ applies: false, qualifyingLines: [] });
    // A line sent with its category counts too.
    expect(await check([{ category: "moda/calzado/running" }])).toMatchObject({ applies: true, qualifyingLines: [0] });
    // Without lines the coupon still validates, and says what it is valid on.
    const alone = await check();
    expect(alone).toMatchObject({ status: "issued", target: { kind: "category", name: "Calzado" } });
    expect(alone).not.toHaveProperty("applies");
  });

  it("applies a SKU coupon to that SKU only, and a coupon without a target to any basket", async () => {
    const free = await createReward(database.db, system, { programId: program.id, ...coffee });
    const plain = await createReward(database.db, system, { programId: program.id, kind: "amount_discount", name: { es: "$50", en: "$50 off" }, pointsPrice: 80, value: 5000 });
    const basket = [{ sku: "SHOE-RUN-42" }, { sku: "COFFEE-250" }];
    expect(await validateCoupon(database.db, system, { programId: program.id, code: await couponOf(free.id), lines: basket })).toMatchObject({ target: { kind: "sku", sku: "COFFEE-250" }, applies: true, qualifyingLines: [1] });
    expect(await validateCoupon(database.db, system, { programId: program.id, code: await couponOf(plain.id), lines: basket })).toMatchObject({ target: null, applies: true, qualifyingLines: [0, 1] });
  });
});
