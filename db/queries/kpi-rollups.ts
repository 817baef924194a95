import { sql, type SQL } from "drizzle-orm";
import { NO_STORE_ID } from "../schema/kpi-rollups";
import { isTransactionRollback, selectRows } from "../rows";
import type { Executor } from "../types";

export type RollupRow = {
  day: string; storeId: string; channel: string;
  purchases: number; memberPurchases: number; membersPurchasing: number;
  revenueMinor: number; memberRevenueMinor: number; refundedMinor: number; memberRefundedMinor: number;
  pointsIssued: number; pointsRedeemed: number; pointsExpired: number; pointsReversed: number; newEnrolments: number;
  costedPurchases: number; memberCostedPurchases: number;
  costedRevenueMinor: number; memberCostedRevenueMinor: number; costMinor: number; memberCostMinor: number;
};

/**
 * Local days of the program in `days` (YYYY-MM-DD; null: every day), or a
 * `range` of local days; `memberOf` restricts the facts to a set of members
 * (a subquery of member ids) and drops non-member purchases. `timeZone`, when
 * the caller knows it, is written into the statement as a value: the planner
 * then sees the range's bounds (from the programs row it cannot, guesses a few
 * thousand rows where a year holds millions, and reads them by index).
 */
export type DayFilter = { programId: string; days: string[] | null; range?: { from: string; to: string }; memberOf?: SQL | null; timeZone?: string };

/** The program's time zone in a statement: the caller's value, or read from the programs row. */
const zoneOf = (f: DayFilter) => (f.timeZone ? sql`${f.timeZone}::text` : sql`(select time_zone from programs where id = ${f.programId})`);

/** `at` restricted to the listed local days, in a form that can still use the (program_id, time) indexes. */
function onDays(at: SQL, f: DayFilter): SQL {
  if (f.range) {
    const tz = zoneOf(f);
    return sql`${at} >= (${f.range.from}::date::timestamp at time zone ${tz}) and ${at} < ((${f.range.to}::date + 1)::timestamp at time zone ${tz})`;
  }
  if (!f.days) return sql`true`;
  const list = f.days.join(",");
  // The day list in a scalar subquery is parsed once per statement; as a bare cast it was parsed again for every row (seconds after a big import).
  return sql`${at} >= ((select min(d) from unnest(string_to_array(${list}, ',')::date[]) d)::timestamp at time zone (select time_zone from programs where id = ${f.programId}))
    and ${at} < (((select max(d) from unnest(string_to_array(${list}, ',')::date[]) d) + 1)::timestamp at time zone (select time_zone from programs where id = ${f.programId}))
    and (${at} at time zone (select time_zone from programs where id = ${f.programId}))::date = any((select string_to_array(${list}, ',')::date[])::date[])`;
}

/**
 * The columns of a fact after its day, store and channel, in order; a fact leaves out those it does not count (0).
 * `member_id` is the buyer of a purchase (for distinct counts); `owner` is the member any fact belongs to (null: a
 * non-member's ticket), by which the member-dimension rollup groups.
 */
const FACT_COLUMNS = [
  "purchases", "member_purchases", "member_id", "owner", "revenue", "member_revenue", "refunded", "member_refunded",
  "issued", "redeemed", "expired", "reversed", "enrolments",
  "costed_purchases", "member_costed_purchases", "costed_revenue", "member_costed_revenue", "cost", "member_cost",
] as const;
type FactColumn = (typeof FACT_COLUMNS)[number];

function fact(key: { day: SQL; store: SQL; channel: SQL }, values: Partial<Record<FactColumn, SQL>>): SQL {
  const columns = FACT_COLUMNS.map((c) => sql`${values[c] ?? (c === "member_id" || c === "owner" ? sql`null::uuid` : sql`0::bigint`)} as ${sql.raw(c)}`);
  return sql`select ${key.day} as day, ${key.store} as store_id, ${key.channel} as channel, ${sql.join(columns, sql`, `)}`;
}

/** `value` for a member's purchase, 0 for a non-member's (purchase alias pu). */
const ofMember = (value: SQL) => sql`case when pu.member_id is null then 0 else ${value} end`;

/**
 * Every fact the rollup counts, one row per purchase, refund, ledger entry or
 * enrolment, with its local day, store and channel. The single definition used
 * by the incremental refresh, the rebuild and the verification.
 *
 * Margin facts (docs/ANALYTICS.md, "Gross margin") read only what never changes
 * after it is written: a purchase's lines with their snapshotted unit cost count
 * on the purchase's day; a refund takes back its part on the refund's day, from
 * its own row — the lines it returned (scaled down when the money refunded was
 * capped below their value), or, refunded by amount, the same share of the
 * purchase's costed revenue and cost as of its amount. purchase_lines.refunded_quantity
 * is not read: it changes on the refund's day, which would leave the purchase's day stale.
 */
