import { sql, type SQL } from "drizzle-orm";
import { NO_STORE_ID } from "../schema/kpi-rollups";
import { selectRows } from "../rows";
import type { Executor } from "../types";

export type RollupRow = {
  day: string; storeId: string; channel: string;
  purchases: number; memberPurchases: number; membersPurchasing: number;
  revenueMinor: number; memberRevenueMinor: number; refundedMinor: number;
  pointsIssued: number; pointsRedeemed: number; pointsExpired: number; pointsReversed: number; newEnrolments: number;
};

/**
 * Local days of the program in `days` (YYYY-MM-DD; null: every day), or a
 * `range` of local days; `memberOf` restricts the facts to a set of members
 * (a subquery of member ids) and drops non-member purchases.
 */
export type DayFilter = { programId: string; days: string[] | null; range?: { from: string; to: string }; memberOf?: SQL | null };

/** `at` restricted to the listed local days, in a form that can still use the (program_id, time) indexes. */
function onDays(at: SQL, f: DayFilter): SQL {
  if (f.range) {
    const tz = sql`(select time_zone from programs where id = ${f.programId})`;
    return sql`${at} >= (${f.range.from}::date::timestamp at time zone ${tz}) and ${at} < ((${f.range.to}::date + 1)::timestamp at time zone ${tz})`;
  }
  if (!f.days) return sql`true`;
  const list = f.days.join(",");
  return sql`${at} >= ((select min(d) from unnest(string_to_array(${list}, ',')::date[]) d)::timestamp at time zone (select time_zone from programs where id = ${f.programId}))
    and ${at} < (((select max(d) from unnest(string_to_array(${list}, ',')::date[]) d) + 1)::timestamp at time zone (select time_zone from programs where id = ${f.programId}))
    and (${at} at time zone (select time_zone from programs where id = ${f.programId}))::date = any(string_to_array(${list}, ',')::date[])`;
}

/**
 * Every fact the rollup counts, one row per purchase, refund, ledger entry or
 * enrolment, with its local day, store and channel. The single definition used
 * by the incremental refresh, the rebuild and the verification.
 */
export function factsSql(f: DayFilter): SQL {
  const of = (column: SQL) => (f.memberOf ? sql`and ${column} in (${f.memberOf})` : sql``);
  const tz = sql`(select time_zone from programs where id = ${f.programId})`;
  const nil = sql.raw(`'${NO_STORE_ID}'::uuid`);
  return sql`
    select (pu.occurred_at at time zone ${tz})::date as day, coalesce(pu.store_id, ${nil}) as store_id, pu.channel::text as channel,
      1 as purchases, (pu.member_id is not null)::int as member_purchases, pu.member_id,
      pu.amount_minor as revenue, case when pu.member_id is null then 0 else pu.amount_minor end as member_revenue,
      0::bigint as refunded, 0::bigint as issued, 0::bigint as redeemed, 0::bigint as expired, 0::bigint as reversed, 0 as enrolments
    from purchases pu where pu.program_id = ${f.programId} and ${onDays(sql`pu.occurred_at`, f)} ${of(sql`pu.member_id`)}
    union all
    select (r.created_at at time zone ${tz})::date, coalesce(r.store_id, pu.store_id, ${nil}), pu.channel::text,
      0, 0, null, 0, 0, r.amount_minor, 0, 0, 0, 0, 0
    from purchase_refunds r join purchases pu on pu.program_id = r.program_id and pu.id = r.purchase_id
    where r.program_id = ${f.programId} and ${onDays(sql`r.created_at`, f)} ${of(sql`pu.member_id`)}
    union all
    select (e.occurred_at at time zone ${tz})::date, coalesce(e.store_id, ${nil}), e.channel::text,
      0, 0, null, 0, 0, 0,
      case when e.kind = 'earn' or (e.kind = 'adjust' and e.available_delta + e.pending_delta > 0) then e.points else 0 end,
      case when e.kind in ('redeem', 'capture') then e.points else 0 end,
      case when e.kind = 'expire' then e.points else 0 end,
      case when e.kind = 'reverse' then e.points else 0 end,
      0
    from ledger_entries e
    where e.program_id = ${f.programId} and e.kind in ('earn', 'adjust', 'redeem', 'capture', 'expire', 'reverse') and ${onDays(sql`e.occurred_at`, f)} ${of(sql`e.member_id`)}
    union all
    select (m.enrolled_at at time zone ${tz})::date, ${nil}, m.enrolment_channel::text, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 1
    from members m where m.program_id = ${f.programId} and ${onDays(sql`m.enrolled_at`, f)} ${of(sql`m.id`)}`;
}

