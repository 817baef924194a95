import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { coupons, ledgerEntries, purchaseRefunds, purchases, users } from "../schema";
import type { Executor } from "../types";

type Window = { programId: string; storeId: string; from: Date; to: Date };

const entryNet = sql`${ledgerEntries.availableDelta} + ${ledgerEntries.pendingDelta} + ${ledgerEntries.heldDelta}`;
const entryActor = sql<string>`${ledgerEntries.actorType}::text || ':' || coalesce(${ledgerEntries.actorId}, '')`;

/**
 * Refund reversals carry no store (the refund service reverses against the
 * purchase); they are counted with the refunds, so the ledger part leaves them out.
 */
const isRefundReversal = sql`exists (select 1 from ${purchaseRefunds} r where r.program_id = ${ledgerEntries.programId} and r.entry_id = ${ledgerEntries.id})`;

/** Ledger entries written at the store in [from, to), summed per person and kind. */
export async function sumStoreLedger(db: Executor, p: Window) {
  const rows = await db
    .select({
      actor: entryActor,
      kind: ledgerEntries.kind,
      count: sql<number>`count(*)::int`,
      points: sql<string>`coalesce(sum(${ledgerEntries.points}), 0)`,
      net: sql<string>`coalesce(sum(${entryNet}), 0)`,
      positive: sql<string>`coalesce(sum(greatest(${entryNet}, 0)), 0)`,
      negative: sql<string>`coalesce(sum(greatest(-(${entryNet}), 0)), 0)`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programId, p.programId), eq(ledgerEntries.storeId, p.storeId), gte(ledgerEntries.occurredAt, p.from), lt(ledgerEntries.occurredAt, p.to), sql`not ${isRefundReversal}`))
    .groupBy(entryActor, ledgerEntries.kind);
  return rows.map((r) => ({ ...r, count: Number(r.count), points: Number(r.points), net: Number(r.net), positive: Number(r.positive), negative: Number(r.negative) }));
}

/** Purchases credited at the store in [from, to): who credited them (the earn entry's actor, else the staff user). */
export async function sumStorePurchases(db: Executor, p: Window) {
  const actor = sql<string>`coalesce(${ledgerEntries.actorType}::text || ':' || coalesce(${ledgerEntries.actorId}, ''), case when ${purchases.staffUserId} is null then 'system:' else 'user:' || ${purchases.staffUserId}::text end)`;
  const rows = await db
    .select({ actor, count: sql<number>`count(*)::int`, amountMinor: sql<string>`coalesce(sum(${purchases.amountMinor}), 0)` })
    .from(purchases)
    .leftJoin(ledgerEntries, and(eq(ledgerEntries.programId, purchases.programId), eq(ledgerEntries.id, purchases.earnEntryId)))
    .where(and(eq(purchases.programId, p.programId), eq(purchases.storeId, p.storeId), gte(purchases.occurredAt, p.from), lt(purchases.occurredAt, p.to)))
    .groupBy(actor);
  return rows.map((r) => ({ actor: r.actor, count: Number(r.count), amountMinor: Number(r.amountMinor) }));
}

/**
 * Refunds in [from, to) processed at the store's counter (or, without a
 * counter — API, console — refunds of purchases made there), with what their
 * reversal entries did to balances.
 */
export async function sumStoreRefunds(db: Executor, p: Window) {
  const actor = sql<string>`${purchaseRefunds.actorType} || ':' || coalesce(${purchaseRefunds.actorId}, '')`;
  const rows = await db
    .select({
      actor,
      count: sql<number>`count(*)::int`,
      amountMinor: sql<string>`coalesce(sum(${purchaseRefunds.amountMinor}), 0)`,
      pointsReversed: sql<string>`coalesce(sum(${purchaseRefunds.pointsReversed}), 0)`,
      clawbackPoints: sql<string>`coalesce(sum(${purchaseRefunds.clawbackPoints}), 0)`,
      net: sql<string>`coalesce(sum(${entryNet}), 0)`,
    })
    .from(purchaseRefunds)
    .innerJoin(purchases, and(eq(purchases.programId, purchaseRefunds.programId), eq(purchases.id, purchaseRefunds.purchaseId)))
    .leftJoin(ledgerEntries, and(eq(ledgerEntries.programId, purchaseRefunds.programId), eq(ledgerEntries.id, purchaseRefunds.entryId)))
    .where(and(eq(purchaseRefunds.programId, p.programId), sql`coalesce(${purchaseRefunds.storeId}, ${purchases.storeId}) = ${p.storeId}`, gte(purchaseRefunds.createdAt, p.from), lt(purchaseRefunds.createdAt, p.to)))
    .groupBy(actor);
  return rows.map((r) => ({
    actor: r.actor,
    count: Number(r.count),
    amountMinor: Number(r.amountMinor),
    pointsReversed: Number(r.pointsReversed),
    clawbackPoints: Number(r.clawbackPoints),
    net: Number(r.net),
  }));
}

/** Coupons used at the store in [from, to), per person (`used_by` is `<actor type>:<id>`). */
export async function sumStoreCouponUses(db: Executor, p: Window) {
  const actor = sql<string>`coalesce(${coupons.usedBy}, 'system:')`;
  const rows = await db
    .select({ actor, count: sql<number>`count(*)::int` })
    .from(coupons)
    .where(and(eq(coupons.programId, p.programId), eq(coupons.usedStoreId, p.storeId), eq(coupons.status, "redeemed"), gte(coupons.usedAt, p.from), lt(coupons.usedAt, p.to)))
    .groupBy(actor);
  return rows.map((r) => ({ actor: r.actor, count: Number(r.count) }));
}

/** Names and emails of the people on a report (users are global; their ids come from this program's own rows). */
export async function listReportPeople(db: Executor, userIds: string[]): Promise<Map<string, { name: string | null; email: string }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}
