import { and, eq, gte, lt, sql } from "drizzle-orm";
import { rateLimitHits } from "../schema";
import type { Executor } from "../types";

export async function countHits(db: Executor, p: { bucket: string; since: Date }): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${rateLimitHits.at})` })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, p.bucket), gte(rateLimitHits.at, p.since)));
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function insertHit(db: Executor, p: { bucket: string; at: Date }): Promise<void> {
  await db.insert(rateLimitHits).values(p);
}

export async function clearHits(db: Executor, bucket: string): Promise<void> {
  await db.delete(rateLimitHits).where(eq(rateLimitHits.bucket, bucket));
}

export async function deleteHitsBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.at, before));
}
