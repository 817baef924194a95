import { retryRolledBack } from "@/db/rows";
import type { Executor } from "@/db/types";
import { compactCohortCounts, compactDimensionCohortCounts, compareCohortRollup, holdPurchaseWriters, rebuildCohortRollup, type CohortRollupCheck } from "@/db/queries/kpi-cohorts";
import {
  claimMemberDimensionMoves,
  computeFreshMemberDimensionRows,
  computeFreshMemberTotals,
  dropGoneSegments,
  listMemberDimensionRows,
  listMemberTotals,
  moveMemberHistories,
  recomputeMemberDimensionDays,
  recountMemberTotals,
} from "@/db/queries/kpi-member-dimensions";
import { compareDimensionRollup, rebuildDimensionRollup, type DimensionRollupCheck } from "@/db/queries/kpi-dimensions";
import { compactProgramTotals, compareProgramTotals, holdMemberAndAccountWriters, rebuildProgramTotals, type ProgramTotalsCheck } from "@/db/queries/kpi-totals";
import {
  claimRollupMarks,
  computeFreshRollupRows,
  listRollupRows,
  type RollupRow,
  clearRollupMarks,
  inRollupSnapshot,
  listProgramsWithRollupMarks,
  lockProgramRollups,
  recomputeRollupDays,
} from "@/db/queries/kpi-rollups";

/** Days recomputed, program rollup rows written, members whose history moved between tiers or segments. */
export type RollupRefresh = { days: number; rows: number; moved: number };

/**
 * Brings a program's daily KPI rollups up to date: claims the stale-day marks
 * that writers committed (triggers add them in the writer's transaction) and
 * recomputes exactly those days from the base tables — program-wide and per
 * tier and segment — moves the history of members who changed tier or
 * segment on the other days, and recounts the per-tier and per-segment totals
 * of the members touched or moved, in one transaction and one snapshot. A mark or
 * move committed after the snapshot stays and is handled by the next run, so
 * repeating the refresh, or running two at once (they queue on an advisory
 * lock), never leaves a day stale or counted twice.
 */
export async function refreshKpiRollups(db: Executor, p: { programId: string }): Promise<RollupRefresh> {
  return inRollupSnapshot(db, p.programId, async (tx) => {
    const days = await claimRollupMarks(tx, p.programId);
    const moves = await claimMemberDimensionMoves(tx, p.programId);
    if (moves.members) await moveMemberHistories(tx, { programId: p.programId, recomputedDays: days });
    await recountMemberTotals(tx, { programId: p.programId });
    if (moves.goneSegments) await dropGoneSegments(tx, p.programId);
    const rows = await recomputeRollupDays(tx, { programId: p.programId, days });
    await recomputeMemberDimensionDays(tx, { programId: p.programId, days });
    // The cohort counts and program totals are exact already (triggers); folding their appended changes keeps their reads small.
    await compactAppended(tx, p.programId);
    return { days: days.length, rows, moved: moves.members };
  });
}

/**
 * Recomputes a program's whole rollup from the base tables (`rollups rebuild`):
 * the daily rollup (program-wide and per tier and segment), then the cohort heatmap's member-months and counts (the
 * program's and each store's and channel's, with the per-dimension buyer summaries), then
 * the tier and outstanding-points totals, each in a transaction of its own
 * (they hold the tables they read against writers while they run).
 */
export async function rebuildKpiRollups(db: Executor, p: { programId: string }): Promise<RollupRefresh & { memberMonths: number; dimensionMonths: number }> {
  const rows = await inRollupSnapshot(db, p.programId, async (tx) => {
    await clearRollupMarks(tx, p.programId);
    // Claiming the moves clears them: the recount below starts from scratch with the membership now.
    await claimMemberDimensionMoves(tx, p.programId);
    await recountMemberTotals(tx, { programId: p.programId, all: true });
    await recomputeMemberDimensionDays(tx, { programId: p.programId, days: null });
    return recomputeRollupDays(tx, { programId: p.programId, days: null });
  });
  // Holding writers off takes table locks that a writer holding one of those tables may be waiting behind: when
  // PostgreSQL picks the rebuild as the deadlock's victim, it runs that step again.
  const months = await retryRolledBack(() => db.transaction(async (tx) => {
    // Purchases first, then the program's lock (which keeps a compaction out): the order every writer could take them in.
    await holdPurchaseWriters(tx);
    await lockProgramRollups(tx, p.programId);
    return { memberMonths: await rebuildCohortRollup(tx, p.programId), dimensionMonths: await rebuildDimensionRollup(tx, p.programId) };
  }));
  await retryRolledBack(() => db.transaction(async (tx) => {
    await holdMemberAndAccountWriters(tx);
    await lockProgramRollups(tx, p.programId);
    await rebuildProgramTotals(tx, p.programId);
  }));
  return { days: -1, rows, moved: 0, ...months };
}

