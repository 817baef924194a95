import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "../rows";
import type { Executor } from "../types";
import { factsSql, type DayFilter } from "./kpi-rollups";

/**
 * The daily rollup per member dimension (`tier:<key>`, `segment:<id>`;
 * db/schema/kpi-dimensions.ts): what a tier or segment filter reads instead of
 * those members' facts. Both functions that write it run in the refresh's
 * single snapshot (see refreshKpiRollups): the days it recomputes use the
 * membership that snapshot sees, and the moves it claims are exactly the
 * membership changes that snapshot sees and the rollup does not hold yet.
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

/** Every member's dimensions now: their tier and each segment they are in. */
const membershipSql = (programId: string) => sql`
  select m.id as member_id, 'tier:' || m.tier_key as dimension from members m where m.program_id = ${programId} and m.tier_key is not null
  union all
  select sm.member_id, 'segment:' || sm.segment_id::text from segment_members sm where sm.program_id = ${programId}`;

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
      from (${factsSql(f)}) f join (${membershipSql(f.programId)}) d on d.member_id = f.owner
      group by d.dimension, f.day, f.store_id, f.channel
      returning 1
    ) select count(*)::int as n from inserted`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Claims the membership moves this snapshot sees and moves each moved
 * member's facts out of the dimensions they left and into those they joined,
 * on every day except `recomputedDays` (those are rewritten with the
 * membership now anyway; null: every day is, the moves are only cleared).
 * A member who left and rejoined nets to nothing; a deleted segment's moves are
 * dropped and its rows deleted. Returns the members moved.
 */
export async function applyMemberDimensionMoves(tx: Executor, p: { programId: string; timeZone?: string; recomputedDays: string[] | null }): Promise<number> {
  const { programId } = p;
  if (!p.recomputedDays) {
    await tx.execute(sql`delete from kpi_member_dimension_moves where program_id = ${programId}`);
    return 0;
  }
  const segmentExists = (dimension: SQL) => sql`exists (select 1 from segments s where s.program_id = ${programId} and 'segment:' || s.id::text = ${dimension})`;
  const facts = factsSql({ programId, timeZone: p.timeZone, days: null, memberOf: sql`select member_id from live` });
  const [row] = await selectRows<{ members: number; gone: number }>(tx, sql`
    with claimed as (
      delete from kpi_member_dimension_moves where program_id = ${programId} returning member_id, dimension, sign
    ), net as (
      select member_id, dimension, sum(sign)::int as sign from claimed group by member_id, dimension having sum(sign) <> 0
    ), live as (
      select n.member_id, n.dimension, n.sign from net n where n.dimension like 'tier:%' or ${segmentExists(sql`n.dimension`)}
    ), moved as (
      insert into kpi_member_dimension_rollups as r (${COLUMNS})
      select ${programId}::uuid, mv.dimension, f.day, f.store_id, f.channel, ${sums(sql`mv.sign`)}
      from (${facts}) f join live mv on mv.member_id = f.owner
      where f.day <> all(string_to_array(${p.recomputedDays.join(",")}, ',')::date[])
      group by mv.dimension, f.day, f.store_id, f.channel
      on conflict (program_id, dimension, day, store_id, channel) do update set ${sql.raw(VALUES.map(([c]) => `${c} = r.${c} + excluded.${c}`).join(", "))}
    )
    select (select count(distinct member_id) from live)::int as members,
      ((select count(*) from net) - (select count(*) from live))::int as gone`);
  if (Number(row?.gone ?? 0) > 0) {
    await tx.execute(sql`delete from kpi_member_dimension_rollups r where r.program_id = ${programId} and r.dimension like 'segment:%' and not ${segmentExists(sql`r.dimension`)}`);
  }
  return Number(row?.members ?? 0);
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
