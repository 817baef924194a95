import "server-only";
import type { Database } from "@/db/client";
import type { Executor } from "@/db/types";
import { readEnv } from "@/lib/env";
import { openLazoDatabase } from "./open-database";
import { seedOnFirstStart } from "@/lib/services/demo/seed-on-first-start";
import { startJobWorker } from "@/lib/jobs/lifecycle-jobs";

/**
 * The server's one database handle, kept on globalThis so hot reloads in
 * development reuse it (a second PGlite on the same folder would be refused).
 */
const holder = globalThis as unknown as { __lazoDatabase?: Promise<Database> };

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
  if (env.LAZO_JOBS === "on") await startJobWorker(database, (line) => console.log(line));
  return database;
}