/** Folds the cohort counts' and program totals' appended changes (after a bulk load; the refresh does it too). */
export async function foldAppendedCounts(db: Executor, p: { programId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await lockProgramRollups(tx, p.programId);
    await compactAppended(tx, p.programId);
  });
}

async function compactAppended(tx: Executor, programId: string): Promise<void> {
  await compactCohortCounts(tx, programId);
  await compactDimensionCohortCounts(tx, programId);
  await compactProgramTotals(tx, programId);
}

/** The job: refreshes every program that has stale days. */
export async function refreshAllKpiRollups(db: Executor): Promise<{ programs: number; days: number; rows: number }> {
  const total = { programs: 0, days: 0, rows: 0 };
  for (const programId of await listProgramsWithRollupMarks(db)) {
    const done = await refreshKpiRollups(db, { programId });
    total.programs += 1;
    total.days += done.days;
    total.rows += done.rows;
  }
  return total;
}

/**
 * Compares the stored rollup with a fresh recomputation (after a refresh);
 * lists the differing days. Also compares the cohort heatmap's member-months
 * and counts (`cohorts`), the per-store and per-channel summaries, member-months
 * and counts (`dimensions`) and the tier and outstanding-points totals
 * (`totals`) with theirs; `ok` only when all agree.
 */
export async function verifyKpiRollups(db: Executor, p: { programId: string }): Promise<{ ok: boolean; rows: number; differingDays: string[]; memberDimensions: MemberDimensionCheck; cohorts: CohortRollupCheck; dimensions: DimensionRollupCheck; totals: ProgramTotalsCheck }> {
  await refreshKpiRollups(db, p);
  const [stored, fresh] = [await listRollupRows(db, p.programId), await computeFreshRollupRows(db, p.programId)];
  const key = (r: RollupRow) => `${r.day}|${r.storeId}|${r.channel}`;
  const a = new Map(stored.map((r) => [key(r), JSON.stringify(r)]));
  const b = new Map(fresh.map((r) => [key(r), JSON.stringify(r)]));
  const days = new Set<string>();
  for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) days.add(k.split("|")[0]!);
  const memberDimensions = await compareMemberDimensions(db, p.programId);
  const cohorts = await compareCohortRollup(db, p.programId);
  const dimensions = await compareDimensionRollup(db, p.programId);
  const totals = await compareProgramTotals(db, p.programId);
  return {
    ok: days.size === 0 && memberDimensions.ok && cohorts.ok && dimensions.ok && totals.ok,
    rows: stored.length, differingDays: [...days].sort(), memberDimensions, cohorts, dimensions, totals,
  };
}

/** The tier and segment rows that differ from a recomputation, by dimension and day. */
export type MemberDimensionCheck = { ok: boolean; rows: number; differing: string[] };

async function compareMemberDimensions(db: Executor, programId: string): Promise<MemberDimensionCheck> {
  const differing = new Set<string>();
  const compare = <R extends { dimension: string }>(stored: R[], fresh: R[], key: (r: R) => string, label: (r: R) => string) => {
    const a = new Map(stored.map((r) => [key(r), JSON.stringify(r)]));
    const b = new Map(fresh.map((r) => [key(r), r]));
    for (const r of stored) if (JSON.stringify(b.get(key(r))) !== a.get(key(r))) differing.add(label(r));
    for (const r of fresh) if (!a.has(key(r))) differing.add(label(r));
  };
  const rows = await listMemberDimensionRows(db, programId);
  compare(rows, await computeFreshMemberDimensionRows(db, programId), (r) => `${r.dimension}|${r.day}|${r.storeId}|${r.channel}`, (r) => `${r.dimension} ${r.day}`);
  compare(await listMemberTotals(db, programId), await computeFreshMemberTotals(db, programId), (r) => `${r.dimension}|${r.metric}|${r.k1}|${r.k2}|${r.k3}`, (r) => `${r.dimension} ${r.metric}`);
  return { ok: differing.size === 0, rows: rows.length, differing: [...differing].sort() };
}
