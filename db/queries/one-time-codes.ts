import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { oneTimeCodes } from "../schema";
import type { Executor } from "../types";

export type OneTimeCodeRow = typeof oneTimeCodes.$inferSelect;

export async function insertOneTimeCode(db: Executor, values: typeof oneTimeCodes.$inferInsert): Promise<void> {
  await db.insert(oneTimeCodes).values(values);
}

/** The newest unused, unexpired code for the address, locked for the attempt. */
export async function lockLatestLiveCode(tx: Executor, p: { programId: string; email: string; now: Date }): Promise<OneTimeCodeRow | undefined> {
  const [row] = await tx
    .select()
    .from(oneTimeCodes)
    .where(and(eq(oneTimeCodes.programId, p.programId), eq(oneTimeCodes.email, p.email), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, p.now)))
    .orderBy(desc(oneTimeCodes.createdAt))
    .limit(1)
    .for("update");
  return row;
}

export async function countAttempt(tx: Executor, p: { programId: string; id: string }): Promise<void> {
  await tx.update(oneTimeCodes).set({ attempts: sql`${oneTimeCodes.attempts} + 1` }).where(and(eq(oneTimeCodes.programId, p.programId), eq(oneTimeCodes.id, p.id)));
}

export async function markCodeUsed(tx: Executor, p: { programId: string; id: string; now: Date }): Promise<void> {
  await tx.update(oneTimeCodes).set({ usedAt: p.now }).where(and(eq(oneTimeCodes.programId, p.programId), eq(oneTimeCodes.id, p.id)));
}
