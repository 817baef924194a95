import path from "node:path";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./client";

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "db/migrations");

/** Arbitrary constant: serialises migrations when several app instances start at once. */
const MIGRATION_LOCK_ID = 727_212_001;

/** Applies every committed migration not yet applied. Safe to call on every start. */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.kind === "pglite" || !database.postgresClient) {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  // The advisory lock is held by one reserved connection while the pool migrates:
  // another instance starting at the same moment waits on the lock, then finds nothing to do.
  const connection = await database.postgresClient.reserve();
  try {
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(database.db as unknown as PostgresJsDatabase, config);
  } finally {
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    connection.release();
  }
}
