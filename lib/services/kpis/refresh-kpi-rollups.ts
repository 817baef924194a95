import type { Executor } from "@/db/types";
import {
  claimRollupMarks,
  computeFreshRollupRows,
  listRollupRows,
  type RollupRow,
  clearRollupMarks,
  listProgramsWithRollupMarks,
  lockProgramRollups,
  recomputeRollupDays,
} from "@/db/queries/kpi-rollups";

export type RollupRefresh = { days: number; rows: number };

/**
 * Brings a program's daily KPI rollup up to date: claims the stale-day marks
 * that writers committed (triggers add them in the writer's transaction) and
 * recomputes exactly those days from the base tables, in one transaction.
 * A mark committed after the claim stays and is handled by the next run, so
 * repeating the refresh, or running two at once (they queue on an advisory
 * lock), never leaves a day stale or counted twice.
 */
export async function refreshKpiRollups(db: Executor, p: { programId: string }): Promise<RollupRefresh> {
  return db.transaction(async (tx) => {
    await lockProgramRollups(tx, p.programId);
    const days = await claimRollupMarks(tx, p.programId);
    const rows = await recomputeRollupDays(tx, { programId: p.programId, days });
    return { days: days.length, rows };
  });
}

/** Recomputes a program's whole rollup from the base tables (`rollups rebuild`). */
export async function rebuildKpiRollups(db: Executor, p: { programId: string }): Promise<RollupRefresh> {
  return db.transaction(async (tx) => {
    await lockProgramRollups(tx, p.programId);
    await clearRollupMarks(tx, p.programId);
    const rows = await recomputeRollupDays(tx, { programId: p.programId, days: null });
    return { days: -1, rows };
  });
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

/** Compares the stored rollup with a fresh recomputation (after a refresh); lists the differing days. */
export async function verifyKpiRollups(db: Executor, p: { programId: string }): Promise<{ ok: boolean; rows: number; differingDays: string[] }> {
  await refreshKpiRollups(db, p);
  const [stored, fresh] = [await listRollupRows(db, p.programId), await computeFreshRollupRows(db, p.programId)];
  const key = (r: RollupRow) => `${r.day}|${r.storeId}|${r.channel}`;
  const a = new Map(stored.map((r) => [key(r), JSON.stringify(r)]));
  const b = new Map(fresh.map((r) => [key(r), JSON.stringify(r)]));
  const days = new Set<string>();
  for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) days.add(k.split("|")[0]!);
  return { ok: days.size === 0, rows: stored.length, differingDays: [...days].sort() };
}
