/**
 * Predictions per member, wired to the database: member summaries are summed
 * in SQL (db/queries/predictions.ts), the models are the pure ones in
 * lib/domain/analytics, and the results land in `member_predictions` (one
 * row per member, replaced on every refresh) and `prediction_fits` (one row
 * per fit, with the holdout check and the console's distributions).
 */
import {
  cohortDayCounts,
  insertPredictionFit,
  memberCategoryDays,
  memberOccasionSummaries,
  purchaseDayRange,
  replaceMemberPredictions,
  type MemberOccasionSummary,
  type NewMemberPrediction,
  type PredictionFitRow,
} from "@/db/queries/predictions";
import { getProgramById, getProgramBySlug, type ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParams } from "@/lib/domain/analytics/bg-nbd";
import { customerLifetimeValue, WEEKS_PER_YEAR } from "@/lib/domain/analytics/clv";
import { CLV_BINS, clvBinBounds, clvBinOf, clvBinWidth } from "@/lib/domain/analytics/clv-bins";
import { addDays, daysBetween, type CustomerSummary, type Purchase } from "@/lib/domain/analytics/customer-summary";
import { favouriteCategory } from "@/lib/domain/analytics/favourite-category";
import { expectedAverageSpend } from "@/lib/domain/analytics/gamma-gamma";
import { cumulativeRepeatTracking, holdoutComparison, type CohortCustomer, type HoldoutBucket, type TrackingPoint } from "@/lib/domain/analytics/holdout";
import { fitModels } from "@/lib/domain/analytics/member-predictions";
import { predictReplenishments } from "@/lib/domain/analytics/replenishment";
import { RFM_SEGMENTS, rfmScores, type RfmSegment } from "@/lib/domain/analytics/rfm";
import { currencyDigits } from "@/lib/domain/money";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { refreshKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { calendarDaySchema, refreshPredictionsSchema } from "@/lib/validation/analytics";

/** Horizons and money assumptions of the stored predictions. */
export const PREDICTION_SETTINGS = {
  /** Expected purchases "next 90 days". */
  purchaseHorizonWeeks: 90 / 7,
  /** CLV over the next 12 months, revenue-based (margin 1), discounted at 10% a year. */
  clvHorizonWeeks: WEEKS_PER_YEAR,
  margin: 1,
  annualDiscountRate: 0.1,
  /** The holdout check needs at least this many weeks on each side of the split. */
  minHoldoutWeeks: 4,
} as const;

export type BgNbdSummary = BgNbdParams & { logLikelihood: number; converged: boolean };
/** `gamma` in the currency's major unit (dollars for CDNOW), as published; `gammaMinor` as fitted on minor units. */
export type GammaGammaSummary = { p: number; q: number; gamma: number; gammaMinor: number; logLikelihood: number; customers: number };

export type HoldoutSummary = {
  calibrationStart: string;
  calibrationEnd: string;
  holdoutEnd: string;
  calibrationWeeks: number;
  holdoutWeeks: number;
  params: BgNbdParams;
  customers: number;
  actualTotal: number;
  predictedTotal: number;
  relativeError: number;
  buckets: HoldoutBucket[];
  tracking: TrackingPoint[];
};

export type PredictionDistributions = {
  segments: Record<RfmSegment, number>;
  /** Ten bins of width 0.1 over p(alive). */
  pAlive: { from: number; to: number; count: number }[];
  /** Bins of CLV (minor units); the last one is open-ended (`to` null). */
  clv: { from: number; to: number | null; count: number }[];
  meanClvMinor: number | null;
  meanPAlive: number;
  expectedPurchases90d: number;
};

export type PredictionRun = {
  program: ProgramRow;
  asOf: string;
  customers: number;
  bgnbd: BgNbdSummary;
  gammaGamma: GammaGammaSummary | null;
  holdout: HoldoutSummary | null;
  distributions: PredictionDistributions;
  members: NewMemberPrediction[];
  durationMs: number;
};

function toCustomerSummary(s: MemberOccasionSummary, calibrationEnd: string): CustomerSummary {
  const x = Math.max(0, s.occasions - 1);
  return {
    x,
    tx: daysBetween(s.firstDay, s.lastDay) / 7,
    T: daysBetween(s.firstDay, calibrationEnd) / 7,
    meanRepeatSpend: x > 0 ? s.repeatTotal / x : null,
    firstDate: s.firstDay,
    lastDate: s.lastDay,
    holdoutOccasions: s.holdoutOccasions,
  };
}

/** Today in the program's zone. */
export function programToday(program: { timeZone: string }, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: program.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The holdout check on any history: fit BG/NBD on purchases up to
 * `calibrationEnd`, then compare predicted and actual repeat purchases per
 * calibration frequency in (calibrationEnd, end], and track cumulative repeat
 * purchases week by week from `start` for the members who started by the
 * calibration end. `params` skips the fit when the caller already has it.
 */
export async function holdoutCheck(
  db: Executor,
  program: { id: string; timeZone: string },
  window: { start: string; calibrationEnd: string; end: string },
  params?: BgNbdParams,
): Promise<HoldoutSummary | null> {
  const holdoutDays = daysBetween(window.calibrationEnd, window.end);
  const calibrationDays = daysBetween(window.start, window.calibrationEnd) + 1;
  if (holdoutDays < PREDICTION_SETTINGS.minHoldoutWeeks * 7 || calibrationDays < PREDICTION_SETTINGS.minHoldoutWeeks * 7) return null;
  const summaries = (await memberOccasionSummaries(db, { programId: program.id, timeZone: program.timeZone, calibrationEnd: window.calibrationEnd, holdoutEnd: window.end })).map((s) =>
    toCustomerSummary(s, window.calibrationEnd),
  );
  if (!summaries.some((s) => s.x > 0)) return null;
  const fitted = params ?? fitBgNbd(summaries).params;
  const holdoutWeeks = holdoutDays / 7;
  const comparison = holdoutComparison(fitted, summaries, holdoutWeeks);
  const counts = await cohortDayCounts(db, { programId: program.id, timeZone: program.timeZone, start: window.start, cohortEnd: window.calibrationEnd, end: window.end });
  // The tracking function takes customers; rebuild them from the day counts (one customer per start, repeats hung on the first).
  const cohort: CohortCustomer[] = [];
  for (const s of counts.starts) for (let i = 0; i < s.count; i++) cohort.push({ firstWeek: s.offset / 7, repeatWeeks: [] });
  cohort.push({ firstWeek: Number.POSITIVE_INFINITY, repeatWeeks: counts.repeats.flatMap((r) => Array.from({ length: r.count }, () => r.offset / 7)) });
  const weeks = Math.ceil((daysBetween(window.start, window.end) + 1) / 7);
  const tracking = cumulativeRepeatTracking(fitted, cohort, weeks);
  return {
    calibrationStart: window.start,
    calibrationEnd: window.calibrationEnd,
    holdoutEnd: window.end,
    calibrationWeeks: calibrationDays / 7,
    holdoutWeeks,
    params: fitted,
    customers: comparison.customers,
    actualTotal: comparison.actualTotal,
    predictedTotal: comparison.predictedTotal,
    relativeError: comparison.relativeError,
    buckets: comparison.buckets,
    tracking,
  };
}

/**
 * Fits the models on the program's purchases up to `asOf` (inclusive) and
 * predicts every member who has bought; stores nothing. The holdout check
 * compares against the purchases after `asOf` when there are enough of them;
 * otherwise (as-of today) it splits the history up to `asOf` in two halves of
 * whole weeks — for CDNOW that is exactly the papers' weeks 1–39 and 40–78.
 */
export async function computePredictions(db: Executor, program: ProgramRow, asOf: string): Promise<PredictionRun> {
  const started = performance.now();
  const scope = { programId: program.id, timeZone: program.timeZone };
  const rows = await memberOccasionSummaries(db, { ...scope, calibrationEnd: asOf });
  if (rows.length === 0) throw new UnprocessableError("no_purchases", `Program ${program.slug} has no member purchases up to ${asOf}.`, { asOf });
  const summaries = rows.map((r) => toCustomerSummary(r, asOf));
  const models = fitModels(summaries);
  const params = models.bgNbd.params;
  const digits = currencyDigits(program.currency);

  const after = await purchaseDayRange(db, { ...scope });
  let holdout: HoldoutSummary | null = null;
  if (after.first && after.last && after.last > asOf) {
    holdout = await holdoutCheck(db, program, { start: after.first, calibrationEnd: asOf, end: after.last }, params);
  } else {
    const range = await purchaseDayRange(db, { ...scope, upTo: asOf });
    if (range.first) {
      const end = asOf;
      const weeks = Math.floor((daysBetween(range.first, end) + 1) / 7);
      const calibrationWeeks = Math.floor(weeks / 2);
      if (calibrationWeeks > 0) holdout = await holdoutCheck(db, program, { start: range.first, calibrationEnd: addDays(range.first, calibrationWeeks * 7 - 1), end: addDays(range.first, weeks * 7 - 1) });
    }
  }

  const categories = new Map<string, Purchase[]>();
  for (const c of await memberCategoryDays(db, { ...scope, upTo: asOf })) {
    const list = categories.get(c.memberId) ?? [];
    list.push({ date: c.day, amount: c.amount, category: c.category });
    categories.set(c.memberId, list);
  }

  const rfm = new Map(rfmScores(rows.map((r) => ({ id: r.memberId, recencyDays: daysBetween(r.lastDay, asOf), frequency: r.occasions, monetary: r.total }))).map((s) => [s.id, s]));
  // Members with the same (x, t_x, T) share the expensive series: evaluate once.
  const cache = new Map<string, { pAlive: number; purchases: number; discounted: number }>();
  const fittedAt = new Date();
  const members: NewMemberPrediction[] = rows.map((row, i) => {
    const summary = summaries[i]!;
    const key = `${summary.x}|${summary.tx}|${summary.T}`;
    let shared = cache.get(key);
    if (!shared) {
      shared = {
        pAlive: probabilityAlive(params, summary),
        purchases: expectedPurchases(params, summary, PREDICTION_SETTINGS.purchaseHorizonWeeks),
        discounted: customerLifetimeValue({ params, history: summary, expectedSpend: 1, margin: PREDICTION_SETTINGS.margin, horizonWeeks: PREDICTION_SETTINGS.clvHorizonWeeks, annualDiscountRate: PREDICTION_SETTINGS.annualDiscountRate }).value,
      };
      cache.set(key, shared);
    }
    const spend = models.gammaGamma ? expectedAverageSpend(models.gammaGamma.params, { x: summary.x, meanSpend: summary.meanRepeatSpend }) : null;
    const score = rfm.get(row.memberId)!;
    const purchases = categories.get(row.memberId) ?? [];
    const replenishment = purchases.length ? predictReplenishments(purchases)[0] : undefined;
    return {
      programId: program.id,
      memberId: row.memberId,
      asOf,
      frequency: summary.x,
      pAlive: shared.pAlive,
      expectedPurchases90d: shared.purchases,
      expectedSpendMinor: spend,
      clv12mMinor: spend === null ? null : spend * shared.discounted,
      rfmR: score.r,
      rfmF: score.f,
      rfmM: score.m,
      rfmSegment: score.segment,
      favouriteCategory: purchases.length ? (favouriteCategory(purchases)?.category ?? null) : null,
      replenishmentCategory: replenishment?.category ?? null,
      replenishmentDate: replenishment?.nextDate ?? null,
      fittedAt,
    };
  });

  // Each member keeps their bin of the distribution this fit shows, for the dashboard's counts per tier and segment.
  const clvWidth = clvBinWidth(members.flatMap((m) => (m.clv12mMinor == null ? [] : [m.clv12mMinor])));
  if (clvWidth !== null) for (const m of members) m.clvBin = m.clv12mMinor == null ? null : clvBinOf(m.clv12mMinor, clvWidth);

  const gg = models.gammaGamma;
  return {
    program,
    asOf,
    customers: rows.length,
    bgnbd: { ...params, logLikelihood: models.bgNbd.logLikelihood, converged: models.bgNbd.converged },
    gammaGamma: gg ? { p: gg.params.p, q: gg.params.q, gamma: gg.params.gamma / 10 ** digits, gammaMinor: gg.params.gamma, logLikelihood: gg.logLikelihood, customers: gg.customers } : null,
    holdout,
    distributions: distributionsOf(members, clvWidth),
    members,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The console's charts, computed once per fit. */
export function distributionsOf(members: readonly NewMemberPrediction[], clvWidth: number | null): PredictionDistributions {
  const segments = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, 0])) as Record<RfmSegment, number>;
  const pAlive = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0 }));
  for (const m of members) {
    segments[m.rfmSegment as RfmSegment] += 1;
    pAlive[Math.min(9, Math.floor(m.pAlive * 10))]!.count += 1;
  }
  const clvs = members.flatMap((m) => (m.clv12mMinor === null || m.clv12mMinor === undefined ? [] : [m.clv12mMinor]));
  // The members' own bins (set with clvWidth by computePredictions): the chart and the dashboard's counts agree by construction.
  const clv: PredictionDistributions["clv"] = clvWidth === null ? [] : Array.from({ length: CLV_BINS }, (_, i) => ({ ...clvBinBounds(i, clvWidth), count: 0 }));
  if (clvWidth !== null) for (const m of members) if (m.clvBin != null) clv[m.clvBin]!.count += 1;
  const n = members.length || 1;
  return {
    segments,
    pAlive,
    clv,
    meanClvMinor: clvs.length ? clvs.reduce((s, v) => s + v, 0) / clvs.length : null,
    meanPAlive: members.reduce((s, m) => s + m.pAlive, 0) / n,
    expectedPurchases90d: members.reduce((s, m) => s + m.expectedPurchases90d, 0),
  };
}

