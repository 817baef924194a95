import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "../rows";
import type { Executor } from "../types";

/** Buyers of a cohort (month of first purchase, YYYY-MM) in the month `offset` months later. */
export type CohortCell = { cohort: string; offset: number; members: number };

/** How many cohorts the heatmap reads back from the range's end month (that month included). */
export const COHORT_WINDOW_MONTHS = 24;

/** The purchases a cohort counts: not refunded in full (the rule of member_purchase_stats and the triggers). */
export const counted = (alias: string) => sql.raw(`${alias}.status <> 'refunded'`);

const offsetOf = (cohort: SQL, month: SQL) =>
  sql`((extract(year from ${month}) - extract(year from ${cohort})) * 12 + extract(month from ${month}) - extract(month from ${cohort}))::int`;

/** Groups (cohort_month, month, members) rows into heatmap cells, the way both dashboard paths answer. */
export function cohortCellsSql(rows: SQL): SQL {
  return sql`
    select to_char(c.cohort_month, 'YYYY-MM') as cohort, ${offsetOf(sql`c.cohort_month`, sql`c.month`)} as "offset", sum(c.members)::int as members
    from (${rows}) c group by c.cohort_month, c.month having sum(c.members) > 0 order by c.cohort_month, c.month`;
}

/** Where a program's cohort counts are read from: the program's, or one dimension's (`channel:pos`, `store:<id>`; see db/schema/kpi-dimensions.ts). */
const countsOf = (programId: string, dimension: string | null | undefined) =>
  dimension
    ? sql`kpi_dimension_cohort_counts k where k.program_id = ${programId} and k.dimension = ${dimension}`
    : sql`kpi_cohort_counts k where k.program_id = ${programId}`;

/** The first cohort month and the range's end month the heatmap reads (24 cohorts back from `to`'s month). */
const heatmapMonths = (to: string) => ({
  endMonth: sql`date_trunc('month', ${to}::date::timestamp)::date`,
  firstCohort: sql`(date_trunc('month', ${to}::date::timestamp) - ${sql.raw(`interval '${COHORT_WINDOW_MONTHS - 1} months'`)})::date`,
});

/**
 * The heatmap without segment or tier filters, from kpi_cohort_counts (or, for
 * one store or channel, kpi_dimension_cohort_counts): exactly what the
 * purchases give for purchases before the end of `to` (local day), cohorts
 * starting in the 24 months to its month. Months before `to`'s month count
 * whole; in that month, only the members whose first purchase there
 * (first_day) is on or before `to`. A member's cohort is their first month
 * ever, which is also their first before the range's end whenever they have a
 * cell that is read.
 */
export async function countCohortsFromRollup(db: Executor, f: { programId: string; to: string; dimension?: string | null }): Promise<CohortCell[]> {
  const { endMonth, firstCohort } = heatmapMonths(f.to);
  return cells(await selectRows<CohortCell>(db, cohortCellsSql(sql`
    select k.cohort_month, k.month, k.members from ${countsOf(f.programId, f.dimension)}
      and k.cohort_month >= ${firstCohort} and k.month <= ${endMonth}
      and (k.month < ${endMonth} or k.first_day <= ${f.to}::date)`)));
}

/** The heatmap of a tier or segment (`tier:<key>`, `segment:<id>`) from its kept cells in kpi_member_dimension_totals. */
export async function countCohortsFromMemberTotals(db: Executor, f: { programId: string; to: string; dimension: string }): Promise<CohortCell[]> {
  const { endMonth, firstCohort } = heatmapMonths(f.to);
  return cells(await selectRows<CohortCell>(db, cohortCellsSql(sql`
    select k.k1 as cohort_month, k.k2 as month, k.value as members from kpi_member_dimension_totals k
    where k.program_id = ${f.programId} and k.dimension = ${f.dimension} and k.metric = 'cohort'
      and k.k1 >= ${firstCohort} and k.k2 <= ${endMonth} and (k.k2 < ${endMonth} or k.k3 <= ${f.to}::date)`)));
}

