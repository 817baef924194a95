import { eq, lt } from "drizzle-orm";
import { endedSessions } from "../schema";
import type { Executor } from "../types";

export async function insertEndedSession(db: Executor, p: { sid: string; expiresAt: Date }): Promise<void> {
  await db.insert(endedSessions).values(p).onConflictDoNothing();
}

export async function isSessionEnded(db: Executor, sid: string): Promise<boolean> {
  const [row] = await db.select({ sid: endedSessions.sid }).from(endedSessions).where(eq(endedSessions.sid, sid)).limit(1);
  return Boolean(row);
}

export async function deleteEndedSessionsBefore(db: Executor, before: Date): Promise<number> {
  const rows = await db.delete(endedSessions).where(lt(endedSessions.expiresAt, before)).returning({ sid: endedSessions.sid });
  return rows.length;
}
