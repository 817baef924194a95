import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "../rows";
import type { Executor } from "../types";
import { factsSql, type DayFilter } from "./kpi-rollups";

/**
 * The rollup and totals per member dimension (`tier:<key>`, `segment:<id>`;
 * db/schema/kpi-dimensions.ts): what a tier or segment filter reads instead of
 * those members' facts and summaries. Everything that writes them runs in the
 * refresh's single snapshot (see refreshKpiRollups): the days it recomputes use
 * the membership that snapshot sees, and the moves and touches it claims are
 * exactly the changes that snapshot sees and the rows do not hold yet.
 */
/**
 * The member dimension a dashboard filter reads: `tier:<key>` or
 * `segment:<id>`; null without such a filter; undefined with both (no row
 * holds an intersection: those series are computed from the facts).
 */
export function memberDimensionOf(f: { segmentId?: string | null; tierKey?: string | null }): string | null | undefined {
  if (f.segmentId && f.tierKey) return undefined;
  if (f.tierKey) return `tier:${f.tierKey}`;
  if (f.segmentId) return `segment:${f.segmentId}`;
  return null;
}

/**
 * The totals' program-wide dimension: every member, counted by the days of their
 * last two purchases — program-wide, and per store and channel
 * (`last:<store or channel>`, `previous:<…>`) — and by CLV bin only (the
 * program's other totals are kept elsewhere), so buyers, active members and the
 * CLV distribution without a tier or segment read days and bins, not members.
 */
export const PROGRAM_DIMENSION = "program";
/** Whether a contribution (alias x) counts in a dimension (alias d) of the totals (a tier or segment with a store or channel is read from the facts). */
const countsIn = (d: string, x: string) => {
  const perStoreOrChannel = `(${x}.metric like 'last:%' or ${x}.metric like 'previous:%')`;
  return sql.raw(`(case when ${d}.dimension = '${PROGRAM_DIMENSION}' then ${x}.metric in ('last', 'previous') or ${x}.metric like 'clv:%' or ${perStoreOrChannel}
    else not ${perStoreOrChannel} end)`);
};

/** Every member's dimensions now: their tier and each segment they are in. */
const membershipSql = (programId: string) => sql`
  select m.id as member_id, 'tier:' || m.tier_key as dimension from members m where m.program_id = ${programId} and m.tier_key is not null
  union all
  select sm.member_id, 'segment:' || sm.segment_id::text from segment_members sm where sm.program_id = ${programId}`;

/** Up to this many days, the facts look their members' dimensions up one by one (an index probe each) instead of reading every member's. */
const FEW_DAYS = 31;

/** Each fact (alias f) joined with the dimensions of its member (alias d): all members hashed, or looked up per fact. */
const membershipOfOwners = (programId: string, many: boolean) =>
  many
    ? sql`join (${membershipSql(programId)}) d on d.member_id = f.owner`
    : sql`cross join lateral (
        select 'tier:' || m.tier_key as dimension from members m where m.program_id = ${programId} and m.id = f.owner and m.tier_key is not null
        union all
        select 'segment:' || sm.segment_id::text from segment_members sm where sm.program_id = ${programId} and sm.member_id = f.owner
      ) d`;

/** The rollup's value columns, in order, each the sum of a fact column times `sign`. */
const VALUES: [column: string, fact: string, type: "int" | "bigint"][] = [
  ["member_purchases", "member_purchases", "int"], ["member_revenue_minor", "member_revenue", "bigint"],
  ["member_refunded_minor", "member_refunded", "bigint"], ["points_issued", "issued", "bigint"],
  ["points_redeemed", "redeemed", "bigint"], ["points_expired", "expired", "bigint"], ["points_reversed", "reversed", "bigint"],
  ["new_enrolments", "enrolments", "int"], ["member_costed_purchases", "member_costed_purchases", "int"],
  ["member_costed_revenue_minor", "member_costed_revenue", "bigint"], ["member_cost_minor", "member_cost", "bigint"],
];
const COLUMNS = sql.raw(`program_id, dimension, day, store_id, channel, ${VALUES.map(([c]) => c).join(", ")}`);
const sums = (sign: SQL) => sql.join(VALUES.map(([, f, type]) => sql`sum(f.${sql.raw(f)} * ${sign})::${sql.raw(type)}`), sql`, `);
const notAllZero = sql.raw(VALUES.map(([c]) => `${c} <> 0`).join(" or "));

