import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { readEnv } from "@/lib/env";

export type { Database };
export { DataDirBusyError } from "@/db/data-dir-lock";

/**
 * Opens the database this install is configured for (DATABASE_URL, else the
 * embedded folder) and applies every pending migration: how the app server,
 * the CLI and the job worker all start.
 */
export async function openLazoDatabase(holder: string): Promise<Database> {
  const database = await openDatabase({ url: readEnv().DATABASE_URL, holder });
  try {
    await migrateDatabase(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
