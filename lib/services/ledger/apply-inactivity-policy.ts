import { getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { expireInactivePoints, type DueLotsResult } from "./process-due-lots";

/**
 * Runs the program's inactivity expiry when the plan live now has that policy
 * (other policies date each lot when it is earned; the points-expire job handles those).
 */
export async function applyInactivityPolicy(db: Executor, options: { programId: string; now?: Date; batchSize?: number }): Promise<DueLotsResult> {
  const now = options.now ?? new Date();
  const version = await getLivePlanVersion(db, { programId: options.programId, at: now });
  const expiry = (version?.definition as PlanDefinition | undefined)?.expiry;
  if (expiry?.kind !== "inactivity") return { accounts: 0, lots: 0, points: 0 };
  return expireInactivePoints(db, { ...options, now, months: expiry.months });
}
