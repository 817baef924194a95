import { lt, sql } from "drizzle-orm";
import { apiRateWindows } from "../schema";
import type { Executor } from "../types";

/** Counts one request in the key's window and returns the window's count so far (one statement, race-free). */
export async function hitApiRateWindow(db: Executor, p: { keyId: string; windowStart: Date }): Promise<number> {
  const [row] = await db
    .insert(apiRateWindows)
    .values({ keyId: p.keyId, windowStart: p.windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [apiRateWindows.keyId, apiRateWindows.windowStart], set: { hits: sql`${apiRateWindows.hits} + 1` } })
    .returning({ hits: apiRateWindows.hits });
  return row!.hits;
}

export async function deleteApiRateWindowsBefore(db: Executor, before: Date): Promise<number> {
  const rows = await db.delete(apiRateWindows).where(lt(apiRateWindows.windowStart, before)).returning({ keyId: apiRateWindows.keyId });
  return rows.length;
}