/**
 * The heatmap for a set of members (a segment or tier filter, `memberOf`: a
 * subquery of member ids), optionally in one dimension, from their
 * member-months: one row per member and month they bought in, not their purchases.
 */
export async function countCohortsFromMemberMonths(db: Executor, f: { programId: string; to: string; dimension?: string | null; memberOf: SQL }): Promise<CohortCell[]> {
  const { endMonth, firstCohort } = heatmapMonths(f.to);
  const months = f.dimension
    ? sql`kpi_dimension_member_months m where m.program_id = ${f.programId} and m.dimension = ${f.dimension}`
    : sql`kpi_member_months m where m.program_id = ${f.programId}`;
  return cells(await selectRows<CohortCell>(db, cohortCellsSql(sql`
    select k.cohort_month, k.month, 1 as members
    from (select m.month, m.first_day, min(m.month) over (partition by m.member_id) as cohort_month from ${months} and m.member_id in (${f.memberOf})) k
    where k.cohort_month >= ${firstCohort} and k.month <= ${endMonth} and (k.month < ${endMonth} or k.first_day <= ${f.to}::date)`)));
}

export function cells(rows: CohortCell[]): CohortCell[] {
  return rows.map((r) => ({ cohort: r.cohort, offset: Number(r.offset), members: Number(r.members) }));
}

/** A program's member-months, with the local day of the first purchase in each, as the purchases give them now (the triggers' definition). */
function freshMemberMonthsSql(programId: string): SQL {
  return sql`
    select pu.member_id, date_trunc('month', l.at)::date as month, min(l.at::date) as first_day
    from purchases pu join programs pr on pr.id = pu.program_id cross join lateral (select pu.occurred_at at time zone pr.time_zone as at) l
    where pu.program_id = ${programId} and pu.member_id is not null and ${counted("pu")}
    group by 1, 2`;
}

/** Cohort cells (cohort_month, month, first_day, members) counted from a member-months relation. */
function countsFromMonthsSql(months: SQL): SQL {
  return sql`
    select k.cohort_month, k.month, k.first_day, count(*)::int as members
    from (select m.member_id, m.month, m.first_day, min(m.month) over (partition by m.member_id) as cohort_month from (${months}) m) k
    group by k.cohort_month, k.month, k.first_day`;
}

export type CohortRollupCheck = { ok: boolean; memberMonths: number; differingMonths: string[]; differingCells: string[] };

/**
 * Compares the stored member-months and cohort counts (summed per cell) with a
 * recomputation from the purchases, each in one statement (one snapshot), and
 * lists up to `limit` differences of each: `member|month|stored first day/fresh` and `cohort|month|first day=stored/fresh`.
 */
export async function compareCohortRollup(db: Executor, programId: string, limit = 20): Promise<CohortRollupCheck> {
  const months = await selectRows<{ key: string | null; stored: number }>(db, sql`
    with s as (select member_id, month, first_day from kpi_member_months where program_id = ${programId}), f as (${freshMemberMonthsSql(programId)}),
    d as (select coalesce(s.member_id, f.member_id)::text || '|' || coalesce(s.month, f.month)::text || '|' || coalesce(s.first_day::text, '-') || '/' || coalesce(f.first_day::text, '-') as key
          from s full join f using (member_id, month) where s.first_day is distinct from f.first_day)
    select null as key, (select count(*) from s)::int as stored union all (select key, 0 from d order by key limit ${limit})`);
  const counts = await selectRows<{ key: string }>(db, sql`
    with s as (select cohort_month, month, first_day, sum(members)::int as members from kpi_cohort_counts where program_id = ${programId}
               group by 1, 2, 3 having sum(members) <> 0),
    f as (${countsFromMonthsSql(freshMemberMonthsSql(programId))})
    select concat_ws('|', coalesce(s.cohort_month, f.cohort_month), coalesce(s.month, f.month), coalesce(s.first_day, f.first_day))
      || '=' || coalesce(s.members, 0) || '/' || coalesce(f.members, 0) as key
    from s full join f using (cohort_month, month, first_day) where s.members is distinct from f.members order by 1 limit ${limit}`);
  const differingMonths = months.filter((r) => r.key !== null).map((r) => r.key!);
  const differingCells = counts.map((r) => r.key);
  return { ok: differingMonths.length === 0 && differingCells.length === 0, memberMonths: Number(months.find((r) => r.key === null)?.stored ?? 0), differingMonths, differingCells };
}

