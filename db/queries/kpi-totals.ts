import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "../rows";
import type { Executor } from "../types";

/** Members per tier the way the dashboard counts them (anonymized members left out): the triggers' definition. */
const freshTierCountsSql = (programId: string): SQL => sql`
  select m.tier_key, count(*)::int as members from members m
  where m.program_id = ${programId} and m.status <> 'anonymized' group by m.tier_key`;

/** Points held over a program's accounts (available + pending): the liability, the triggers' definition. */
const freshOutstandingSql = (programId: string): SQL => sql`
  select coalesce(sum(a.available::bigint + a.pending), 0) as points from point_accounts a where a.program_id = ${programId}`;

/** Members per tier from kpi_tier_counts (exact: the sum of its signed rows), largest first; tiers that sum to 0 left out. */
export async function countTiersFromTotals(db: Executor, programId: string): Promise<{ tierKey: string | null; members: number }[]> {
  const rows = await selectRows<{ tierKey: string | null; members: number }>(db, sql`
    select k.tier_key as "tierKey", sum(k.members)::int as members from kpi_tier_counts k
    where k.program_id = ${programId} group by k.tier_key having sum(k.members) > 0 order by 2 desc, 1`);
  return rows.map((r) => ({ tierKey: r.tierKey, members: Number(r.members) }));
}

/** The points a program's members hold, from kpi_outstanding_points (exact: the sum of its signed rows). */
export async function sumOutstandingFromTotals(db: Executor, programId: string): Promise<number> {
  const [row] = await selectRows<{ n: string }>(db, sql`
    select coalesce(sum(k.points), 0)::text as n from kpi_outstanding_points k where k.program_id = ${programId}`);
  return Number(row?.n ?? 0);
}

/**
 * Folds a program's appended tier, points and tier-move changes into one row
 * per tier, one for the points and one per day and move. Rows of transactions still open are not seen and
 * stay, so the sums never change; run under the program's rollup lock.
 */
export async function compactProgramTotals(tx: Executor, programId: string): Promise<void> {
  await tx.execute(sql`
    with tier as (
      select t.tier_key from kpi_tier_counts t where t.program_id = ${programId} group by t.tier_key having count(*) > 1 or sum(t.members) = 0
    ), gone as (
      delete from kpi_tier_counts k using tier t where k.program_id = ${programId} and k.tier_key is not distinct from t.tier_key
      returning k.tier_key, k.members
    )
    insert into kpi_tier_counts (program_id, tier_key, members)
    select ${programId}::uuid, tier_key, sum(members) from gone group by tier_key having sum(members) <> 0`);
  await tx.execute(sql`
    with gone as (
      delete from kpi_outstanding_points k where k.program_id = ${programId}
        and (select count(*) > 1 or sum(t.points) = 0 from kpi_outstanding_points t where t.program_id = ${programId})
      returning k.points
    )
    insert into kpi_outstanding_points (program_id, points)
    select ${programId}::uuid, sum(points) from gone having count(*) > 0 and sum(points) <> 0`);
  await compactTierMoves(tx, programId);
}

export type ProgramTotalsCheck = { ok: boolean; outstanding: { stored: number; fresh: number }; differingTiers: string[]; differingMoves: string[] };

/** Compares the stored totals with a recomputation from members and accounts (one statement each: one snapshot). */
export async function compareProgramTotals(db: Executor, programId: string): Promise<ProgramTotalsCheck> {
  const tiers = await selectRows<{ key: string }>(db, sql`
    with s as (select coalesce(tier_key, '(none)') as tier, sum(members)::int as members from kpi_tier_counts where program_id = ${programId} group by 1 having sum(members) <> 0),
    f as (select coalesce(t.tier_key, '(none)') as tier, t.members from (${freshTierCountsSql(programId)}) t)
    select tier || '=' || coalesce(s.members, 0) || '/' || coalesce(f.members, 0) as key
    from s full join f using (tier) where s.members is distinct from f.members order by 1`);
  const [points] = await selectRows<{ stored: string; fresh: string }>(db, sql`
    select (select coalesce(sum(points), 0) from kpi_outstanding_points where program_id = ${programId})::text as stored,
      (select f.points from (${freshOutstandingSql(programId)}) f)::text as fresh`);
  const outstanding = { stored: Number(points?.stored ?? 0), fresh: Number(points?.fresh ?? 0) };
  const differingTiers = tiers.map((r) => r.key);
  const differingMoves = await compareTierMoves(db, programId);
  return { ok: differingTiers.length === 0 && differingMoves.length === 0 && outstanding.stored === outstanding.fresh, outstanding, differingTiers, differingMoves };
}

