import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "../rows";
import type { Executor } from "../types";
import type { campaignKind, campaignStatus } from "../schema/engagement";
import type { LocalizedText } from "../schema/tenancy";
import { cells, counted, countCohortsFromMemberMonths, countCohortsFromMemberTotals, countCohortsFromRollup, type CohortCell } from "./kpi-cohorts";
import { dimensionOf } from "./kpi-dimensions";
import { CLV_BINS, clvBinBounds } from "@/lib/domain/analytics/clv-bins";
import { memberDimensionOf, PROGRAM_DIMENSION } from "./kpi-member-dimensions";
import { factsSql } from "./kpi-rollups";
import { countTierMovesFromTotals, countTiersFromTotals, sumOutstandingFromTotals, type TierMove } from "./kpi-totals";

/** The dashboard's filters, resolved: local days from..to (inclusive) and optional dimensions. */
export type KpiQueryFilter = {
  programId: string;
  timeZone: string;
  from: string;
  to: string;
  storeId?: string | null;
  channel?: string | null;
  segmentId?: string | null;
  tierKey?: string | null;
};

export type DailyTotals = {
  day: string; purchases: number; memberPurchases: number; revenueMinor: number; memberRevenueMinor: number; refundedMinor: number;
  pointsIssued: number; pointsRedeemed: number; pointsExpired: number; pointsReversed: number; newEnrolments: number;
  /** Margin where unit costs are known (net of refunds; see kpi_daily_rollups). */
  memberRefundedMinor: number; costedPurchases: number; memberCostedPurchases: number;
  costedRevenueMinor: number; memberCostedRevenueMinor: number; costMinor: number; memberCostMinor: number;
};

/**
 * Runs the dashboard's reads in one transaction (one snapshot) planned for
 * their actual values: once a prepared statement has run five times
 * PostgreSQL may switch to a generic plan, which cannot see that one program
 * is small and another a million members, nor use a time-zone bound as a
 * constant, and then reads every purchase.
 */
export async function withDashboardReads<T>(db: Executor, run: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
    return run(tx);
  });
}

/** Member ids matching the segment and tier filters, or null without such filters. */
export function memberSubquery(f: KpiQueryFilter): SQL | null {
  if (!f.segmentId && !f.tierKey) return null;
  const tier = f.tierKey ? sql`and m.tier_key = ${f.tierKey}` : sql``;
  const segment = f.segmentId
    ? sql`and m.id in (select sm.member_id from segment_members sm where sm.program_id = ${f.programId} and sm.segment_id = ${f.segmentId})`
    : sql``;
  return sql`select m.id from members m where m.program_id = ${f.programId} ${tier} ${segment}`;
}

type FactsOption = { fromFacts?: boolean };

/** The one tier or segment whose kept rollup and totals a query reads (`tier:<key>`, `segment:<id>`); null to read facts or program-wide rows. */
function keptMemberDimension(f: KpiQueryFilter, options: FactsOption): string | null {
  return options.fromFacts ? null : (memberDimensionOf(f) ?? null);
}

/** The totals' dimension a member-level figure reads: the tier's or segment's, or the program's; null with both filters or `fromFacts`. */
function keptTotalsDimension(f: KpiQueryFilter, options: FactsOption): string | null {
  const memberDimension = memberDimensionOf(f);
  return options.fromFacts || memberDimension === undefined ? null : (memberDimension ?? PROGRAM_DIMENSION);
}

const localStart = (f: KpiQueryFilter, day: SQL) => sql`(${day}::timestamp at time zone ${f.timeZone})`;
const rangeOn = (f: KpiQueryFilter, at: SQL) =>
  sql`${at} >= ${localStart(f, sql`${f.from}::date`)} and ${at} < ${localStart(f, sql`(${f.to}::date + 1)`)}`;
const dims = (f: KpiQueryFilter, alias: string) =>
  sql`${f.storeId ? sql`and ${sql.raw(alias)}.store_id = ${f.storeId}` : sql``} ${f.channel ? sql`and ${sql.raw(alias)}.channel::text = ${f.channel}` : sql``}`;

