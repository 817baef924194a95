import "server-only";
import type { Database } from "@/db/client";
import type { Executor } from "@/db/types";
import { readEnv } from "@/lib/env";
import { openLazoDatabase } from "./open-database";
import { seedOnFirstStart } from "@/lib/services/demo/seed-on-first-start";
import type PgBoss from "pg-boss";
import { startJobWorker } from "@/lib/jobs/lifecycle-jobs";
import { createQueue } from "@/lib/jobs/queue";

/**
 * The server's one database handle, kept on globalThis so hot reloads in
 * development reuse it (a second PGlite on the same folder would be refused).
 */
const holder = globalThis as unknown as { __lazoDatabase?: Promise<Database>; __lazoQueue?: Promise<PgBoss> };

export function getAppDatabase(): Promise<Database> {
  holder.__lazoDatabase ??= boot().catch((error: unknown) => {
    holder.__lazoDatabase = undefined;
    throw error;
  });
  return holder.__lazoDatabase;
}

export async function getAppDb(): Promise<Executor> {
  return (await getAppDatabase()).db;
}

async function boot(): Promise<Database> {
  const database = await openLazoDatabase("the Lazo server");
  const env = readEnv();
  await seedOnFirstStart(database, env, (line) => console.log(line));
  // Every instance may run the workers (pg-boss hands each job to one of them); LAZO_JOBS=off opts out.
  if (env.LAZO_JOBS === "on") {
    const worker = await startJobWorker(database, (line) => console.log(line));
    holder.__lazoQueue = Promise.resolve(worker.boss);
  }
  return database;
}

/**
 * The job queue for sending work from a request (a plan simulation): the
 * worker's own pg-boss when this instance runs jobs, otherwise a send-only
 * one (no polling, no schedules) started on first use.
 */
export async function getJobQueue(): Promise<PgBoss> {
  const database = await getAppDatabase();
  holder.__lazoQueue ??= (async () => {
    const boss = createQueue(database, { supervise: false, schedule: false });
    await boss.start();
    return boss;
  })();
  return holder.__lazoQueue;
}
