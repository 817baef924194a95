import "server-only";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { Executor } from "@/db/types";
import { readEnv } from "@/lib/env";
import { seedOnFirstStart } from "@/lib/services/demo/seed-on-first-start";

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
  const env = readEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, holder: "the Lazo server" });
  await migrateDatabase(database);
  await seedOnFirstStart(database, env, (line) => console.log(line));
  return database;
}
