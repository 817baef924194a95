import { getLivePlanVersion, getPlanVersion } from "@/db/queries/plans";
import { insertPlanSimulation, updatePlanSimulation } from "@/db/queries/simulation";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { localTime } from "@/lib/domain/rules/local-time";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { planProgram } from "@/lib/services/plans/plan-access";
import { parseInput } from "@/lib/validation/common";
import { SIMULATION_MESSAGES, startSimulationSchema, type StartSimulationInput } from "@/lib/validation/simulation";

/** Puts a simulation on the job queue; the caller's queue (pg-boss) or a test's stand-in. */
export type EnqueueSimulation = (job: { programId: string; simulationId: string }) => Promise<void>;

/**
 * Starts a "what if" run (plans:write, like editing the plan): copies the
 * chosen version and the live plan into a queued run, audits it, and hands it
 * to the job queue. The run row is committed before the job is sent, so the
 * worker always finds it; a queue that refuses the job fails the run instead
 * of leaving it queued for ever.
 */
export async function startPlanSimulation(db: Executor, actor: Actor, input: StartSimulationInput, enqueue: EnqueueSimulation, now = new Date()): Promise<{ id: string }> {
  const program = await planProgram(db, actor, input.programId, "plans:write");
  const data = parseInput(startSimulationSchema, input);
  if (data.to > localTime(now, program.timeZone).date) throw new ValidationError({ to: [SIMULATION_MESSAGES.future] });
  const candidate = await getPlanVersion(db, { programId: program.id, versionId: data.versionId });
  if (!candidate) throw new NotFoundError("plan version", data.versionId);
  const live = await getLivePlanVersion(db, { programId: program.id, at: now });
  if (live?.id === candidate.id) throw new ValidationError({ versionId: [SIMULATION_MESSAGES.live] });

  const run = await db.transaction(async (tx) => {
    const row = await insertPlanSimulation(tx, {
      programId: program.id,
      candidateVersionId: candidate.id,
      candidateVersion: candidate.version,
      candidateName: candidate.name,
      candidateDefinition: candidate.definition,
      baselineVersionId: live?.id ?? null,
      baselineVersion: live?.version ?? null,
      baselineName: live?.name ?? null,
      // A program that never published compares with the defaults every new program starts from.
      baselineDefinition: live?.definition ?? defaultPlan(),
      fromDate: data.from,
      toDate: data.to,
      createdBy: actor.kind === "user" ? actor.userId : null,
      createdAt: now,
    });
    const audited = { candidateVersion: candidate.version, baselineVersion: live?.version ?? null, from: data.from, to: data.to };
    await recordAudit(tx, actor, { program, action: "plan.simulation_start", targetType: "plan_simulation", targetId: row.id, after: audited });
    return row;
  });
  try {
    await enqueue({ programId: program.id, simulationId: run.id });
  } catch (error) {
    await updatePlanSimulation(db, { programId: program.id, id: run.id }, { status: "failed", error: `The job queue refused the run: ${error instanceof Error ? error.message : String(error)}`, finishedAt: new Date() });
    throw error;
  }
  return { id: run.id };
}