function aggregateSql(f: DayFilter): SQL {
  return sql`
    select day, store_id, channel, sum(purchases)::int as purchases, sum(member_purchases)::int as member_purchases,
      count(distinct member_id)::int as members_purchasing, sum(revenue)::bigint as revenue_minor,
      sum(member_revenue)::bigint as member_revenue_minor, sum(refunded)::bigint as refunded_minor,
      sum(issued)::bigint as points_issued, sum(redeemed)::bigint as points_redeemed, sum(expired)::bigint as points_expired,
      sum(reversed)::bigint as points_reversed, sum(enrolments)::int as new_enrolments
    from (${factsSql(f)}) facts group by day, store_id, channel`;
}

const COLUMNS = sql.raw(`program_id, day, store_id, channel, purchases, member_purchases, members_purchasing, revenue_minor,
  member_revenue_minor, refunded_minor, points_issued, points_redeemed, points_expired, points_reversed, new_enrolments`);

/** Serialises refreshes of one program (two runners never recompute the same day at once). */
export async function lockProgramRollups(tx: Executor, programId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('lazo-kpi:' || ${programId}))`);
}

/** Removes and returns the stale-day marks this transaction can see (committed ones only). */
export async function claimRollupMarks(tx: Executor, programId: string): Promise<string[]> {
  const rows = await selectRows<{ day: string }>(tx, sql`delete from kpi_rollup_marks where program_id = ${programId} returning day::text as day`);
  return [...new Set(rows.map((r) => r.day))].sort();
}

export async function clearRollupMarks(tx: Executor, programId: string): Promise<void> {
  await tx.execute(sql`delete from kpi_rollup_marks where program_id = ${programId}`);
}

/** Recomputes the rollup rows of the given days (null: all) from the base tables; returns the rows written. */
export async function recomputeRollupDays(tx: Executor, f: DayFilter): Promise<number> {
  if (f.days && f.days.length === 0) return 0;
  const scope = f.days ? sql`and day = any(string_to_array(${f.days.join(",")}, ',')::date[])` : sql``;
  await tx.execute(sql`delete from kpi_daily_rollups where program_id = ${f.programId} ${scope}`);
  const rows = await selectRows<{ n: number }>(tx, sql`
    with inserted as (
      insert into kpi_daily_rollups (${COLUMNS})
      select ${f.programId}::uuid, a.* from (${aggregateSql(f)}) a
      returning 1
    ) select count(*)::int as n from inserted`);
  return Number(rows[0]?.n ?? 0);
}

const ROW_FIELDS = sql.raw(`day::text as "day", store_id::text as "storeId", channel, purchases::int as "purchases",
  member_purchases::int as "memberPurchases", members_purchasing::int as "membersPurchasing", revenue_minor::bigint as "revenueMinor",
  member_revenue_minor::bigint as "memberRevenueMinor", refunded_minor::bigint as "refundedMinor", points_issued::bigint as "pointsIssued",
  points_redeemed::bigint as "pointsRedeemed", points_expired::bigint as "pointsExpired", points_reversed::bigint as "pointsReversed",
  new_enrolments::int as "newEnrolments"`);

/** The stored rollup of a program, in a stable order (for verification and export). */
export async function listRollupRows(db: Executor, programId: string): Promise<RollupRow[]> {
  const rows = await selectRows<RollupRow>(db, sql`select ${ROW_FIELDS} from kpi_daily_rollups where program_id = ${programId} order by day, store_id, channel`);
  return rows.map(numericRow);
}

/** What the rollup should hold, computed from scratch without touching the stored rows. */
export async function computeFreshRollupRows(db: Executor, programId: string): Promise<RollupRow[]> {
  const rows = await selectRows<RollupRow>(db, sql`
    select ${ROW_FIELDS} from (${aggregateSql({ programId, days: null })}) fresh order by day, store_id, channel`);
  return rows.map(numericRow);
}

export async function countRollupMarks(db: Executor, programId: string): Promise<number> {
  const rows = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from kpi_rollup_marks where program_id = ${programId}`);
  return Number(rows[0]?.n ?? 0);
}

/** Programs with stale days, for the job. */
export async function listProgramsWithRollupMarks(db: Executor): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(db, sql`select distinct program_id::text as id from kpi_rollup_marks`);
  return rows.map((r) => r.id);
}

function numericRow(r: RollupRow): RollupRow {
  const out = { ...r } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (k !== "day" && k !== "storeId" && k !== "channel") out[k] = Number(v);
  return out as RollupRow;
}