/** Holds every writer of members, point accounts and tier history off (SHARE: reads go on) until the transaction ends. */
export async function holdMemberAndAccountWriters(tx: Executor): Promise<void> {
  await tx.execute(sql`lock table members, point_accounts, member_tier_history in share mode`);
}

/**
 * Rewrites a program's totals from its members, accounts and tier history, after
 * holdMemberAndAccountWriters and under the program's rollup lock; a repair
 * for `rollups rebuild`, not a routine job.
 */
export async function rebuildProgramTotals(tx: Executor, programId: string): Promise<void> {
  await tx.execute(sql`delete from kpi_tier_counts where program_id = ${programId}`);
  await tx.execute(sql`delete from kpi_outstanding_points where program_id = ${programId}`);
  await tx.execute(sql`insert into kpi_tier_counts (program_id, tier_key, members) select ${programId}::uuid, f.tier_key, f.members from (${freshTierCountsSql(programId)}) f`);
  await tx.execute(sql`insert into kpi_outstanding_points (program_id, points) select ${programId}::uuid, f.points from (${freshOutstandingSql(programId)}) f where f.points <> 0`);
  await rebuildTierMoves(tx, programId);
}

/** A program's tier moves per local day, from → to, as the history gives them now (the triggers' definition). */
const freshTierMovesSql = (programId: string): SQL => sql`
  select (h.created_at at time zone p.time_zone)::date as day, h.from_tier, h.to_tier, count(*)::int as members
  from member_tier_history h join programs p on p.id = h.program_id
  where h.program_id = ${programId} group by 1, 2, 3`;

export type TierMove = { fromTier: string | null; toTier: string | null; members: number };

/** Tier moves in local days from..to, from kpi_tier_moves (exact: the sum of its signed rows). */
export async function countTierMovesFromTotals(db: Executor, f: { programId: string; from: string; to: string }): Promise<TierMove[]> {
  const rows = await selectRows<TierMove>(db, sql`
    select k.from_tier as "fromTier", k.to_tier as "toTier", sum(k.members)::int as members from kpi_tier_moves k
    where k.program_id = ${f.programId} and k.day between ${f.from}::date and ${f.to}::date
    group by 1, 2 having sum(k.members) > 0 order by 3 desc, 1, 2`);
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
}

/** Folds a program's appended tier moves into one row per day and move; same rules as compactProgramTotals. */
async function compactTierMoves(tx: Executor, programId: string): Promise<void> {
  await tx.execute(sql`
    with cell as (
      select day, from_tier, to_tier from kpi_tier_moves where program_id = ${programId}
      group by 1, 2, 3 having count(*) > 1 or sum(members) = 0
    ), gone as (
      delete from kpi_tier_moves k using cell c
      where k.program_id = ${programId} and k.day = c.day and k.from_tier is not distinct from c.from_tier and k.to_tier is not distinct from c.to_tier
      returning k.day, k.from_tier, k.to_tier, k.members
    )
    insert into kpi_tier_moves (program_id, day, from_tier, to_tier, members)
    select ${programId}::uuid, day, from_tier, to_tier, sum(members) from gone group by day, from_tier, to_tier having sum(members) <> 0`);
}

/** Stored tier moves that differ from a recount, as `day|from→to=stored/fresh` (up to `limit`). */
async function compareTierMoves(db: Executor, programId: string, limit = 20): Promise<string[]> {
  const rows = await selectRows<{ key: string }>(db, sql`
    with s as (select day, coalesce(from_tier, '(none)') as from_tier, coalesce(to_tier, '(none)') as to_tier, sum(members)::int as members
               from kpi_tier_moves where program_id = ${programId} group by 1, 2, 3 having sum(members) <> 0),
    f as (select day, coalesce(from_tier, '(none)') as from_tier, coalesce(to_tier, '(none)') as to_tier, members from (${freshTierMovesSql(programId)}) x)
    select day::text || '|' || from_tier || '→' || to_tier || '=' || coalesce(s.members, 0) || '/' || coalesce(f.members, 0) as key
    from s full join f using (day, from_tier, to_tier) where s.members is distinct from f.members order by 1 limit ${limit}`);
  return rows.map((r) => r.key);
}

/** Rewrites a program's tier moves from the history (see rebuildProgramTotals). */
async function rebuildTierMoves(tx: Executor, programId: string): Promise<void> {
  await tx.execute(sql`delete from kpi_tier_moves where program_id = ${programId}`);
  await tx.execute(sql`insert into kpi_tier_moves (program_id, day, from_tier, to_tier, members) select ${programId}::uuid, f.day, f.from_tier, f.to_tier, f.members from (${freshTierMovesSql(programId)}) f`);
}
