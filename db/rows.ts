import type { SQL } from "drizzle-orm";
import type { Executor } from "./types";

/** Runs raw SQL and returns its rows, whichever driver (postgres.js returns an array, PGlite `{ rows }`). */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** True when a driver error (possibly wrapped by Drizzle) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return !constraint || e.constraint_name === constraint || e.constraint === constraint;
  }
  return false;
}

/**
 * True when a driver error (possibly wrapped by Drizzle) is PostgreSQL rolling
 * the transaction back for another one's sake (class 40: a serialization
 * failure, a deadlock victim): the transaction may be run again as a whole.
 */
export function isTransactionRollback(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "40001" || e.code === "40P01") return true;
  }
  return false;
}

/** Runs a whole transaction again when PostgreSQL rolls it back for another one's sake (isTransactionRollback), up to `attempts` times. */
export async function retryRolledBack<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isTransactionRollback(error)) throw error;
    }
  }
}
