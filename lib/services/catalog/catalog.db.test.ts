import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, purchaseLines } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { getCategoryTree } from "./get-category-tree";
import { getProduct } from "./get-product";
import { importApiProducts } from "./import-api-products";
import { listProducts } from "./list-products";
import { setProductActive } from "./set-product-active";
import { upsertCatalogProducts } from "./upsert-products";

let database: Database;
let P: { id: string; organizationId: string };
let Q: { id: string; organizationId: string };
const system: Actor = { kind: "system", label: "test" };

const user = (role: Role, program: { id: string; organizationId: string }): Actor => ({
  kind: "user",
  userId: crypto.randomUUID(),
  email: `${role}@example.com`,
  grants: [{ organizationId: program.organizationId, programId: program.id, role, storeIds: [], extraPermissions: [] }],
});

const product = (sku: string, path: string[], unitCostMinor: number | null = 1000, name = `Producto ${sku}`) => ({ sku, name, path, brand: "Lazo", unitCostMinor });

/** Double points on everything in the Electrónica department, however deep the product sits. */
const departmentPlan: PlanDefinition = {
  ...defaultPlan(),
  rules: [
    {
      id: "double-electronics",
      name: { es: "Doble en electrónica", en: "Double on electronics" },
      priority: 1,
      stacking: "combinable",
      conditions: { categories: ["electronica"] },
      effect: { kind: "multiplier", factor: 2 },
      active: true,
    },
  ],
};

beforeAll(async () => {
  database = await openTestDatabase();
  P = await makeProgram(database, { plan: departmentPlan });
  Q = await makeProgram(database);
  await upsertCatalogProducts(database.db, user("marketer", P), {
    programId: P.id,
    source: "csv",
    importId: "seed",
    products: [
      product("AUD-1", ["Electrónica", "Audio", "Audífonos"], 45_000),
      product("AUD-2", ["Electrónica", "Audio", "Audífonos"], 30_000),
      product("TV-1", ["Electrónica", "Video"], 500_000),
      product("OLLA-1", ["Hogar", "Cocina", "Ollas"], 12_000),
      product("SUELTO", [], null),
    ],
  });
});
afterAll(async () => database.close());

