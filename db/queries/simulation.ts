import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { planSimulations, segmentMembers } from "../schema";
import { selectRows } from "../rows";
import type { Executor } from "../types";

export type PlanSimulationRow = typeof planSimulations.$inferSelect;

export async function insertPlanSimulation(db: Executor, values: typeof planSimulations.$inferInsert): Promise<PlanSimulationRow> {
  const [row] = await db.insert(planSimulations).values(values).returning();
  return row!;
}

export async function getPlanSimulation(db: Executor, p: { programId: string; id: string }): Promise<PlanSimulationRow | undefined> {
  const [row] = await db.select().from(planSimulations).where(and(eq(planSimulations.programId, p.programId), eq(planSimulations.id, p.id)));
  return row;
}

/** Newest first, without the plan documents and results (the list needs neither). */
export async function listPlanSimulations(db: Executor, p: { programId: string; limit: number }) {
  return db
    .select({
      id: planSimulations.id,
      status: planSimulations.status,
      candidateVersion: planSimulations.candidateVersion,
      candidateName: planSimulations.candidateName,
      baselineVersion: planSimulations.baselineVersion,
      baselineName: planSimulations.baselineName,
      fromDate: planSimulations.fromDate,
      toDate: planSimulations.toDate,
      total: planSimulations.total,
      processed: planSimulations.processed,
      createdAt: planSimulations.createdAt,
      finishedAt: planSimulations.finishedAt,
    })
    .from(planSimulations)
    .where(eq(planSimulations.programId, p.programId))
    .orderBy(desc(planSimulations.createdAt), desc(planSimulations.id))
    .limit(p.limit);
}

export async function updatePlanSimulation(db: Executor, p: { programId: string; id: string }, values: Partial<typeof planSimulations.$inferInsert>): Promise<void> {
  await db.update(planSimulations).set(values).where(and(eq(planSimulations.programId, p.programId), eq(planSimulations.id, p.id)));
}

/** Member purchases in [since, until): the ones a simulation replays (non-member tickets earn nothing). */
export async function countWindowPurchases(db: Executor, p: { programId: string; since: Date; until: Date }): Promise<number> {
  const [row] = await selectRows<{ n: string }>(db, sql`
    select count(*)::bigint as n from purchases
    where program_id = ${p.programId} and member_id is not null and occurred_at >= ${p.since.toISOString()}::timestamptz and occurred_at < ${p.until.toISOString()}::timestamptz`);
  return Number(row?.n ?? 0);
}

export type WindowPurchase = {
  id: string;
  memberId: string;
  channel: "pos" | "ecommerce" | "app";
  storeId: string | null;
  amountMinor: number;
  refundedMinor: number;
  occurredAt: Date;
  /** The member bought before this purchase (in or before the window). */
  hasEarlier: boolean;
};

/**
 * One keyset page of the window's member purchases in time order, after
 * (occurred_at, id) of the previous page's last row. Served by
 * purchases_program_time_idx; the "earlier purchase" probe by purchases_member_idx.
 */
export async function listWindowPurchases(db: Executor, p: { programId: string; since: Date; until: Date; after: { occurredAt: Date; id: string } | null; limit: number }): Promise<WindowPurchase[]> {
  const after = p.after ? sql`and (p.occurred_at, p.id) > (${p.after.occurredAt.toISOString()}::timestamptz, ${p.after.id}::uuid)` : sql``;
  const rows = await selectRows<{ id: string; member_id: string; channel: WindowPurchase["channel"]; store_id: string | null; amount_minor: string; refunded_minor: string; occurred_at: string | Date; has_earlier: boolean }>(db, sql`
    select p.id, p.member_id, p.channel, p.store_id, p.amount_minor, p.refunded_minor, p.occurred_at,
      exists (select 1 from purchases e where e.program_id = p.program_id and e.member_id = p.member_id
        and (e.occurred_at, e.id) < (p.occurred_at, p.id)) as has_earlier
    from purchases p
    where p.program_id = ${p.programId} and p.member_id is not null
      and p.occurred_at >= ${p.since.toISOString()}::timestamptz and p.occurred_at < ${p.until.toISOString()}::timestamptz ${after}
    order by p.occurred_at, p.id
    limit ${p.limit}`);
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    channel: r.channel,
    storeId: r.store_id,
    amountMinor: Number(r.amount_minor),
    refundedMinor: Number(r.refunded_minor),
    occurredAt: new Date(r.occurred_at),
    hasEarlier: r.has_earlier === true || (r.has_earlier as unknown) === "t",
  }));
}

