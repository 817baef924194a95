import { deleteEndedSessionsBefore, insertEndedSession, isSessionEnded } from "@/db/queries/ended-sessions";
import type { Executor } from "@/db/types";

/** Marks one session (this browser's) as over until it would have expired: see `ended_sessions`. */
export async function endSessionById(db: Executor, p: { sid: string; expiresAt: Date }): Promise<void> {
  await insertEndedSession(db, p);
}

export async function hasSessionEnded(db: Executor, sid: string): Promise<boolean> {
  return isSessionEnded(db, sid);
}

/** Rows past their session's expiry can go: the JWT itself is refused by then. */
export async function forgetExpiredEndedSessions(db: Executor, now: Date): Promise<number> {
  return deleteEndedSessionsBefore(db, now);
}