export type RefreshResult = { members: number; fitId: string | null; asOf: string; durationMs: number };

/** Fits, predicts and stores: the member rows are replaced and a fit row added, in one transaction. */
export async function storePredictions(db: Executor, run: PredictionRun): Promise<PredictionFitRow> {
  return db.transaction(async (tx) => {
    await replaceMemberPredictions(tx, run.program.id, run.members);
    return insertPredictionFit(tx, {
      programId: run.program.id,
      asOf: run.asOf,
      customers: run.customers,
      bgNbd: run.bgnbd,
      gammaGamma: run.gammaGamma,
      holdout: run.holdout,
      distributions: run.distributions,
      durationMs: run.durationMs,
      fittedAt: run.members[0]?.fittedAt ?? new Date(),
    });
  });
}

/** The daily job: refresh one program as of its today; a program without purchases is skipped. */
export async function refreshProgramPredictions(db: Executor, p: { programId: string; now: Date; asOf?: string }): Promise<RefreshResult> {
  const program = await getProgramById(db, p.programId);
  const asOf = p.asOf ?? (program ? programToday(program, p.now) : "");
  if (!program) return { members: 0, fitId: null, asOf, durationMs: 0 };
  try {
    const run = await computePredictions(db, program, asOf);
    const fit = await storePredictions(db, run);
    // Every member's prediction was rewritten: recount them in the dashboard's totals here, not in a user's first dashboard.
    await refreshKpiRollups(db, { programId: program.id });
    return { members: run.members.length, fitId: fit.id, asOf, durationMs: run.durationMs };
  } catch (error) {
    if (error instanceof UnprocessableError && error.code === "no_purchases") return { members: 0, fitId: null, asOf, durationMs: 0 };
    throw error;
  }
}