describe("upsertCatalogProducts", () => {
  it("creates, then updates only what changed, and replays as unchanged", async () => {
    const program = await makeProgram(database);
    const marketer = user("marketer", program);
    const batch = [product("A", ["Despensa", "Café"], 5500), product("B", ["Despensa"], null)];
    expect(await upsertCatalogProducts(database.db, marketer, { programId: program.id, source: "csv", importId: "f1", products: batch })).toEqual({ created: 2, updated: 0, unchanged: 0, categoriesCreated: 2 });
    expect(await upsertCatalogProducts(database.db, marketer, { programId: program.id, source: "csv", importId: "f1", products: batch })).toEqual({ created: 0, updated: 0, unchanged: 2, categoriesCreated: 0 });
    const changed = [{ ...batch[0]!, unitCostMinor: 6000 }, product("C", ["Despensa", "Té"], 100)];
    expect(await upsertCatalogProducts(database.db, marketer, { programId: program.id, source: "api", products: changed })).toEqual({ created: 1, updated: 1, unchanged: 0, categoriesCreated: 1 });
    expect(await getProduct(database.db, marketer, { programId: program.id, sku: "A" })).toMatchObject({ unitCostMinor: 6000, categoryCode: "despensa/cafe", categoryPath: [{ name: "Despensa", level: 1 }, { name: "Café", level: 2 }] });

    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.programId, program.id), eq(auditLog.action, "catalog.products.upsert")));
    expect(audits).toHaveLength(2); // one per batch that changed something, none for the replay
    const last = audits.find((a) => (a.after as { source: string }).source === "api")!;
    expect(last.after).toMatchObject({ created: 1, updated: 1, skus: ["A", "C"] });
    expect(last.before).toEqual({ products: [expect.objectContaining({ sku: "A", unitCostMinor: 5500 })] });
  });

  it.each([
    ["a duplicate SKU in the batch", [product("D", []), product("D", [])], "products.1.sku"],
    ["a negative cost", [product("E", [], -1)], "products.0.unitCostMinor"],
    ["four category levels", [product("F", ["a", "b", "c", "d"])], "products.0.path"],
    ["an empty name", [{ ...product("G", []), name: " " }], "products.0.name"],
  ])("refuses %s and writes nothing", async (_, products, field) => {
    const program = await makeProgram(database);
    const error = await upsertCatalogProducts(database.db, system, { programId: program.id, source: "api", products }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "validation_failed" });
    expect(Object.keys((error as { fields: object }).fields)).toContain(field);
    expect((await listProducts(database.db, system, { programId: program.id })).total).toBe(0);
  });

  it("keeps each program to its own catalog", async () => {
    const marketerQ = user("marketer", Q);
    await expect(upsertCatalogProducts(database.db, marketerQ, { programId: P.id, source: "csv", products: [product("AUD-1", [], 1)] })).rejects.toMatchObject({ code: "not_found" });
    await expect(listProducts(database.db, marketerQ, { programId: P.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getProduct(database.db, marketerQ, { programId: P.id, sku: "AUD-1" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setProductActive(database.db, marketerQ, { programId: P.id, sku: "AUD-1", active: false })).rejects.toMatchObject({ code: "not_found" });
    // The same SKU in Q is Q's own product; P's stays as it was.
    await upsertCatalogProducts(database.db, marketerQ, { programId: Q.id, source: "csv", products: [product("AUD-1", ["Otra"], 1)] });
    expect((await getProduct(database.db, system, { programId: P.id, sku: "AUD-1" })).unitCostMinor).toBe(45_000);
    expect((await listProducts(database.db, marketerQ, { programId: Q.id })).items.map((p) => p.sku)).toEqual(["AUD-1"]);
  });

  it("lets analysts read but not write, and keeps staff and members out of writing", async () => {
    const analyst = user("analyst", P);
    expect((await listProducts(database.db, analyst, { programId: P.id })).total).toBeGreaterThan(0);
    await expect(upsertCatalogProducts(database.db, analyst, { programId: P.id, source: "csv", products: [product("X", [])] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(upsertCatalogProducts(database.db, user("staff", P), { programId: P.id, source: "csv", products: [product("X", [])] })).rejects.toMatchObject({ code: "forbidden" });
    // Access is checked before the input: a refused caller learns nothing about their fields.
    await expect(upsertCatalogProducts(database.db, analyst, { programId: P.id, source: "csv", products: [] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listProducts(database.db, analyst, { programId: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });
    const member: Actor = { kind: "member", programId: P.id, memberId: crypto.randomUUID() };
    await expect(listProducts(database.db, member, { programId: P.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("reading the catalog", () => {
  it("filters by a category at any level, searches, and pages by SKU", async () => {
    const skus = async (input: object) => (await listProducts(database.db, system, { programId: P.id, ...input })).items.map((p) => p.sku);
    expect(await skus({ category: "electronica" })).toEqual(["AUD-1", "AUD-2", "TV-1"]);
    expect(await skus({ category: "electronica/audio" })).toEqual(["AUD-1", "AUD-2"]);
    expect(await skus({ category: "electronica/audio/audifonos" })).toEqual(["AUD-1", "AUD-2"]);
    expect(await skus({ category: "nope" })).toEqual([]);
    expect(await skus({ q: "olla" })).toEqual(["OLLA-1"]);
    expect(await skus({ q: "100%_" })).toEqual([]);
    expect(await skus({ uncategorized: true })).toEqual(["SUELTO"]);
    const first = await listProducts(database.db, system, { programId: P.id, limit: 2 });
    expect(first).toMatchObject({ total: 5, nextCursor: "AUD-2" });
    const second = await listProducts(database.db, system, { programId: P.id, limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((p) => p.sku)).toEqual(["OLLA-1", "SUELTO"]);
    expect((await listProducts(database.db, system, { programId: P.id, limit: 2, cursor: "SUELTO" })).nextCursor).toBeNull();
  });

  it("counts products per node of the tree, rolled up", async () => {
    const tree = await getCategoryTree(database.db, system, { programId: P.id });
    expect(tree).toMatchObject({ totalProducts: 5, uncategorized: 1, currency: "MXN" });
    expect(tree.departments.map((d) => [d.code, d.totalCount])).toEqual([["electronica", 3], ["hogar", 1]]);
    expect(tree.departments[0]!.children.map((c) => [c.name, c.totalCount])).toEqual([["Audio", 2], ["Video", 1]]);
  });

  it("deactivates a product (audited): gone from lists, still found by SKU, back on import", async () => {
    const program = await makeProgram(database);
    const marketer = user("marketer", program);
    await upsertCatalogProducts(database.db, marketer, { programId: program.id, source: "csv", products: [product("Z", ["Hogar"])] });
    expect(await setProductActive(database.db, marketer, { programId: program.id, sku: "Z", active: false })).toEqual({ sku: "Z", active: false });
    expect((await listProducts(database.db, marketer, { programId: program.id })).total).toBe(0);
    expect((await getCategoryTree(database.db, marketer, { programId: program.id })).totalProducts).toBe(0);
    expect(await getProduct(database.db, marketer, { programId: program.id, sku: "Z" })).toMatchObject({ active: false });
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.programId, program.id), eq(auditLog.action, "catalog.product.deactivate")));
    expect(audit).toMatchObject({ targetId: "Z", before: { active: true }, after: { active: false } });
    await expect(setProductActive(database.db, marketer, { programId: program.id, sku: "nope", active: false })).rejects.toMatchObject({ code: "not_found" });
    expect(await upsertCatalogProducts(database.db, marketer, { programId: program.id, source: "csv", products: [product("Z", ["Hogar"])] })).toMatchObject({ updated: 1 });
    expect((await listProducts(database.db, marketer, { programId: program.id })).total).toBe(1);
  });
});

describe("importApiProducts", () => {
  it("converts decimal costs in the program's currency and names each bad field by position", async () => {
    const program = await makeProgram(database);
    const key: Actor = { kind: "api_key", programId: program.id, keyId: crypto.randomUUID(), scopes: ["catalog:write"] };
    expect(await importApiProducts(database.db, key, { programId: program.id, body: { products: [{ sku: "K-1", name: "Kit", department: "Hogar", unitCost: 12.5 }] } })).toMatchObject({ created: 1 });
    expect((await getProduct(database.db, key, { programId: program.id, sku: "K-1" })).unitCostMinor).toBe(1250);
    const error = await importApiProducts(database.db, key, {
      programId: program.id,
      body: { products: [{ sku: "K-2", name: "Ok" }, { sku: "K-3", name: "Caro", unitCost: 1.234 }, { sku: "K-4", name: "Huérfano", subcategory: "Sub" }, { sku: "K-5", name: "x", price: 3 }] },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "validation_failed" });
    expect(Object.keys((error as { fields: object }).fields)).toEqual(["products.3"]);
    const second = await importApiProducts(database.db, key, { programId: program.id, body: { products: [{ sku: "K-3", name: "Caro", unitCost: 1.234 }, { sku: "K-4", name: "Huérfano", subcategory: "Sub" }] } }).catch((e: unknown) => e);
    expect(Object.keys((second as { fields: object }).fields).sort()).toEqual(["products.0.unitCost", "products.1.subcategory"]);
    expect((await listProducts(database.db, key, { programId: program.id })).total).toBe(1);
  });
});

describe("purchases classified from the catalog", () => {
  it("classifies SKU-only lines down the whole path, so a department rule fires on a subcategory product, and keeps the unit cost", async () => {
    const { id: memberId } = await makeMember(database, P.id);
    const lines = [
      { sku: "AUD-1", quantity: 1, unitPriceMinor: 60_000 },
      { sku: "OLLA-1", quantity: 2, unitPriceMinor: 20_000 },
      { sku: "UNKNOWN", quantity: 1, unitPriceMinor: 10_000 },
    ];
    const result = await recordPurchase(database.db, system, { programId: P.id, memberId, orderId: `CAT-${Date.now()}`, amountMinor: 110_000, currency: "MXN", channel: "pos", lines });
    // Base 1 point per 1.00: 600 + 400 + 100; the Electrónica rule doubles the headphones' 600.
    expect(result.pointsEarned).toBe(1700);
    expect(result.explanation.rules).toEqual([{ ruleId: "double-electronics", fired: true, points: 600 }]);
    const stored = await database.db.select().from(purchaseLines).where(and(eq(purchaseLines.programId, P.id), eq(purchaseLines.purchaseId, result.purchaseId))).orderBy(purchaseLines.lineNo);
    expect(stored.map((l) => [l.sku, l.category, l.unitCostMinor])).toEqual([
      ["AUD-1", "electronica/audio/audifonos", 45_000],
      ["OLLA-1", "hogar/cocina/ollas", 12_000],
      ["UNKNOWN", null, null],
    ]);
  });

  it("keeps classifying a deactivated product", async () => {
    const program = await makeProgram(database, { plan: departmentPlan });
    await upsertCatalogProducts(database.db, system, { programId: program.id, source: "csv", products: [product("OLD-TV", ["Electrónica", "Video"], 100)] });
    await setProductActive(database.db, system, { programId: program.id, sku: "OLD-TV", active: false });
    const { id: memberId } = await makeMember(database, program.id);
    const result = await recordPurchase(database.db, system, { programId: program.id, memberId, orderId: `OLD-${Date.now()}`, amountMinor: 10_000, currency: "MXN", channel: "pos", lines: [{ sku: "OLD-TV", quantity: 1, unitPriceMinor: 10_000 }] });
    expect(result.pointsEarned).toBe(200);
  });
});
