import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { ledgerEntries, productCategories, products, purchaseLines, purchases } from "../schema";
import type { Executor } from "../types";

export type PurchaseRow = typeof purchases.$inferSelect;

export async function insertPurchase(tx: Executor, values: typeof purchases.$inferInsert): Promise<PurchaseRow> {
  const [row] = await tx.insert(purchases).values(values).returning();
  return row!;
}

/** Many purchases in one statement (bulk loads such as the demo's counter tickets). */
export async function insertPurchases(tx: Executor, rows: (typeof purchases.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(purchases).values(rows);
}

export async function insertPurchaseLines(tx: Executor, rows: (typeof purchaseLines.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(purchaseLines).values(rows);
}

export async function findPurchaseByOrder(db: Executor, p: { programId: string; orderId: string }): Promise<PurchaseRow | undefined> {
  const [row] = await db.select().from(purchases).where(and(eq(purchases.programId, p.programId), eq(purchases.orderId, p.orderId)));
  return row;
}

export async function countMemberPurchases(tx: Executor, p: { programId: string; memberId: string }): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(purchases).where(and(eq(purchases.programId, p.programId), eq(purchases.memberId, p.memberId)));
  return Number(row?.n ?? 0);
}

export async function linkPurchaseEarn(tx: Executor, p: { programId: string; purchaseId: string; entryId: number; points: number }): Promise<void> {
  await tx.update(purchases).set({ earnEntryId: p.entryId, pointsEarned: p.points }).where(and(eq(purchases.programId, p.programId), eq(purchases.id, p.purchaseId)));
}

/** Category code → its path from the department down, for the program's catalog. */
export async function loadCategoryPaths(db: Executor, programId: string): Promise<Map<string, string[]>> {
  const rows = await db.select({ code: productCategories.code, parent: productCategories.parentCode }).from(productCategories).where(eq(productCategories.programId, programId));
  const parent = new Map(rows.map((r) => [r.code, r.parent]));
  const paths = new Map<string, string[]>();
  for (const { code } of rows) {
    const path: string[] = [];
    for (let c: string | null | undefined = code; c && path.length < 10; c = parent.get(c)) path.unshift(c);
    paths.set(code, path);
  }
  return paths;
}

export async function productCategoriesBySku(db: Executor, p: { programId: string; skus: string[] }): Promise<Map<string, string | null>> {
  if (!p.skus.length) return new Map();
  const rows = await db
    .select({ sku: products.sku, category: products.categoryCode })
    .from(products)
    .where(and(eq(products.programId, p.programId), inArray(products.sku, p.skus)));
  return new Map(rows.map((r) => [r.sku, r.category]));
}

/** Points a member earned since `since` (qualification for tiers by points). */
export async function sumEarnedSince(tx: Executor, p: { programId: string; memberId: string; since: Date }): Promise<number> {
  const [row] = await tx
    .select({ points: sql<string>`coalesce(sum(${ledgerEntries.points}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.programId), eq(ledgerEntries.memberId, p.memberId), eq(ledgerEntries.kind, "earn"), gte(ledgerEntries.occurredAt, p.since)));
  return Number(row?.points ?? 0);
}

/** Points each member earned in [since, until), for a batch of members at once (tier reviews); absent = 0. */
export async function sumEarnedBetweenByMember(db: Executor, p: { programId: string; memberIds: string[]; since: Date; until: Date }): Promise<Map<string, number>> {
  if (!p.memberIds.length) return new Map();
  const rows = await db
    .select({ memberId: ledgerEntries.memberId, points: sql<string>`coalesce(sum(${ledgerEntries.points}), 0)` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.programId, p.programId),
        inArray(ledgerEntries.memberId, p.memberIds),
        eq(ledgerEntries.kind, "earn"),
        gte(ledgerEntries.occurredAt, p.since),
        lt(ledgerEntries.occurredAt, p.until),
      ),
    )
    .groupBy(ledgerEntries.memberId);
  return new Map(rows.flatMap((r) => (r.memberId ? [[r.memberId, Number(r.points)] as const] : [])));
}

/** A member's spend since `since`: purchase amounts net of refunds, minor units (qualification for tiers by spend). */
export async function sumSpendSince(tx: Executor, p: { programId: string; memberId: string; since: Date }): Promise<number> {
  const [row] = await tx
    .select({ spend: sql<string>`coalesce(sum(${purchases.amountMinor} - ${purchases.refundedMinor}), 0)` })
    .from(purchases)
    .where(and(eq(purchases.programId, p.programId), eq(purchases.memberId, p.memberId), gte(purchases.occurredAt, p.since)));
  return Math.max(0, Number(row?.spend ?? 0));
}

/** Each member's spend net of refunds in [since, until), by the purchases' own dates, for a batch of members (tier reviews); absent = 0. */
export async function sumSpendBetweenByMember(db: Executor, p: { programId: string; memberIds: string[]; since: Date; until: Date }): Promise<Map<string, number>> {
  if (!p.memberIds.length) return new Map();
  const rows = await db
    .select({ memberId: purchases.memberId, spend: sql<string>`coalesce(sum(${purchases.amountMinor} - ${purchases.refundedMinor}), 0)` })
    .from(purchases)
    .where(and(eq(purchases.programId, p.programId), inArray(purchases.memberId, p.memberIds), gte(purchases.occurredAt, p.since), lt(purchases.occurredAt, p.until)))
    .groupBy(purchases.memberId);
  return new Map(rows.flatMap((r) => (r.memberId ? [[r.memberId, Math.max(0, Number(r.spend))] as const] : [])));
}