/** Rewrites the rows of the given days (null: every day) from the facts, with each fact's member in their dimensions now. */
export async function recomputeMemberDimensionDays(tx: Executor, f: DayFilter): Promise<number> {
  if (f.days && f.days.length === 0) return 0;
  const scope = f.days ? sql`and day = any(string_to_array(${f.days.join(",")}, ',')::date[])` : sql``;
  await tx.execute(sql`delete from kpi_member_dimension_rollups where program_id = ${f.programId} ${scope}`);
  const rows = await selectRows<{ n: number }>(tx, sql`
    with inserted as (
      insert into kpi_member_dimension_rollups (${COLUMNS})
      select ${f.programId}::uuid, d.dimension, f.day, f.store_id, f.channel, ${sums(sql`1`)}
      from (${factsSql(f)}) f ${membershipOfOwners(f.programId, !f.days || f.days.length > FEW_DAYS)}
      group by d.dimension, f.day, f.store_id, f.channel
      returning 1
    ) select count(*)::int as n from inserted`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Claims the membership moves this snapshot sees, netted per member and
 * dimension (a member who left and rejoined: nothing), into the session's
 * kpi_claimed_moves for the steps below; returns the members moved and
 * whether a deleted segment's moves were among them.
 */
export async function claimMemberDimensionMoves(tx: Executor, programId: string): Promise<{ members: number; goneSegments: boolean }> {
  await tx.execute(sql`create temp table if not exists kpi_claimed_moves (member_id uuid not null, dimension text not null, sign int not null) on commit delete rows`);
  await tx.execute(sql`delete from kpi_claimed_moves`);
  await tx.execute(sql`
    with claimed as (
      delete from kpi_member_dimension_moves where program_id = ${programId} returning member_id, dimension, sign
    )
    insert into kpi_claimed_moves (member_id, dimension, sign)
    select member_id, dimension, sum(sign)::int from claimed group by member_id, dimension having sum(sign) <> 0`);
  const [row] = await selectRows<{ members: number; gone: boolean }>(tx, sql`
    select count(distinct member_id)::int as members,
      coalesce(bool_or(dimension like 'segment:%' and not ${segmentExists(programId, sql`dimension`)}), false) as gone
    from kpi_claimed_moves`);
  return { members: Number(row?.members ?? 0), goneSegments: !!row?.gone };
}

const segmentExists = (programId: string, dimension: SQL) =>
  sql`exists (select 1 from segments s where s.program_id = ${programId} and 'segment:' || s.id::text = ${dimension})`;

/**
 * Moves each claimed member's facts out of the dimensions they left and into
 * those they joined, on every day except `recomputedDays` (rewritten with the
 * membership now anyway).
 */
export async function moveMemberHistories(tx: Executor, p: { programId: string; timeZone?: string; recomputedDays: string[] }): Promise<void> {
  const { programId } = p;
  const facts = factsSql({ programId, timeZone: p.timeZone, days: null, memberOf: sql`select member_id from kpi_claimed_moves` });
  await tx.execute(sql`
    insert into kpi_member_dimension_rollups as r (${COLUMNS})
    select ${programId}::uuid, mv.dimension, f.day, f.store_id, f.channel, ${sums(sql`mv.sign`)}
    from (${facts}) f join kpi_claimed_moves mv on mv.member_id = f.owner
    where f.day <> all(string_to_array(${p.recomputedDays.join(",")}, ',')::date[])
      and (mv.dimension like 'tier:%' or ${segmentExists(programId, sql`mv.dimension`)})
    group by mv.dimension, f.day, f.store_id, f.channel
    on conflict (program_id, dimension, day, store_id, channel) do update set ${sql.raw(VALUES.map(([c]) => `${c} = r.${c} + excluded.${c}`).join(", "))}`);
}

/** Deletes the rows of segments that no longer exist (their members' moves out were claimed). */
export async function dropGoneSegments(tx: Executor, programId: string): Promise<void> {
  const gone = (alias: string) => sql`${sql.raw(alias)}.program_id = ${programId} and ${sql.raw(alias)}.dimension like 'segment:%' and not ${segmentExists(programId, sql.raw(`${alias}.dimension`))}`;
  await tx.execute(sql`delete from kpi_member_dimension_rollups r where ${gone("r")}`);
  await tx.execute(sql`delete from kpi_member_dimension_totals t where ${gone("t")}`);
}

/** What one member counts for in the totals (state alias s: stateNowSql's columns). */
const contributionsOf = (s: string) => sql.raw(`
  select 'last' as metric, ${s}.last_day as k1, '-infinity'::date as k2, '-infinity'::date as k3, 1::bigint as value where ${s}.last_day is not null
  union all select 'previous', ${s}.previous_day, '-infinity'::date, '-infinity'::date, 1::bigint where ${s}.previous_day is not null
  union all select 'outstanding', '-infinity'::date, '-infinity'::date, '-infinity'::date, ${s}.outstanding where ${s}.outstanding <> 0
  union all select 'cohort', ${s}.months[1], u.month, u.first_day, 1::bigint from unnest(${s}.months, ${s}.first_days) u(month, first_day)
  union all select 'tier:' || coalesce(${s}.tier_key, ''), '-infinity'::date, '-infinity'::date, '-infinity'::date, 1::bigint where ${s}.listed
  union all select 'move:' || coalesce(v.from_tier, '') || '>' || coalesce(v.to_tier, ''), v.day, '-infinity'::date, '-infinity'::date, 1::bigint
    from unnest(${s}.move_days, ${s}.move_from, ${s}.move_to) v(day, from_tier, to_tier)
  union all select 'clv:' || ${s}.clv_bin, '-infinity'::date, '-infinity'::date, '-infinity'::date, 1::bigint where ${s}.clv_bin is not null
  union all select v.metric, v.day, '-infinity'::date, '-infinity'::date, 1::bigint
    from unnest(${s}.store_channels, ${s}.store_channel_last_days, ${s}.store_channel_previous_days) u(dimension, last_day, previous_day)
    cross join lateral (values ('last:' || u.dimension, u.last_day), ('previous:' || u.dimension, u.previous_day)) v(metric, day) where v.day is not null`);

/** Each listed member's state now: local days of their last two counted purchases (and per store and channel), points held, member-months in order, tier, tier changes, CLV bin. */
const stateNowSql = (programId: string, members: SQL) => sql`
  select r.member_id,
    (s.last_purchase_at at time zone pr.time_zone)::date as last_day,
    (s.previous_purchase_at at time zone pr.time_zone)::date as previous_day,
    coalesce((select sum(a.available::bigint + a.pending) from point_accounts a where a.program_id = ${programId} and a.member_id = r.member_id), 0)::bigint as outstanding,
    coalesce(mm.months, '{}'::date[]) as months, coalesce(mm.first_days, '{}'::date[]) as first_days,
    me.tier_key, coalesce(me.status <> 'anonymized', false) as listed,
    coalesce(th.days, '{}'::date[]) as move_days, coalesce(th.from_tiers, '{}'::text[]) as move_from, coalesce(th.to_tiers, '{}'::text[]) as move_to,
    mp.clv_bin, coalesce(sc.dimensions, '{}'::text[]) as store_channels,
    coalesce(sc.last_days, '{}'::date[]) as store_channel_last_days, coalesce(sc.previous_days, '{}'::date[]) as store_channel_previous_days
  from (${members}) r
  join programs pr on pr.id = ${programId}
  left join members me on me.program_id = ${programId} and me.id = r.member_id
  left join member_purchase_stats s on s.program_id = ${programId} and s.member_id = r.member_id
  left join member_predictions mp on mp.program_id = ${programId} and mp.member_id = r.member_id
  left join lateral (
    select array_agg(k.month order by k.month) as months, array_agg(k.first_day order by k.month) as first_days
    from kpi_member_months k where k.program_id = ${programId} and k.member_id = r.member_id
  ) mm on true
  left join lateral (
    select array_agg((h.created_at at time zone pr.time_zone)::date order by h.created_at, h.id) as days,
      array_agg(h.from_tier order by h.created_at, h.id) as from_tiers, array_agg(h.to_tier order by h.created_at, h.id) as to_tiers
    from member_tier_history h where h.program_id = ${programId} and h.member_id = r.member_id
  ) th on true
  left join lateral (
    select array_agg(x.dimension order by x.dimension) as dimensions,
      array_agg((x.last_purchase_at at time zone pr.time_zone)::date order by x.dimension) as last_days,
      array_agg((x.previous_purchase_at at time zone pr.time_zone)::date order by x.dimension) as previous_days
    from member_dimension_stats x where x.program_id = ${programId} and x.member_id = r.member_id
  ) sc on true`;

/**
 * Recounts, in kpi_member_dimension_totals, the members touched since the last
 * refresh and those claimed as moved: takes out what kpi_member_counted says
 * each counted for, in the dimensions they were in (now, less those joined,
 * plus those left), and puts in what they count for now, in the dimensions
 * they are in now. `all`: every member from scratch (the rebuild). Returns the
 * members recounted.
 */
export async function recountMemberTotals(tx: Executor, p: { programId: string; all?: boolean }): Promise<number> {
  const { programId } = p;
  if (p.all) {
    await tx.execute(sql`delete from kpi_member_touches where program_id = ${programId}`);
    await tx.execute(sql`delete from kpi_member_dimension_totals where program_id = ${programId}`);
    await tx.execute(sql`delete from kpi_member_counted where program_id = ${programId}`);
  }
  if (!p.all) {
    // Most refreshes touch nobody: skip the statement rather than let it plan over every member's membership.
    const [pending] = await selectRows<{ any: boolean }>(tx, sql`
      select exists (select 1 from kpi_member_touches where program_id = ${programId}) or exists (select 1 from kpi_claimed_moves) as any`);
    if (!pending?.any) return 0;
  }
  const recount = p.all
    ? sql`select m.id as member_id from members m where m.program_id = ${programId}`
    : sql`select member_id from touched union select member_id from kpi_claimed_moves`;
  const [row] = await selectRows<{ members: number }>(tx, sql`
    with touched as (
      delete from kpi_member_touches where program_id = ${programId} returning member_id
    ), recount as (${recount}
    ), now_state as (${stateNowSql(programId, sql`select member_id from recount`)}
    ), old_state as (
      select c.member_id, c.last_day, c.previous_day, c.outstanding, c.months, c.first_days, c.tier_key, c.listed, c.move_days, c.move_from, c.move_to, c.clv_bin,
        c.store_channels, c.store_channel_last_days, c.store_channel_previous_days
      from kpi_member_counted c
      where c.program_id = ${programId} and c.member_id in (select member_id from recount)
    ), dims_now as (
      select ms.member_id, ms.dimension from (${membershipSql(programId)}) ms where ms.member_id in (select member_id from recount)
      union all
      select member_id, ${PROGRAM_DIMENSION}::text from recount
    ), dims_old as (
      select d.member_id, d.dimension from dims_now d
      where not exists (select 1 from kpi_claimed_moves mv where mv.member_id = d.member_id and mv.dimension = d.dimension and mv.sign > 0)
      union all
      select mv.member_id, mv.dimension from kpi_claimed_moves mv where mv.sign < 0
    ), delta as (
      select c.dimension, c.metric, c.k1, c.k2, c.k3, sum(c.value) as value from (
        select d.dimension, x.metric, x.k1, x.k2, x.k3, x.value
        from now_state n join dims_now d on d.member_id = n.member_id cross join lateral (${contributionsOf("n")}) x where ${countsIn("d", "x")}
        union all
        select d.dimension, x.metric, x.k1, x.k2, x.k3, -x.value
        from old_state o join dims_old d on d.member_id = o.member_id cross join lateral (${contributionsOf("o")}) x where ${countsIn("d", "x")}
      ) c
      group by c.dimension, c.metric, c.k1, c.k2, c.k3 having sum(c.value) <> 0
    ), applied as (
      insert into kpi_member_dimension_totals as t (program_id, dimension, metric, k1, k2, k3, value)
      select ${programId}::uuid, d.dimension, d.metric, d.k1, d.k2, d.k3, d.value from delta d
      on conflict (program_id, dimension, metric, k1, k2, k3) do update set value = t.value + excluded.value
    ), remembered as (
      insert into kpi_member_counted as c (program_id, member_id, last_day, previous_day, outstanding, months, first_days, tier_key, listed, move_days, move_from, move_to, clv_bin,
        store_channels, store_channel_last_days, store_channel_previous_days)
      select ${programId}::uuid, n.member_id, n.last_day, n.previous_day, n.outstanding, n.months, n.first_days, n.tier_key, n.listed, n.move_days, n.move_from, n.move_to, n.clv_bin,
        n.store_channels, n.store_channel_last_days, n.store_channel_previous_days
      from now_state n
      on conflict (program_id, member_id) do update set last_day = excluded.last_day, previous_day = excluded.previous_day,
        outstanding = excluded.outstanding, months = excluded.months, first_days = excluded.first_days, tier_key = excluded.tier_key, listed = excluded.listed,
        move_days = excluded.move_days, move_from = excluded.move_from, move_to = excluded.move_to, clv_bin = excluded.clv_bin,
        store_channels = excluded.store_channels, store_channel_last_days = excluded.store_channel_last_days,
        store_channel_previous_days = excluded.store_channel_previous_days
    )
    select (select count(*) from recount)::int as members`);
  return Number(row?.members ?? 0);
}

/** A total as stored or recomputed: dimension, metric, keys (YYYY-MM-DD, or -infinity) and value. */
export type MemberTotalRow = { dimension: string; metric: string; k1: string; k2: string; k3: string; value: number };

/** The stored totals that hold anything, in a stable order. */
export async function listMemberTotals(db: Executor, programId: string): Promise<MemberTotalRow[]> {
  const rows = await selectRows<MemberTotalRow>(db, sql`
    select dimension, metric, k1::text as k1, k2::text as k2, k3::text as k3, value::bigint as value from kpi_member_dimension_totals
    where program_id = ${programId} and value <> 0 order by dimension, metric, k1, k2, k3`);
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** What the totals should hold, from every member's state and membership now, without touching the stored rows. */
export async function computeFreshMemberTotals(db: Executor, programId: string): Promise<MemberTotalRow[]> {
  const rows = await selectRows<MemberTotalRow>(db, sql`
    select d.dimension, x.metric, x.k1::text as k1, x.k2::text as k2, x.k3::text as k3, sum(x.value)::bigint as value
    from (${stateNowSql(programId, sql`select m.id as member_id from members m where m.program_id = ${programId}`)}) n
    join (${membershipSql(programId)} union all select m.id, ${PROGRAM_DIMENSION}::text from members m where m.program_id = ${programId}) d on d.member_id = n.member_id
    cross join lateral (${contributionsOf("n")}) x
    where ${countsIn("d", "x")}
    group by d.dimension, x.metric, x.k1, x.k2, x.k3 having sum(x.value) <> 0
    order by d.dimension, x.metric, x.k1::text, x.k2::text, x.k3::text`);
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** A member-dimension rollup row (values as numbers), for verification. */
export type MemberDimensionRow = { dimension: string; day: string; storeId: string; channel: string } & Record<string, number | string>;

const ROW_FIELDS = sql.raw(`dimension, day::text as "day", store_id::text as "storeId", channel, ${VALUES.map(([c]) => `${c}::bigint as "${c}"`).join(", ")}`);

/** The stored rows that hold anything (a move can leave zeros behind), in a stable order. */
export async function listMemberDimensionRows(db: Executor, programId: string): Promise<MemberDimensionRow[]> {
  return numeric(await selectRows<MemberDimensionRow>(db, sql`
    select ${ROW_FIELDS} from kpi_member_dimension_rollups where program_id = ${programId} and (${notAllZero})
    order by dimension, day, store_id, channel`));
}

/** What the rows should hold, computed from the facts and today's membership without touching the stored rows. */
export async function computeFreshMemberDimensionRows(db: Executor, programId: string): Promise<MemberDimensionRow[]> {
  return numeric(await selectRows<MemberDimensionRow>(db, sql`
    select ${ROW_FIELDS} from (
      select d.dimension, f.day, f.store_id, f.channel, ${sums(sql`1`)}
      from (${factsSql({ programId, days: null })}) f join (${membershipSql(programId)}) d on d.member_id = f.owner
      group by d.dimension, f.day, f.store_id, f.channel
    ) fresh (dimension, day, store_id, channel, ${sql.raw(VALUES.map(([c]) => c).join(", "))})
    where ${notAllZero} order by dimension, day, store_id, channel`));
}

export async function countMemberDimensionMoves(db: Executor, programId: string): Promise<number> {
  const rows = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from kpi_member_dimension_moves where program_id = ${programId}`);
  return Number(rows[0]?.n ?? 0);
}

function numeric(rows: MemberDimensionRow[]): MemberDimensionRow[] {
  return rows.map((r) => {
    const out: MemberDimensionRow = { ...r };
    for (const [c] of VALUES) out[c] = Number(r[c]);
    return out;
  });
}
