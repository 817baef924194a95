import { openDatabase, type Database } from "@/db/client";
import { DataDirBusyError } from "@/db/data-dir-lock";
import { migrateDatabase } from "@/db/migrate";
import { readEnv } from "@/lib/env";
import { isLazoError } from "@/lib/errors";

/**
 * Every CLI command: open the same database the app uses, apply migrations,
 * run, close. Errors become one clear line on stderr and a non-zero exit code.
 */
export async function runWithDatabase(run: (database: Database) => Promise<number | void>): Promise<void> {
  let database: Database | undefined;
  try {
    database = await openDatabase({ url: readEnv().DATABASE_URL, holder: "the Lazo CLI" });
    await migrateDatabase(database);
    process.exitCode = (await run(database)) ?? 0;
  } catch (error) {
    process.exitCode = reportError(error);
  } finally {
    await database?.close();
  }
}

export function reportError(error: unknown): number {
  if (error instanceof DataDirBusyError) {
    console.error(`lazo: ${error.message}`);
    return 3;
  }
  if (isLazoError(error)) {
    const fields = (error.details?.fields ?? {}) as Record<string, string[]>;
    const detail = Object.entries(fields).map(([field, messages]) => `\n  ${field}: ${messages.join(" ")}`).join("");
    console.error(`lazo: ${error.message}${detail}`);
    return 2;
  }
  console.error(error);
  return 1;
}