export function factsSql(f: DayFilter): SQL {
  const of = (column: SQL) => (f.memberOf ? sql`and ${column} in (${f.memberOf})` : sql``);
  const tz = zoneOf(f);
  const nil = sql.raw(`'${NO_STORE_ID}'::uuid`);
  const onPurchaseDay = { day: sql`(pu.occurred_at at time zone ${tz})::date`, store: sql`coalesce(pu.store_id, ${nil})`, channel: sql`pu.channel::text` };
  const onRefundDay = { day: sql`(r.created_at at time zone ${tz})::date`, store: sql`coalesce(r.store_id, pu.store_id, ${nil})`, channel: sql`pu.channel::text` };
  const costedRevenue = sql`sum(round(l.quantity * l.unit_price_minor))`;
  const cost = sql`sum(round(l.quantity * l.unit_cost_minor))`;
  const takenBack = (column: SQL) => sql`-round(x.${column} * x.share)`;
  const lineRefund = sql`coalesce(jsonb_typeof(r.lines) = 'array', false)`;
  return sql`
    ${fact(onPurchaseDay, { purchases: sql`1`, member_purchases: sql`(pu.member_id is not null)::int`, member_id: sql`pu.member_id`, owner: sql`pu.member_id`, revenue: sql`pu.amount_minor`, member_revenue: ofMember(sql`pu.amount_minor`) })}
    from purchases pu where pu.program_id = ${f.programId} and ${onDays(sql`pu.occurred_at`, f)} ${of(sql`pu.member_id`)}
    union all
    ${fact(onRefundDay, { owner: sql`pu.member_id`, refunded: sql`r.amount_minor`, member_refunded: ofMember(sql`r.amount_minor`) })}
    from purchase_refunds r join purchases pu on pu.program_id = r.program_id and pu.id = r.purchase_id
    where r.program_id = ${f.programId} and ${onDays(sql`r.created_at`, f)} ${of(sql`pu.member_id`)}
    union all
    ${fact(onPurchaseDay, {
      owner: sql`pu.member_id`, costed_purchases: sql`1`, member_costed_purchases: sql`(pu.member_id is not null)::int`,
      costed_revenue: costedRevenue, member_costed_revenue: ofMember(costedRevenue), cost, member_cost: ofMember(cost),
    })}
    from purchases pu join purchase_lines l on l.program_id = pu.program_id and l.purchase_id = pu.id
    where pu.program_id = ${f.programId} and l.unit_cost_minor is not null and ${onDays(sql`pu.occurred_at`, f)} ${of(sql`pu.member_id`)}
    group by pu.id, pu.occurred_at, pu.store_id, pu.channel, pu.member_id
    union all
    ${fact(onRefundDay, {
      owner: sql`pu.member_id`, costed_revenue: takenBack(sql`revenue`), member_costed_revenue: ofMember(takenBack(sql`revenue`)),
      cost: takenBack(sql`cost`), member_cost: ofMember(takenBack(sql`cost`)),
    })}
    from purchase_refunds r join purchases pu on pu.program_id = r.program_id and pu.id = r.purchase_id
    cross join lateral (
      select count(*) filter (where l.unit_cost_minor is not null and k.quantity is not null) as costed,
        coalesce(sum(round(k.quantity * l.unit_price_minor)) filter (where l.unit_cost_minor is not null), 0) as revenue,
        coalesce(sum(round(k.quantity * l.unit_cost_minor)), 0) as cost,
        case when ${lineRefund} then least(1, r.amount_minor::numeric / nullif(sum(round(k.quantity * l.unit_price_minor)), 0))
          else coalesce(r.amount_minor::numeric / nullif(pu.amount_minor, 0), 0) end as share
      from purchase_lines l
      cross join lateral (
        select case when ${lineRefund}
          then (select sum((e->>'quantity')::numeric) from jsonb_array_elements(r.lines) e where (e->>'lineNo')::int = l.line_no)
          else l.quantity end as quantity
      ) k
      where l.program_id = r.program_id and l.purchase_id = r.purchase_id
    ) x
    where r.program_id = ${f.programId} and x.costed > 0 and ${onDays(sql`r.created_at`, f)} ${of(sql`pu.member_id`)}
    union all
    ${fact({ day: sql`(e.occurred_at at time zone ${tz})::date`, store: sql`coalesce(e.store_id, ${nil})`, channel: sql`e.channel::text` }, {
      owner: sql`e.member_id`,
      issued: sql`case when e.kind = 'earn' or (e.kind = 'adjust' and e.available_delta + e.pending_delta > 0) then e.points else 0 end`,
      redeemed: sql`case when e.kind in ('redeem', 'capture') then e.points else 0 end`,
      expired: sql`case when e.kind = 'expire' then e.points else 0 end`,
      reversed: sql`case when e.kind = 'reverse' then e.points else 0 end`,
    })}
    from ledger_entries e
    where e.program_id = ${f.programId} and e.kind in ('earn', 'adjust', 'redeem', 'capture', 'expire', 'reverse') and ${onDays(sql`e.occurred_at`, f)} ${of(sql`e.member_id`)}
    union all
    ${fact({ day: sql`(m.enrolled_at at time zone ${tz})::date`, store: nil, channel: sql`m.enrolment_channel::text` }, { owner: sql`m.id`, enrolments: sql`1` })}
    from members m where m.program_id = ${f.programId} and ${onDays(sql`m.enrolled_at`, f)} ${of(sql`m.id`)}`;
}