/**
 * Per-day totals in the range. Without member filters they come from the
 * rollup; with a tier or a segment from the rollup per member dimension (its
 * member columns: non-members belong to no tier or segment); with both, from
 * the base tables for those members (also `fromFacts`, for tests: the
 * definition the rollups must agree with). Enrolments ignore the store filter
 * (a member joins the program, not a store).
 */
export async function sumDaily(db: Executor, f: KpiQueryFilter, options: FactsOption = {}): Promise<DailyTotals[]> {
  const memberDimension = options.fromFacts ? undefined : memberDimensionOf(f);
  const inRange = sql`program_id = ${f.programId} and day between ${f.from}::date and ${f.to}::date`;
  const source = memberDimension === undefined
    ? sql`(select day, store_id, channel, purchases, member_purchases, revenue as revenue_minor, member_revenue as member_revenue_minor,
          refunded as refunded_minor, issued as points_issued, redeemed as points_redeemed, expired as points_expired,
          reversed as points_reversed, enrolments as new_enrolments, member_refunded as member_refunded_minor,
          costed_purchases, member_costed_purchases, costed_revenue as costed_revenue_minor,
          member_costed_revenue as member_costed_revenue_minor, cost as cost_minor, member_cost as member_cost_minor
        from (${factsSql({ programId: f.programId, timeZone: f.timeZone, days: null, range: { from: f.from, to: f.to }, memberOf: memberSubquery(f) })}) facts)`
    : memberDimension
      ? sql`(select day, store_id, channel, member_purchases as purchases, member_purchases, member_revenue_minor as revenue_minor, member_revenue_minor,
            member_refunded_minor as refunded_minor, points_issued, points_redeemed, points_expired, points_reversed, new_enrolments,
            member_refunded_minor, member_costed_purchases as costed_purchases, member_costed_purchases,
            member_costed_revenue_minor as costed_revenue_minor, member_costed_revenue_minor, member_cost_minor as cost_minor, member_cost_minor
          from kpi_member_dimension_rollups where ${inRange} and dimension = ${memberDimension})`
      : sql`(select * from kpi_daily_rollups where ${inRange})`;
  const store = f.storeId ? sql`r.store_id = ${f.storeId}` : sql`true`;
  const channel = f.channel ? sql`r.channel = ${f.channel}` : sql`true`;
  const rows = await selectRows<DailyTotals>(db, sql`
    select r.day::text as "day",
      coalesce(sum(r.purchases) filter (where ${store}), 0)::bigint as "purchases",
      coalesce(sum(r.member_purchases) filter (where ${store}), 0)::bigint as "memberPurchases",
      coalesce(sum(r.revenue_minor) filter (where ${store}), 0)::bigint as "revenueMinor",
      coalesce(sum(r.member_revenue_minor) filter (where ${store}), 0)::bigint as "memberRevenueMinor",
      coalesce(sum(r.refunded_minor) filter (where ${store}), 0)::bigint as "refundedMinor",
      coalesce(sum(r.points_issued) filter (where ${store}), 0)::bigint as "pointsIssued",
      coalesce(sum(r.points_redeemed) filter (where ${store}), 0)::bigint as "pointsRedeemed",
      coalesce(sum(r.points_expired) filter (where ${store}), 0)::bigint as "pointsExpired",
      coalesce(sum(r.points_reversed) filter (where ${store}), 0)::bigint as "pointsReversed",
      coalesce(sum(r.new_enrolments), 0)::bigint as "newEnrolments",
      coalesce(sum(r.member_refunded_minor) filter (where ${store}), 0)::bigint as "memberRefundedMinor",
      coalesce(sum(r.costed_purchases) filter (where ${store}), 0)::bigint as "costedPurchases",
      coalesce(sum(r.member_costed_purchases) filter (where ${store}), 0)::bigint as "memberCostedPurchases",
      coalesce(sum(r.costed_revenue_minor) filter (where ${store}), 0)::bigint as "costedRevenueMinor",
      coalesce(sum(r.member_costed_revenue_minor) filter (where ${store}), 0)::bigint as "memberCostedRevenueMinor",
      coalesce(sum(r.cost_minor) filter (where ${store}), 0)::bigint as "costMinor",
      coalesce(sum(r.member_cost_minor) filter (where ${store}), 0)::bigint as "memberCostMinor"
    from ${source} r where ${channel} group by r.day order by r.day`);
  return rows.map((r) => {
    const out = { ...r } as Record<string, unknown>;
    for (const k of Object.keys(out)) if (k !== "day") out[k] = Number(out[k]);
    return out as DailyTotals;
  });
}