export type WindowPurchaseLine = { purchaseId: string; sku: string | null; category: string | null; quantity: number; refundedQuantity: number; unitPriceMinor: number };

export async function listLinesOfPurchases(db: Executor, p: { programId: string; purchaseIds: string[] }): Promise<WindowPurchaseLine[]> {
  if (!p.purchaseIds.length) return [];
  const rows = await selectRows<{ purchase_id: string; sku: string | null; category: string | null; quantity: string; refunded_quantity: string; unit_price_minor: string }>(db, sql`
    select purchase_id, sku, category, quantity, refunded_quantity, unit_price_minor from purchase_lines
    where program_id = ${p.programId} and purchase_id in (${sql.join(p.purchaseIds.map((id) => sql`${id}::uuid`), sql`, `)})
    order by purchase_id, line_no`);
  return rows.map((r) => ({ purchaseId: r.purchase_id, sku: r.sku, category: r.category, quantity: Number(r.quantity), refundedQuantity: Number(r.refunded_quantity), unitPriceMinor: Number(r.unit_price_minor) }));
}

/**
 * Each member's tier at `at`, as best the history knows: the tier of their
 * last change before it; else, when changes came only later, the tier the
 * first of them left; else (no history at all) the tier they hold now.
 */
export async function listTiersAt(db: Executor, p: { programId: string; memberIds: string[]; at: Date }): Promise<Map<string, string | null>> {
  if (!p.memberIds.length) return new Map();
  const at = p.at.toISOString();
  const rows = await selectRows<{ id: string; tier: string | null }>(db, sql`
    select m.id,
      case when before.found then before.to_tier when later.found then later.from_tier else m.tier_key end as tier
    from members m
    left join lateral (select true as found, h.to_tier from member_tier_history h
      where h.program_id = m.program_id and h.member_id = m.id and h.created_at < ${at}::timestamptz order by h.created_at desc limit 1) before on true
    left join lateral (select true as found, h.from_tier from member_tier_history h
      where h.program_id = m.program_id and h.member_id = m.id and h.created_at >= ${at}::timestamptz order by h.created_at asc limit 1) later on true
    where m.program_id = ${p.programId} and m.id in (${sql.join(p.memberIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.tier]));
}

export async function listSegmentIdsOfMembers(db: Executor, p: { programId: string; memberIds: string[] }): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!p.memberIds.length) return out;
  const rows = await db
    .select({ memberId: segmentMembers.memberId, segmentId: segmentMembers.segmentId })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.programId, p.programId), inArray(segmentMembers.memberId, p.memberIds)));
  for (const r of rows) out.set(r.memberId, [...(out.get(r.memberId) ?? []), r.segmentId]);
  return out;
}

/** All-time points issued, reversed and redeemed (the KPI rollup; refresh it first). */
export async function sumPointTotals(db: Executor, programId: string): Promise<{ issued: number; reversed: number; redeemed: number }> {
  const [row] = await selectRows<{ issued: string | null; reversed: string | null; redeemed: string | null }>(db, sql`
    select sum(points_issued) as issued, sum(points_reversed) as reversed, sum(points_redeemed) as redeemed
    from kpi_daily_rollups where program_id = ${programId}`);
  return { issued: Number(row?.issued ?? 0), reversed: Number(row?.reversed ?? 0), redeemed: Number(row?.redeemed ?? 0) };
}
