import { isLazoError } from "@/lib/errors";
import { DataDirBusyError, openLazoDatabase, type Database } from "@/lib/server/open-database";

/**
 * Every CLI command: open the same database the app uses, apply migrations,
 * run, close. Errors become one clear line on stderr and a non-zero exit code.
 */
export async function runWithDatabase(run: (database: Database) => Promise<number | void>): Promise<void> {
  let database: Database | undefined;
  try {
    database = await openLazoDatabase("the Lazo CLI");
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
