import { getProgramById } from "@/db/queries/programs";
import { loadCategoryPaths } from "@/db/queries/purchases";
import { listSegments } from "@/db/queries/segments";
import {
  countWindowPurchases,
  getPlanSimulation,
  listLinesOfPurchases,
  listSegmentIdsOfMembers,
  listTiersAt,
  listWindowPurchases,
  sumPointTotals,
  updatePlanSimulation,
  type WindowPurchase,
  type WindowPurchaseLine,
} from "@/db/queries/simulation";
import type { Executor } from "@/db/types";
import { zonedDayEnd, zonedDayStart } from "@/lib/domain/audit/zoned-day";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { BasketLine } from "@/lib/domain/rules/types";
import { finishSimulation, observedRedemptionRate, replayPurchase, startSimulation, type SimulationState } from "@/lib/domain/simulation/simulate";
import type { ReplayedPurchase } from "@/lib/domain/simulation/types";
import { refreshKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";

export const SIMULATION_BATCH = 1_000;

export type RunOptions = { batchSize?: number; now?: () => Date; /** Called after each saved page (tests watch the bar move). */ onProgress?: (processed: number, total: number) => void };

/**
 * The simulation job: replays the window's member purchases page by page
 * (keyset on occurred_at, id), saving progress after every page, then stores
 * the side-by-side results. Runs as the system (the start was authorized and
 * audited); the program id travels with the job and is in every query. A run
 * already finished is left alone; one interrupted halfway starts over (its
 * state lives in memory). A failure marks the run failed with its message.
 */
export async function runPlanSimulation(db: Executor, job: { programId: string; simulationId: string }, options: RunOptions = {}): Promise<{ status: string; processed: number }> {
  const now = options.now ?? (() => new Date());
  const run = await getPlanSimulation(db, { programId: job.programId, id: job.simulationId });
  if (!run) return { status: "missing", processed: 0 };
  if (run.status === "completed" || run.status === "failed") return { status: run.status, processed: run.processed };
  const ref = { programId: run.programId, id: run.id };
  try {
    const program = (await getProgramById(db, run.programId))!;
    const since = zonedDayStart(run.fromDate, program.timeZone);
    const until = zonedDayEnd(run.toDate, program.timeZone);
    const total = await countWindowPurchases(db, { programId: program.id, since, until });
    await updatePlanSimulation(db, ref, { status: "running", total, processed: 0, startedAt: now(), error: null });

    const state = startSimulation({ timeZone: program.timeZone, windowEnd: until, plans: { candidate: run.candidateDefinition as PlanDefinition, baseline: run.baselineDefinition as PlanDefinition } });
    const paths = await loadCategoryPaths(db, program.id);
    const batchSize = options.batchSize ?? SIMULATION_BATCH;
    let after: { occurredAt: Date; id: string } | null = null;
    let processed = 0;
    for (;;) {
      const page = await listWindowPurchases(db, { programId: program.id, since, until, after, limit: batchSize });
      if (!page.length) break;
      await replayPage(db, state, { programId: program.id, since, page, paths });
      processed += page.length;
      const last = page[page.length - 1]!;
      after = { occurredAt: last.occurredAt, id: last.id };
      await updatePlanSimulation(db, ref, { processed });
      options.onProgress?.(processed, total);
      if (page.length < batchSize) break;
    }

    await refreshKpiRollups(db, { programId: program.id });
    const [totals, segments] = await Promise.all([sumPointTotals(db, program.id), listSegments(db, { programId: program.id })]);
    const results = finishSimulation(state, {
      redemptionRate: observedRedemptionRate(totals),
      pointValueMilli: program.settings.pointValueMilli ?? null,
      currency: program.currency,
      segments: segments.map((s) => ({ id: s.id, name: s.name })),
    });
    await updatePlanSimulation(db, ref, { status: "completed", processed, total: Math.max(total, processed), results, finishedAt: now() });
    return { status: "completed", processed };
  } catch (error) {
    await updatePlanSimulation(db, ref, { status: "failed", error: error instanceof Error ? error.message : String(error), finishedAt: now() });
    return { status: "failed", processed: 0 };
  }
}

/** Loads what a page of purchases needs (lines, first-seen members' starting tiers, segments) and replays it in order. */
async function replayPage(db: Executor, state: SimulationState, p: { programId: string; since: Date; page: WindowPurchase[]; paths: Map<string, string[]> }) {
  const memberIds = [...new Set(p.page.map((r) => r.memberId))];
  const newcomers = memberIds.filter((id) => !state.memberSegments.has(id));
  const [lines, tiers, segments] = await Promise.all([
    listLinesOfPurchases(db, { programId: p.programId, purchaseIds: p.page.map((r) => r.id) }),
    listTiersAt(db, { programId: p.programId, memberIds: newcomers, at: p.since }),
    listSegmentIdsOfMembers(db, { programId: p.programId, memberIds }),
  ]);
  const byPurchase = new Map<string, WindowPurchaseLine[]>();
  for (const line of lines) byPurchase.set(line.purchaseId, [...(byPurchase.get(line.purchaseId) ?? []), line]);
  for (const purchase of p.page) {
    replayPurchase(state, toReplayed(purchase, byPurchase.get(purchase.id) ?? [], p.paths, tiers.get(purchase.memberId) ?? null, segments.get(purchase.memberId) ?? []));
  }
}

/**
 * A recorded purchase as the engine sees it: the kept quantities of its lines
 * (a refund took their points back), categories expanded to their path; a
 * purchase recorded without lines is one line of its amount net of refunds.
 */
export function toReplayed(purchase: WindowPurchase, lines: WindowPurchaseLine[], paths: Map<string, string[]>, startTier: string | null, segmentIds: string[]): ReplayedPurchase {
  const netAmountMinor = Math.max(0, purchase.amountMinor - purchase.refundedMinor);
  const basket: BasketLine[] = lines.length
    ? lines.map((l) => ({ ...(l.sku ? { sku: l.sku } : {}), categoryPath: l.category ? (paths.get(l.category) ?? [l.category]) : [], quantity: Math.max(0, l.quantity - l.refundedQuantity), unitPriceMinor: l.unitPriceMinor }))
    : [{ categoryPath: [], quantity: 1, unitPriceMinor: netAmountMinor }];
  return { memberId: purchase.memberId, occurredAt: purchase.occurredAt, channel: purchase.channel, ...(purchase.storeId ? { storeId: purchase.storeId } : {}), lines: basket, netAmountMinor, startTier, segmentIds, isFirstPurchase: !purchase.hasEarlier };
}
