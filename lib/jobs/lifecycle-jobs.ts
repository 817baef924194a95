import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import type { Executor } from "@/db/types";
import { deleteExpiredIdempotencyKeysNow } from "@/lib/services/maintenance/delete-expired-keys";
import { expireDuePoints, releaseDuePoints } from "@/lib/services/ledger/process-due-lots";
import { listAllProgramIdsForJobs } from "@/lib/services/programs/list-programs";
import { createQueue } from "./queue";

type Job = { name: string; cron: string; run: (db: Executor, now: Date) => Promise<Record<string, number>> };

async function eachProgram(db: Executor, work: (programId: string) => Promise<{ accounts: number; lots: number; points: number }>) {
  const total = { programs: 0, accounts: 0, lots: 0, points: 0 };
  for (const programId of await listAllProgramIdsForJobs(db)) {
    const done = await work(programId);
    total.programs += 1;
    total.accounts += done.accounts;
    total.lots += done.lots;
    total.points += done.points;
  }
  return total;
}

/**
 * The time-based work of the ledger. Each job is safe to run twice or twice at
 * once (it re-reads under row locks), so a missed or repeated schedule is harmless.
 */
export const LIFECYCLE_JOBS: Job[] = [
  { name: "points-release", cron: "*/10 * * * *", run: (db, now) => eachProgram(db, (programId) => releaseDuePoints(db, { programId, now })) },
  { name: "points-expire", cron: "*/10 * * * *", run: (db, now) => eachProgram(db, (programId) => expireDuePoints(db, { programId, now })) },
  { name: "idempotency-cleanup", cron: "17 * * * *", run: async (db, now) => ({ deleted: await deleteExpiredIdempotencyKeysNow(db, now) }) },
];

export function findJob(name: string): Job | undefined {
  return LIFECYCLE_JOBS.find((j) => j.name === name);
}

/** Starts the queue with every job scheduled and a worker for each; returns the stop function. */
export async function startJobWorker(database: Database, log: (line: string) => void = () => {}): Promise<{ boss: PgBoss; stop: () => Promise<void> }> {
  const boss = createQueue(database);
  boss.on("error", (error) => log(`Lazo jobs: ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  for (const job of LIFECYCLE_JOBS) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    await boss.work(job.name, async () => {
      const result = await job.run(database.db, new Date());
      if (Object.values(result).some((n) => n > 0)) log(`Lazo jobs: ${job.name} ${JSON.stringify(result)}`);
      return result;
    });
  }
  return { boss, stop: () => boss.stop({ graceful: true, wait: true }) };
}
