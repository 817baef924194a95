import { sql } from "drizzle-orm";
import type { Executor } from "@/db/types";

export type Health = { status: "ok"; database: "ok"; checkedAt: string };

/** What a load balancer asks every instance: can it reach the database? */
export async function checkHealth(db: Executor, now = new Date()): Promise<Health> {
  await db.execute(sql`select 1`);
  return { status: "ok", database: "ok", checkedAt: now.toISOString() };
}
