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

/** True when a driver error (possibly wrapped by Drizzle) is a serialization failure: the transaction may be retried as a whole. */
export function isSerializationFailure(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "40001") return true;
  }
  return false;
}