/** First and last local day with any activity (from the rollup). */
export async function getActivityBounds(db: Executor, programId: string): Promise<{ first: string; last: string } | null> {
  const [row] = await selectRows<{ first: string | null; last: string | null }>(db, sql`
    select min(day)::text as first, max(day)::text as last from kpi_daily_rollups where program_id = ${programId}`);
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/**
 * Members enrolled by the end of the range. Without a segment or tier filter
 * from the rollup's enrolments (every member counts on their enrolment day);
 * with one, from the enrolments of the rollup per tier or segment; with both
 * (or `fromFacts`), from the members themselves.
 */
export async function countMembers(db: Executor, f: KpiQueryFilter, options: FactsOption = {}): Promise<number> {
  const memberOf = memberSubquery(f);
  const memberDimension = keptMemberDimension(f, options);
  const [row] = !memberOf
    ? await selectRows<{ n: string }>(db, sql`
        select coalesce(sum(r.new_enrolments), 0)::text as n from kpi_daily_rollups r where r.program_id = ${f.programId} and r.day <= ${f.to}::date`)
    : memberDimension
      ? await selectRows<{ n: string }>(db, sql`
          select coalesce(sum(r.new_enrolments), 0)::text as n from kpi_member_dimension_rollups r
          where r.program_id = ${f.programId} and r.dimension = ${memberDimension} and r.day <= ${f.to}::date`)
      : await selectRows<{ n: string }>(db, sql`
          select count(*)::text as n from members m
          where m.program_id = ${f.programId} and m.enrolled_at < ${localStart(f, sql`(${f.to}::date + 1)`)} and m.id in (${memberOf})`);
  return Number(row?.n ?? 0);
}

export type BuyerCounts = {
  /** Members who bought in the 30 and 90 days ending on the range's last day. */
  active30: number;
  active90: number;
  /** Members who bought in the range, and those who bought in it at least twice. */
  buyers: number;
  repeatBuyers: number;
};

/**
 * Distinct buying members, counting purchases not refunded in full. When no
 * purchase of the program is dated at or after the range's end (the usual
 * dashboard, which runs to the last day with activity), every member's latest
 * two purchases fall inside the counted period or before it, so the members
 * counted by the local days of those two purchases say who bought in a window
 * and who twice: kpi_member_dimension_totals (as of the last rollup refresh)
 * holds those counts program-wide, per store and channel, and per tier or
 * segment — one row per day. A tier or segment with a store or channel reads
 * each member's summary there (member_dimension_stats); a range that ends
 * earlier, or a store and a channel together, groups the range's purchases
 * per member. `fromFacts` reads the summaries (member_purchase_stats,
 * member_dimension_stats) instead of the totals. Meant to run inside
 * withDashboardReads.
 */
export async function countBuyersAndActives(db: Executor, f: KpiQueryFilter, options: FactsOption = {}): Promise<BuyerCounts> {
  const dimension = dimensionOf(f);
  if (dimension === undefined) return countBuyersAndActivesFromPurchases(db, f);
  const w = windows(f);
  const [after] = await selectRows<{ found: boolean }>(db, sql`
    select exists (select 1 from purchases p where p.program_id = ${f.programId} and p.occurred_at >= ${w.end}) as found`);
  if (after?.found) return countBuyersAndActivesFromPurchases(db, f);
  // The program's members (by their last two purchases anywhere, or in the store or channel), or a tier's or segment's
  // (those have no per-store or per-channel counts).
  const kept = keptTotalsDimension(f, options);
  const totals = kept && (!dimension || kept === PROGRAM_DIMENSION) ? kept : null;
  if (totals) {
    // Counted by the local day of their last two purchases (kpi_member_dimension_totals).
    const [last, previous] = dimension ? [`last:${dimension}`, `previous:${dimension}`] : ["last", "previous"];
    return buyerCounts(await selectRows<BuyerCountRow>(db, sql`
      select coalesce(sum(t.value) filter (where t.metric = ${last} and t.k1 >= ${f.to}::date - 29), 0)::int as "active30",
        coalesce(sum(t.value) filter (where t.metric = ${last} and t.k1 >= ${f.to}::date - 89), 0)::int as "active90",
        coalesce(sum(t.value) filter (where t.metric = ${last} and t.k1 >= ${f.from}::date), 0)::int as "buyers",
        coalesce(sum(t.value) filter (where t.metric = ${previous} and t.k1 >= ${f.from}::date), 0)::int as "repeatBuyers"
      from kpi_member_dimension_totals t
      where t.program_id = ${f.programId} and t.dimension = ${totals} and t.metric in (${last}, ${previous})`));
  }
  const summaries = dimension
    ? sql`(select member_id, last_purchase_at, previous_purchase_at from member_dimension_stats where program_id = ${f.programId} and dimension = ${dimension})`
    : sql`(select member_id, last_purchase_at, previous_purchase_at from member_purchase_stats where program_id = ${f.programId})`;
  return buyerCounts(await selectRows<BuyerCountRow>(db, sql`
    select count(*) filter (where s.last_purchase_at >= ${w.start30})::int as "active30", count(*) filter (where s.last_purchase_at >= ${w.start90})::int as "active90",
      count(*) filter (where s.last_purchase_at >= ${w.start})::int as "buyers", count(*) filter (where s.previous_purchase_at >= ${w.start})::int as "repeatBuyers"
    from ${summaries} s where true ${ofMembers(f, "s")}`));
}

/** countBuyersAndActives from the purchases of the range themselves, grouped per member (any filter, any range). */
export async function countBuyersAndActivesFromPurchases(db: Executor, f: KpiQueryFilter): Promise<BuyerCounts> {
  const w = windows(f);
  return buyerCounts(await selectRows<BuyerCountRow>(db, sql`
    select count(*) filter (where b.last_at >= ${w.start30})::int as "active30", count(*) filter (where b.last_at >= ${w.start90})::int as "active90",
      count(*) filter (where b.in_range >= 1)::int as "buyers", count(*) filter (where b.in_range >= 2)::int as "repeatBuyers"
    from (
      select p.member_id, max(p.occurred_at) as last_at, count(*) filter (where p.occurred_at >= ${w.start}) as in_range from purchases p
      where p.program_id = ${f.programId} and p.member_id is not null and p.status <> 'refunded'
        and p.occurred_at >= least(${w.start}, ${w.start90}) and p.occurred_at < ${w.end} ${dims(f, "p")} ${ofMembers(f, "p")}
      group by p.member_id) b`));
}

type BuyerCountRow = Record<keyof BuyerCounts, number>;
const buyerCounts = ([row]: BuyerCountRow[]): BuyerCounts =>
  ({ active30: Number(row?.active30 ?? 0), active90: Number(row?.active90 ?? 0), buyers: Number(row?.buyers ?? 0), repeatBuyers: Number(row?.repeatBuyers ?? 0) });

/** Instants of the program's local days the buyer counts compare with; constants to a plan made for these values (see withDashboardReads). */
const windows = (f: KpiQueryFilter) => ({
  start: localStart(f, sql`${f.from}::date`),
  start30: localStart(f, sql`(${f.to}::date - 29)`),
  start90: localStart(f, sql`(${f.to}::date - 89)`),
  end: localStart(f, sql`(${f.to}::date + 1)`),
});

const ofMembers = (f: KpiQueryFilter, alias: string) => {
  const memberOf = memberSubquery(f);
  return memberOf ? sql`and ${sql.raw(alias)}.member_id in (${memberOf})` : sql``;
};

/** Points members hold now (available + pending): the liability. Without a segment or tier filter from the kept total. */
export async function sumOutstandingPoints(db: Executor, f: KpiQueryFilter, options: FactsOption = {}): Promise<number> {
  const memberOf = memberSubquery(f);
  if (!memberOf) return sumOutstandingFromTotals(db, f.programId);
  const memberDimension = keptMemberDimension(f, options);
  if (memberDimension) {
    const [kept] = await selectRows<{ n: string }>(db, sql`
      select coalesce(sum(t.value), 0)::text as n from kpi_member_dimension_totals t
      where t.program_id = ${f.programId} and t.dimension = ${memberDimension} and t.metric = 'outstanding'`);
    return Number(kept?.n ?? 0);
  }
  const [row] = await selectRows<{ n: string }>(db, sql`
    select coalesce(sum(a.available + a.pending), 0)::text as n from point_accounts a
    where a.program_id = ${f.programId} and a.member_id in (${memberOf})`);
  return Number(row?.n ?? 0);
}

/**
 * Buyers per first-purchase month (cohort) and month offset, for cohorts
 * starting in the 24 months to the range's end, counting purchases made before
 * its end and not refunded in full (with a store or channel filter, the
 * purchases there: a member's cohort is their first month there). Read from the
 * incrementally kept counts (kpi_cohort_counts, or per store or channel
 * kpi_dimension_cohort_counts); for a segment or tier, from those members'
 * member-months; with both a store and a channel, from the purchases.
 */
export async function countCohorts(db: Executor, f: KpiQueryFilter, options: FactsOption = {}): Promise<CohortCell[]> {
  const dimension = dimensionOf(f);
  if (dimension === undefined) return countCohortsFromPurchases(db, f);
  const memberDimension = keptMemberDimension(f, options);
  if (!dimension && memberDimension) return countCohortsFromMemberTotals(db, { programId: f.programId, to: f.to, dimension: memberDimension });
  const memberOf = memberSubquery(f);
  if (memberOf) return countCohortsFromMemberMonths(db, { programId: f.programId, to: f.to, dimension, memberOf });
  return countCohortsFromRollup(db, { programId: f.programId, to: f.to, dimension });
}

/** countCohorts from the purchases themselves, for any filter (the rollup path gives the same cells unfiltered). */
export async function countCohortsFromPurchases(db: Executor, f: KpiQueryFilter): Promise<CohortCell[]> {
  const memberOf = memberSubquery(f);
  const rows = await selectRows<{ cohort: string; offset: number; members: number }>(db, sql`
    with months as (
      select distinct p.member_id, date_trunc('month', p.occurred_at at time zone ${f.timeZone})::date as month
      from purchases p
      where p.program_id = ${f.programId} and p.member_id is not null and ${counted("p")} and p.occurred_at < ${localStart(f, sql`(${f.to}::date + 1)`)}
        ${dims(f, "p")} ${memberOf ? sql`and p.member_id in (${memberOf})` : sql``}
    ), firsts as (select member_id, min(month) as cohort from months group by member_id)
    select to_char(fi.cohort, 'YYYY-MM') as cohort,
      ((extract(year from mo.month) - extract(year from fi.cohort)) * 12 + extract(month from mo.month) - extract(month from fi.cohort))::int as "offset",
      count(*)::int as members
    from months mo join firsts fi using (member_id)
    where fi.cohort >= (date_trunc('month', ${f.to}::date) - interval '23 months')::date
    group by 1, 2 order by 1, 2`);
  return cells(rows);
}

/** Members now per tier (anonymized ones left out). Without a segment or tier filter from the kept counts; with one, from that dimension's totals. */
export async function countMembersPerTier(db: Executor, f: KpiQueryFilter, options: FactsOption = {}): Promise<{ tierKey: string | null; members: number }[]> {
  const memberOf = memberSubquery(f);
  if (!memberOf) return countTiersFromTotals(db, f.programId);
  const memberDimension = keptMemberDimension(f, options);
  const rows = await selectRows<{ tierKey: string | null; members: number }>(db, memberDimension
    ? sql`
      select nullif(substr(t.metric, 6), '') as "tierKey", sum(t.value)::int as members from kpi_member_dimension_totals t
      where t.program_id = ${f.programId} and t.dimension = ${memberDimension} and t.metric like 'tier:%'
      group by t.metric having sum(t.value) > 0 order by 2 desc, 1`
    : sql`
      select m.tier_key as "tierKey", count(*)::int as members from members m
      where m.program_id = ${f.programId} and m.status <> 'anonymized' and m.id in (${memberOf})
      group by m.tier_key order by 2 desc, 1`);
  return rows.map((r) => ({ tierKey: r.tierKey, members: Number(r.members) }));
}

/**
 * Tier changes in the range, from → to (null: no tier), local days. Without a
 * segment or tier filter from kpi_tier_moves; with one, from that dimension's
 * totals: the history of those members (a tier filter: the members in that
 * tier now); with both, from the history itself.
 */
export async function countTierMoves(db: Executor, f: KpiQueryFilter, options: FactsOption = {}): Promise<TierMove[]> {
  const memberOf = memberSubquery(f);
  if (!memberOf) return countTierMovesFromTotals(db, f);
  const memberDimension = keptMemberDimension(f, options);
  const rows = await selectRows<TierMove>(db, memberDimension ? sql`
    select nullif(split_part(substr(t.metric, 6), '>', 1), '') as "fromTier", nullif(split_part(substr(t.metric, 6), '>', 2), '') as "toTier",
      sum(t.value)::int as members from kpi_member_dimension_totals t
    where t.program_id = ${f.programId} and t.dimension = ${memberDimension} and t.metric like 'move:%' and t.k1 between ${f.from}::date and ${f.to}::date
    group by 1, 2 having sum(t.value) > 0 order by 3 desc, 1, 2` : sql`
    select h.from_tier as "fromTier", h.to_tier as "toTier", count(*)::int as members from member_tier_history h
    where h.program_id = ${f.programId} and ${rangeOn(f, sql`h.created_at`)} and h.member_id in (${memberOf})
    group by 1, 2 order by 3 desc, 1, 2`);
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
}

/** Rewards by coupons issued in the range (voided ones excluded). */
export async function listTopRewards(db: Executor, f: KpiQueryFilter, limit = 8) {
  const memberOf = memberSubquery(f);
  const rows = await selectRows<{ rewardId: string; name: LocalizedText; redemptions: number; points: number }>(db, sql`
    select r.id::text as "rewardId", r.name, count(*)::int as redemptions, (count(*) * r.points_price)::bigint as points
    from coupons c join rewards r on r.program_id = c.program_id and r.id = c.reward_id
    where c.program_id = ${f.programId} and c.status <> 'voided' and ${rangeOn(f, sql`c.issued_at`)}
      ${memberOf ? sql`and c.member_id in (${memberOf})` : sql``}
    group by r.id, r.name, r.points_price order by redemptions desc, r.id limit ${limit}`);
  return rows.map((r) => ({ ...r, redemptions: Number(r.redemptions), points: Number(r.points) }));
}

export type ClvBin = { bin: number; fromMinor: number; upperMinor: number | null; members: number };

/**
 * 12-month CLV of the members with predictions, in the ten bins the latest
 * prediction refresh fixed for the program (lib/domain/analytics/clv-bins.ts;
 * the last open-ended), so every tier and segment is shown on the program's
 * scale. Program-wide or for one tier or segment, the members per bin are the
 * totals' `clv:<bin>` counts (as of the last rollup refresh); with both, or
 * `fromFacts`, the members' predictions grouped by bin. Empty without
 * predictions or without any member in the bins.
 */
export async function binClv(db: Executor, f: KpiQueryFilter, options: FactsOption = {}): Promise<ClvBin[]> {
  const [fit] = await selectRows<{ width: number | null }>(db, sql`
    select (pf.distributions -> 'clv' -> 0 ->> 'to')::float8 as width from prediction_fits pf
    where pf.program_id = ${f.programId} order by pf.fitted_at desc limit 1`);
  const width = Number(fit?.width ?? 0);
  if (!(width > 0)) return [];
  const totals = keptTotalsDimension(f, options);
  const memberOf = memberSubquery(f);
  const rows = await selectRows<{ bin: number; members: number }>(db, totals
    ? sql`
      select substr(t.metric, 5)::int as bin, sum(t.value)::int as members from kpi_member_dimension_totals t
      where t.program_id = ${f.programId} and t.dimension = ${totals} and t.metric like 'clv:%' group by 1`
    : sql`
      select mp.clv_bin::int as bin, count(*)::int as members from member_predictions mp
      where mp.program_id = ${f.programId} and mp.clv_bin is not null ${memberOf ? sql`and mp.member_id in (${memberOf})` : sql``} group by 1`);
  const counts = new Map(rows.map((r) => [Number(r.bin), Number(r.members)]));
  if (![...counts.values()].some((n) => n > 0)) return [];
  return Array.from({ length: CLV_BINS }, (_, bin) => {
    const { from, to } = clvBinBounds(bin, width);
    return { bin: bin + 1, fromMinor: from, upperMinor: to, members: counts.get(bin) ?? 0 };
  });
}

/** The rollup rows in the range for the CSV export, by keyset (day, store, channel). */
export async function listRollupPage(db: Executor, f: KpiQueryFilter, after: { day: string; storeId: string; channel: string } | null, limit: number) {
  const key = after ? sql`and (r.day, r.store_id, r.channel) > (${after.day}::date, ${after.storeId}::uuid, ${after.channel})` : sql``;
  return selectRows<Record<string, string | number | null>>(db, sql`
    select r.day::text as day, r.store_id::text as store_id, s.code as store_code, r.channel, r.purchases, r.member_purchases, r.members_purchasing,
      r.revenue_minor, r.member_revenue_minor, r.refunded_minor, r.points_issued, r.points_redeemed, r.points_expired, r.points_reversed, r.new_enrolments,
      r.member_refunded_minor, r.costed_purchases, r.member_costed_purchases, r.costed_revenue_minor, r.member_costed_revenue_minor, r.cost_minor, r.member_cost_minor
    from kpi_daily_rollups r left join stores s on s.program_id = r.program_id and s.id = r.store_id
    where r.program_id = ${f.programId} and r.day between ${f.from}::date and ${f.to}::date ${dims(f, "r")} ${key}
    order by r.day, r.store_id, r.channel limit ${limit}`);
}

export type CampaignSummary = { id: string; name: string; kind: (typeof campaignKind.enumValues)[number]; status: (typeof campaignStatus.enumValues)[number]; startsAt: string | null; endsAt: string | null; controlShare: number; awarded: number; points: number; moneyMinor: number };

/** Campaigns that ran in the range (started by its end, not ended before its start), newest first, with what they gave. */
export async function listCampaignsInRange(db: Executor, f: KpiQueryFilter, limit = 6): Promise<CampaignSummary[]> {
  const rows = await selectRows<CampaignSummary>(db, sql`
    select c.id::text as id, c.name, c.kind::text as kind, c.status::text as status, c.starts_at::text as "startsAt", c.ends_at::text as "endsAt",
      c.control_share_pct as "controlShare", c.spent_count as awarded, c.spent_points as points, c.spent_money_minor as "moneyMinor"
    from campaigns c
    where c.program_id = ${f.programId} and c.status <> 'draft'
      and coalesce(c.starts_at, c.created_at) < ${localStart(f, sql`(${f.to}::date + 1)`)}
      and (c.ends_at is null or c.ends_at >= ${localStart(f, sql`${f.from}::date`)})
    order by coalesce(c.starts_at, c.created_at) desc, c.id limit ${limit}`);
  return rows.map((r) => ({ ...r, controlShare: Number(r.controlShare), awarded: Number(r.awarded), points: Number(r.points), moneyMinor: Number(r.moneyMinor) }));
}