/** "Recalcular" in the console (analytics:read — predictions are derived data the daily job rewrites anyway; audited). */
export async function refreshPredictions(db: Executor, actor: Actor, input: { programId: string; asOf?: string }, now = new Date()): Promise<RefreshResult> {
  const program = await authorizeProgram(db, actor, "analytics:read", input?.programId);
  const { asOf } = parseInput(refreshPredictionsSchema, input);
  const result = await refreshProgramPredictions(db, { programId: program.id, now, asOf });
  await recordAudit(db, actor, { program, action: "predictions.refresh", targetType: "program", targetId: program.id, after: result });
  return result;
}

/** The CLI's `predict`: a program by slug and a date, validated, fitted, not stored unless asked. */
export async function predictForCli(db: Executor, input: { programSlug: string; asOf: string; save?: boolean }): Promise<PredictionRun> {
  const asOf = parseInput(calendarDaySchema, input.asOf);
  const program = await getProgramBySlug(db, input.programSlug);
  if (!program) throw new NotFoundError("program", input.programSlug);
  const run = await computePredictions(db, program, asOf);
  if (input.save) await storePredictions(db, run);
  return run;
}

/** The CLI's JSON: parameters, counts, holdout totals (the tracking points stay in the console). */
export function predictionReport(run: PredictionRun) {
  const clvs = run.members.flatMap((m) => (m.clv12mMinor == null ? [] : [m.clv12mMinor]));
  const digits = currencyDigits(run.program.currency);
  return {
    program: run.program.slug,
    asOf: run.asOf,
    customers: run.customers,
    bgnbd: { r: run.bgnbd.r, alpha: run.bgnbd.alpha, a: run.bgnbd.a, b: run.bgnbd.b, logLikelihood: run.bgnbd.logLikelihood },
    gammaGamma: run.gammaGamma ? { p: run.gammaGamma.p, q: run.gammaGamma.q, gamma: run.gammaGamma.gamma, customers: run.gammaGamma.customers } : null,
    rfmSegments: run.distributions.segments,
    meanProbabilityAlive: run.distributions.meanPAlive,
    expectedPurchases90d: run.distributions.expectedPurchases90d,
    meanClv12m: clvs.length ? clvs.reduce((s, v) => s + v, 0) / clvs.length / 10 ** digits : null,
    currency: run.program.currency,
    holdout: run.holdout
      ? {
          calibrationEnd: run.holdout.calibrationEnd,
          holdoutEnd: run.holdout.holdoutEnd,
          holdoutWeeks: run.holdout.holdoutWeeks,
          customers: run.holdout.customers,
          actual: run.holdout.actualTotal,
          predicted: run.holdout.predictedTotal,
          relativeError: run.holdout.relativeError,
          buckets: run.holdout.buckets.map((b) => ({ frequency: b.label, customers: b.customers, actual: b.actualMean, predicted: b.predictedMean })),
        }
      : null,
    durationMs: run.durationMs,
  };
}
