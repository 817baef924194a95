import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { PlanOutcome, SimulationResults } from "@/lib/domain/simulation/types";
import { ConflictError } from "@/lib/errors";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { pagedCsvStream } from "@/lib/services/exports/paged-csv-stream";
import type { SimulationRefInput } from "@/lib/validation/simulation";
import { getPlanSimulationView } from "./read-simulations";

export const SIMULATION_CSV_COLUMNS = ["section", "key", "label", "metric", "candidate", "baseline", "difference", "unit"] as const;

const METRICS: { metric: keyof PlanOutcome; unit: "points" | "minor" }[] = [
  { metric: "pointsIssued", unit: "points" },
  { metric: "expectedRedeemedPoints", unit: "points" },
  { metric: "expectedRedemptionCostMinor", unit: "minor" },
  { metric: "expiredPoints", unit: "points" },
  { metric: "outstandingPoints", unit: "points" },
  { metric: "liabilityMinor", unit: "minor" },
  { metric: "costPerMemberMinor", unit: "minor" },
];

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** The comparison as rows: one per metric, month, tier and segment figure (snake_case, money in minor units with its currency). */
export function simulationCsvRows(results: SimulationResults): unknown[][] {
  const { candidate, baseline } = results.outcomes;
  const money = `minor_${results.assumptions.currency}`;
  const rows: unknown[][] = METRICS.map(({ metric, unit }) => ["summary", metric, "", metric, candidate[metric], baseline[metric], diff(candidate[metric], baseline[metric]), unit === "minor" ? money : unit]);
  rows.push(["summary", "redemption_rate", "", "redemption_rate", results.assumptions.redemptionRate, results.assumptions.redemptionRate, 0, "ratio"]);
  rows.push(["summary", "members", "", "members", results.members, results.members, 0, "members"], ["summary", "purchases", "", "purchases", results.purchases, results.purchases, 0, "purchases"]);
  for (const m of results.months) rows.push(["month", m.month, m.month, "points_issued", m.candidate, m.baseline, m.candidate - m.baseline, "points"]);
  for (const t of results.tiers) rows.push(["tier", t.key ?? "", t.name?.en ?? "", "members_at_end", t.candidate, t.baseline, t.candidate - t.baseline, "members"]);
  for (const s of results.segments) {
    rows.push(["segment", s.segmentId, s.name, "members", s.members, s.members, 0, "members"]);
    rows.push(["segment", s.segmentId, s.name, "points_issued", s.candidate.pointsIssued, s.baseline.pointsIssued, s.candidate.pointsIssued - s.baseline.pointsIssued, "points"]);
    rows.push(["segment", s.segmentId, s.name, "expected_redemption_cost", s.candidate.expectedRedemptionCostMinor, s.baseline.expectedRedemptionCostMinor, diff(s.candidate.expectedRedemptionCostMinor, s.baseline.expectedRedemptionCostMinor), money]);
    rows.push(["segment", s.segmentId, s.name, "cost_per_member", s.candidate.costPerMemberMinor, s.baseline.costPerMemberMinor, diff(s.candidate.costPerMemberMinor, s.baseline.costPerMemberMinor), money]);
  }
  return rows;
}

/**
 * A finished run's comparison as a CSV stream (plans:read + exports:read,
 * both checked before the stream exists). A run still going is a conflict,
 * not an empty file.
 */
export async function simulationCsvStream(db: Executor, actor: Actor, input: SimulationRefInput): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  const program = await authorizeProgram(db, actor, "plans:read", input.programId);
  authorize(actor, "exports:read", program);
  const run = await getPlanSimulationView(db, actor, input);
  if (!run.results) throw new ConflictError("simulation_not_finished", "The simulation has not finished yet.");
  const results = run.results;
  const stream = pagedCsvStream<number>(SIMULATION_CSV_COLUMNS, 0, async () => ({ rows: simulationCsvRows(results), next: null }));
  return { stream, filename: `simulation-${run.program.slug}-v${run.candidate.version}-${run.from}-${run.to}.csv` };
}
