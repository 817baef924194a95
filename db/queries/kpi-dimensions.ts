import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "../rows";
import type { Executor } from "../types";
import { counted } from "./kpi-cohorts";

/**
 * The dimension a dashboard filter reads from the per-dimension summaries
 * (db/schema/kpi-dimensions.ts): `store:<id>` or `channel:<channel>`; null
 * without a store or channel filter; undefined with both (no summary holds a
 * store and a channel together: those figures are read from the purchases).
 */
export function dimensionOf(f: { storeId?: string | null; channel?: string | null }): string | null | undefined {
  if (f.storeId && f.channel) return undefined;
  if (f.storeId) return `store:${f.storeId}`;
  if (f.channel) return `channel:${f.channel}`;
  return null;
}

/** A program's counted purchases, once per dimension (purchase alias pu, dimension d.dimension). */
const perDimension = (programId: string) => sql`
  purchases pu cross join lateral unnest(lazo_purchase_dimensions(pu.channel::text, pu.store_id)) d(dimension)
  where pu.program_id = ${programId} and pu.member_id is not null and ${counted("pu")}`;

/** Each member's last and second-latest counted purchase per dimension, as the purchases give them now (the triggers' definition). */
function freshStatsSql(programId: string): SQL {
  return sql`
    select k.member_id, k.dimension, max(k.occurred_at) as last_purchase_at, max(k.occurred_at) filter (where k.latest = 2) as previous_purchase_at
    from (
      select pu.member_id, d.dimension, pu.occurred_at, row_number() over (partition by pu.member_id, d.dimension order by pu.occurred_at desc) as latest
      from ${perDimension(programId)}
    ) k
    where k.latest <= 2
    group by k.member_id, k.dimension`;
}

/** Member-months per dimension with the local day of the first purchase in each, as the purchases give them now. */
function freshMonthsSql(programId: string): SQL {
  return sql`
    select x.member_id, x.dimension, date_trunc('month', x.at)::date as month, min(x.at::date) as first_day
    from (
      select pu.member_id, d.dimension, pu.occurred_at at time zone (select time_zone from programs where id = ${programId}) as at
      from ${perDimension(programId)}
    ) x
    group by 1, 2, 3`;
}

/** Cohort cells (dimension, cohort_month, month, first_day, members) counted from a member-months relation. */
function countsFromMonthsSql(months: SQL): SQL {
  return sql`
    select k.dimension, k.cohort_month, k.month, k.first_day, count(*)::int as members
    from (select m.dimension, m.month, m.first_day, min(m.month) over (partition by m.member_id, m.dimension) as cohort_month from (${months}) m) k
    group by 1, 2, 3, 4`;
}

export type DimensionRollupCheck = { ok: boolean; stats: number; memberMonths: number; differing: string[] };

/**
 * Compares the stored per-dimension summaries, member-months and cohort counts
 * (summed per cell) with a recomputation from the purchases, each in one
 * statement, and lists up to `limit` differences of each:
 * `stats|member|dimension`, `months|member|dimension|month` and `cells|dimension|cohort|month|first day=stored/fresh`.
 */
export async function compareDimensionRollup(db: Executor, programId: string, limit = 20): Promise<DimensionRollupCheck> {
  const [stats] = await selectRows<{ n: number; keys: string[] | null }>(db, sql`
    with s as (select member_id, dimension, last_purchase_at, previous_purchase_at from member_dimension_stats where program_id = ${programId}),
    f as (${freshStatsSql(programId)}),
    d as (select 'stats|' || coalesce(s.member_id, f.member_id)::text || '|' || coalesce(s.dimension, f.dimension) as key
          from s full join f using (member_id, dimension)
          where (s.last_purchase_at, s.previous_purchase_at) is distinct from (f.last_purchase_at, f.previous_purchase_at))
    select (select count(*) from s)::int as n, (select array_agg(key) from (select key from d order by key limit ${limit}) x) as keys`);
  const [months] = await selectRows<{ n: number; keys: string[] | null }>(db, sql`
    with s as (select member_id, dimension, month, first_day from kpi_dimension_member_months where program_id = ${programId}),
    f as (${freshMonthsSql(programId)}),
    d as (select 'months|' || concat_ws('|', coalesce(s.member_id, f.member_id), coalesce(s.dimension, f.dimension), coalesce(s.month, f.month)) as key
          from s full join f using (member_id, dimension, month) where s.first_day is distinct from f.first_day)
    select (select count(*) from s)::int as n, (select array_agg(key) from (select key from d order by key limit ${limit}) x) as keys`);
  const counts = await selectRows<{ key: string }>(db, sql`
    with s as (select dimension, cohort_month, month, first_day, sum(members)::int as members from kpi_dimension_cohort_counts where program_id = ${programId}
               group by 1, 2, 3, 4 having sum(members) <> 0),
    f as (${countsFromMonthsSql(freshMonthsSql(programId))})
    select 'cells|' || concat_ws('|', coalesce(s.dimension, f.dimension), coalesce(s.cohort_month, f.cohort_month), coalesce(s.month, f.month), coalesce(s.first_day, f.first_day))
      || '=' || coalesce(s.members, 0) || '/' || coalesce(f.members, 0) as key
    from s full join f using (dimension, cohort_month, month, first_day) where s.members is distinct from f.members order by 1 limit ${limit}`);
  const differing = [...(stats?.keys ?? []), ...(months?.keys ?? []), ...counts.map((r) => r.key)];
  return { ok: differing.length === 0, stats: Number(stats?.n ?? 0), memberMonths: Number(months?.n ?? 0), differing };
}

/**
 * Rewrites a program's per-dimension summaries, member-months and cohort
 * counts from its purchases, after holdPurchaseWriters and under the program's
 * rollup lock; a repair for `rollups rebuild`. Returns the member-months written.
 */
export async function rebuildDimensionRollup(tx: Executor, programId: string): Promise<number> {
  for (const table of ["member_dimension_stats", "kpi_dimension_member_months", "kpi_dimension_cohort_counts"]) {
    await tx.execute(sql`delete from ${sql.raw(table)} where program_id = ${programId}`);
  }
  await tx.execute(sql`
    insert into member_dimension_stats (program_id, member_id, dimension, last_purchase_at, previous_purchase_at)
    select ${programId}::uuid, f.member_id, f.dimension, f.last_purchase_at, f.previous_purchase_at from (${freshStatsSql(programId)}) f`);
  const [row] = await selectRows<{ n: number }>(tx, sql`
    with inserted as (
      insert into kpi_dimension_member_months (program_id, member_id, dimension, month, first_day)
      select ${programId}::uuid, f.member_id, f.dimension, f.month, f.first_day from (${freshMonthsSql(programId)}) f
      returning 1
    ) select count(*)::int as n from inserted`);
  await tx.execute(sql`
    insert into kpi_dimension_cohort_counts (program_id, dimension, cohort_month, month, first_day, members, folded)
    select ${programId}::uuid, c.dimension, c.cohort_month, c.month, c.first_day, c.members, true
    from (${countsFromMonthsSql(sql`select member_id, dimension, month, first_day from kpi_dimension_member_months where program_id = ${programId}`)}) c`);
  return Number(row?.n ?? 0);
}
