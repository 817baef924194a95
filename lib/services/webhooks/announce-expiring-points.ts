import { announceExpiringLots } from "@/db/queries/expiry-notices";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { NotFoundError } from "@/lib/errors";

/** How far ahead `points.expiring` looks: a member hears about points a month before they go. */
export const EXPIRING_WITHIN_DAYS = 30;

/** The daily `points.expiring` sweep of one program; running it again announces nothing twice. */
export async function announceExpiringPoints(db: Executor, options: { programId: string; now?: Date; withinDays?: number }): Promise<{ members: number; lots: number; points: number }> {
  if (!(await getProgramById(db, options.programId))) throw new NotFoundError("program", options.programId);
  const now = options.now ?? new Date();
  return db.transaction((tx) => announceExpiringLots(tx, { programId: options.programId, now, withinDays: options.withinDays ?? EXPIRING_WITHIN_DAYS }));
}