function aggregateSql(f: DayFilter): SQL {
  return sql`
    select day, store_id, channel, sum(purchases)::int as purchases, sum(member_purchases)::int as member_purchases,
      count(distinct member_id)::int as members_purchasing, sum(revenue)::bigint as revenue_minor,
      sum(member_revenue)::bigint as member_revenue_minor, sum(refunded)::bigint as refunded_minor,
      sum(issued)::bigint as points_issued, sum(redeemed)::bigint as points_redeemed, sum(expired)::bigint as points_expired,
      sum(reversed)::bigint as points_reversed, sum(enrolments)::int as new_enrolments, sum(member_refunded)::bigint as member_refunded_minor,
      sum(costed_purchases)::int as costed_purchases, sum(member_costed_purchases)::int as member_costed_purchases,
      sum(costed_revenue)::bigint as costed_revenue_minor, sum(member_costed_revenue)::bigint as member_costed_revenue_minor,
      sum(cost)::bigint as cost_minor, sum(member_cost)::bigint as member_cost_minor
    from (${factsSql(f)}) facts group by day, store_id, channel`;
}

const COLUMNS = sql.raw(`program_id, day, store_id, channel, purchases, member_purchases, members_purchasing, revenue_minor,
  member_revenue_minor, refunded_minor, points_issued, points_redeemed, points_expired, points_reversed, new_enrolments,
  member_refunded_minor, costed_purchases, member_costed_purchases, costed_revenue_minor, member_costed_revenue_minor,
  cost_minor, member_cost_minor`);

/**
 * Runs a refresh or rebuild of a program's rollups under the program's lock in
 * one snapshot (repeatable read): the day marks and membership moves it claims
 * are exactly the changes that snapshot sees, so moving a member's history on
 * the days it does not recompute never counts a change twice or misses one.
 * The snapshot must not predate a run that held the lock before, so the lock
 * is only tried: while another run holds it, this one waits for it to finish
 * (outside the snapshot) and starts again; in the instant between the snapshot
 * and the try, a run that commits makes this one's first write over its work
 * fail as a serialization failure, also answered by starting again.
 */
export async function inRollupSnapshot<T>(db: Executor, programId: string, run: (tx: Executor) => Promise<T>): Promise<T> {
  for (let failures = 0; ; ) {
    try {
      const done = await db.transaction(async (tx) => {
        const [row] = await selectRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${lockKey(programId)}) as locked`);
        return row?.locked ? { value: await run(tx) } : null;
      }, { isolationLevel: "repeatable read" });
      if (done) return done.value;
      await db.transaction((tx) => lockProgramRollups(tx, programId));
    } catch (error) {
      if (++failures >= 10 || !isTransactionRollback(error)) throw error;
    }
  }
}

const lockKey = (programId: string) => sql`hashtext('lazo-kpi:' || ${programId})`;

/** Serialises refreshes of one program (two runners never recompute the same day at once). */
export async function lockProgramRollups(tx: Executor, programId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${lockKey(programId)})`);
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
  new_enrolments::int as "newEnrolments", member_refunded_minor::bigint as "memberRefundedMinor",
  costed_purchases::int as "costedPurchases", member_costed_purchases::int as "memberCostedPurchases",
  costed_revenue_minor::bigint as "costedRevenueMinor", member_costed_revenue_minor::bigint as "memberCostedRevenueMinor",
  cost_minor::bigint as "costMinor", member_cost_minor::bigint as "memberCostMinor"`);

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
