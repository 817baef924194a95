import { and, desc, eq, lte } from "drizzle-orm";
import { planVersions } from "../schema";
import type { Executor } from "../types";

export type PlanVersionRow = typeof planVersions.$inferSelect;

export async function insertPlanVersion(db: Executor, values: typeof planVersions.$inferInsert): Promise<PlanVersionRow> {
  const [row] = await db.insert(planVersions).values(values).returning();
  return row!;
}

/** The published version in force at `at`: the latest effective one not after it. */
export async function getLivePlanVersion(db: Executor, p: { programId: string; at: Date }): Promise<PlanVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.programId, p.programId), eq(planVersions.status, "published"), lte(planVersions.effectiveFrom, p.at)))
    .orderBy(desc(planVersions.effectiveFrom))
    .limit(1);
  return row;
}

/** The oldest published version, for purchases older than every effective date (imports of history). */
export async function getFirstPublishedPlanVersion(db: Executor, programId: string): Promise<PlanVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.programId, programId), eq(planVersions.status, "published")))
    .orderBy(planVersions.effectiveFrom)
    .limit(1);
  return row;
}
