import type PgBoss from "pg-boss";
import type { Executor } from "@/db/types";
import { runPlanSimulation } from "@/lib/services/simulation/run-simulation";

export const SIMULATION_QUEUE = "plan-simulation";

type SimulationJob = { programId: string; simulationId: string };

/** Queues one simulation run. One job per run (singleton key); a worker that dies mid-run hands it to a retry, which starts over. */
export async function enqueueSimulation(boss: PgBoss, job: SimulationJob): Promise<void> {
  await boss.createQueue(SIMULATION_QUEUE);
  await boss.send(SIMULATION_QUEUE, job, { singletonKey: job.simulationId, retryLimit: 1, expireInSeconds: 3_600 });
}

/** The worker side: polls every second, so the console's progress bar starts moving at once. */
export async function workSimulations(boss: PgBoss, db: Executor, log: (line: string) => void): Promise<void> {
  await boss.createQueue(SIMULATION_QUEUE);
  await boss.work<SimulationJob>(SIMULATION_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const done = await runPlanSimulation(db, job.data);
    log(`Lazo jobs: ${SIMULATION_QUEUE} ${job.data.simulationId} ${JSON.stringify(done)}`);
    return done;
  });
}
