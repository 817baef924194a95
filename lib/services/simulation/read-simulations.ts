import { getActivityBounds } from "@/db/queries/kpi-dashboard";
import { getDraftPlanVersion, getLivePlanVersion, listPublishedPlanVersions } from "@/db/queries/plans";
import { getPlanSimulation, listPlanSimulations, type PlanSimulationRow } from "@/db/queries/simulation";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import { localTime } from "@/lib/domain/rules/local-time";
import { simulationProgress } from "@/lib/domain/simulation/simulate";
import type { SimulationResults } from "@/lib/domain/simulation/types";
import { NotFoundError } from "@/lib/errors";
import { planProgram } from "@/lib/services/plans/plan-access";
import { parseInput } from "@/lib/validation/common";
import { simulationRefSchema, type SimulationRefInput } from "@/lib/validation/simulation";

export type SimulationStatus = PlanSimulationRow["status"];

export type SimulationListItem = {
  id: string;
  status: SimulationStatus;
  percent: number;
  candidate: { version: number; name: string };
  baseline: { version: number; name: string } | null;
  from: string;
  to: string;
  createdAt: string;
  finishedAt: string | null;
};

export type SimulationsPage = {
  program: { currency: string; timeZone: string; pointValueMilli: number | null };
  /** plans:write: may start runs (others read the results). */
  canStart: boolean;
  /** Versions that may be simulated: the draft first, then earlier published ones (not the live one). */
  candidates: { id: string; version: number; name: string; status: "draft" | "published" | "retired" }[];
  live: { version: number; name: string } | null;
  defaultWindow: { from: string; to: string };
  today: string;
  runs: SimulationListItem[];
};

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function listItem(row: Pick<PlanSimulationRow, "id" | "status" | "candidateVersion" | "candidateName" | "baselineVersion" | "baselineName" | "fromDate" | "toDate" | "total" | "processed" | "createdAt" | "finishedAt">): SimulationListItem {
  return {
    id: row.id,
    status: row.status,
    percent: simulationProgress(row),
    candidate: { version: row.candidateVersion, name: row.candidateName },
    baseline: row.baselineVersion === null ? null : { version: row.baselineVersion, name: row.baselineName ?? "" },
    from: row.fromDate,
    to: row.toDate,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The simulations page (plans:read): past runs and what the start form offers. */
export async function getSimulationsPage(db: Executor, actor: Actor, input: { programId: string }, now = new Date()): Promise<SimulationsPage> {
  const program = await planProgram(db, actor, input.programId, "plans:read");
  const [draft, live, published, runs, bounds] = await Promise.all([
    getDraftPlanVersion(db, { programId: program.id }),
    getLivePlanVersion(db, { programId: program.id, at: now }),
    listPublishedPlanVersions(db, { programId: program.id, limit: 50 }),
    listPlanSimulations(db, { programId: program.id, limit: 50 }),
    getActivityBounds(db, program.id),
  ]);
  const today = localTime(now, program.timeZone).date;
  // A year up to the last day with activity: imported histories (CDNOW ends in 1998) get a window with purchases in it.
  const to = bounds?.last && bounds.last < today ? bounds.last : today;
  const candidates = [...(draft ? [draft] : []), ...published.filter((v) => v.id !== live?.id)];
  return {
    program: { currency: program.currency, timeZone: program.timeZone, pointValueMilli: program.settings.pointValueMilli ?? null },
    canStart: can(actor, "plans:write", program),
    candidates: candidates.map((v) => ({ id: v.id, version: v.version, name: v.name, status: v.status })),
    live: live ? { version: live.version, name: live.name } : null,
    defaultWindow: { from: addDays(to, -364), to },
    today,
    runs: runs.map(listItem),
  };
}

export type SimulationView = SimulationListItem & {
  processed: number;
  total: number | null;
  error: string | null;
  results: SimulationResults | null;
  program: { currency: string; timeZone: string; slug: string };
};

async function loadRun(db: Executor, actor: Actor, input: SimulationRefInput) {
  const program = await planProgram(db, actor, input.programId, "plans:read");
  const data = parseInput(simulationRefSchema, input);
  const row = await getPlanSimulation(db, { programId: program.id, id: data.simulationId });
  if (!row) throw new NotFoundError("simulation", data.simulationId);
  return { program, row };
}

/** One run with its results (plans:read); another program's run is "not found". */
export async function getPlanSimulationView(db: Executor, actor: Actor, input: SimulationRefInput): Promise<SimulationView> {
  const { program, row } = await loadRun(db, actor, input);
  return {
    ...listItem(row),
    processed: row.processed,
    total: row.total,
    error: row.error,
    results: (row.results as SimulationResults | null) ?? null,
    program: { currency: program.currency, timeZone: program.timeZone, slug: program.slug },
  };
}

export type SimulationProgress = { status: SimulationStatus; percent: number; processed: number; total: number | null };

/** What the progress bar polls: small, no results. */
export async function getPlanSimulationProgress(db: Executor, actor: Actor, input: SimulationRefInput): Promise<SimulationProgress> {
  const { row } = await loadRun(db, actor, input);
  return { status: row.status, percent: simulationProgress(row), processed: row.processed, total: row.total };
}