/**
 * Folds the cohort counts appended since the last fold (folded = false) into
 * one folded row per cell, dropping cells that sum to 0: reads the new rows
 * (a partial index) and their cells only, so a fold costs what was written
 * since, not the table. Rows appended by transactions still open are not seen
 * and stay as they are, so the sums never change; run under the program's rollup lock.
 */
export async function compactCohortCounts(tx: Executor, programId: string): Promise<void> {
  await compactCells(tx, programId, "kpi_cohort_counts", ["cohort_month", "month", "first_day"]);
}

/** compactCohortCounts for every dimension's counts. */
export async function compactDimensionCohortCounts(tx: Executor, programId: string): Promise<void> {
  await compactCells(tx, programId, "kpi_dimension_cohort_counts", ["dimension", "cohort_month", "month", "first_day"]);
}

async function compactCells(tx: Executor, programId: string, table: string, keys: string[]): Promise<void> {
  const t = sql.raw(table);
  const list = sql.raw(keys.join(", "));
  const joined = sql.raw(keys.map((k) => `k.${k} = c.${k}`).join(" and "));
  const returned = sql.raw(keys.map((k) => `k.${k}`).join(", "));
  await tx.execute(sql`
    with cell as (
      select distinct ${list} from ${t} where program_id = ${programId} and not folded
    ), gone as (
      delete from ${t} k using cell c
      where k.program_id = ${programId} and ${joined}
      returning ${returned}, k.members
    )
    insert into ${t} (program_id, ${list}, members, folded)
    select ${programId}::uuid, ${list}, sum(members), true from gone group by ${list} having sum(members) <> 0`);
}

/**
 * Holds every writer of purchases off (SHARE: reads go on) until the
 * transaction ends: a rebuild replaces rows that a trigger running meanwhile
 * would add its changes to.
 */
export async function holdPurchaseWriters(tx: Executor): Promise<void> {
  await tx.execute(sql`lock table purchases in share mode`);
}

/**
 * Rewrites a program's member-months and cohort counts from its purchases,
 * after holdPurchaseWriters and under the program's rollup lock (a compaction
 * must not run meanwhile); a repair for `rollups rebuild`, not a routine job.
 * Returns the member-months written.
 */
export async function rebuildCohortRollup(tx: Executor, programId: string): Promise<number> {
  await tx.execute(sql`delete from kpi_member_months where program_id = ${programId}`);
  await tx.execute(sql`delete from kpi_cohort_counts where program_id = ${programId}`);
  const [row] = await selectRows<{ n: number }>(tx, sql`
    with inserted as (
      insert into kpi_member_months (program_id, member_id, month, first_day)
      select ${programId}::uuid, f.member_id, f.month, f.first_day from (${freshMemberMonthsSql(programId)}) f order by 2, 3
      returning 1
    ) select count(*)::int as n from inserted`);
  await tx.execute(sql`
    insert into kpi_cohort_counts (program_id, cohort_month, month, first_day, members, folded)
    select ${programId}::uuid, c.cohort_month, c.month, c.first_day, c.members, true
    from (${countsFromMonthsSql(sql`select member_id, month, first_day from kpi_member_months where program_id = ${programId}`)}) c`);
  return Number(row?.n ?? 0);
}
