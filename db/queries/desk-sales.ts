import { and, eq, inArray } from "drizzle-orm";
import { ruleBudgetUsage, stores } from "../schema";
import type { Executor } from "../types";

/**
 * Program-wide points issued so far by budgeted rules, read without locking:
 * the desk's preview only shows what a purchase would earn; recording it
 * locks the budget rows again (lockBudgetUsage) and decides for real.
 */
export async function readBudgetUsage(db: Executor, p: { programId: string; ruleIds: string[] }): Promise<Record<string, number>> {
  if (!p.ruleIds.length) return {};
  const rows = await db
    .select({ ruleId: ruleBudgetUsage.ruleId, pointsIssued: ruleBudgetUsage.pointsIssued })
    .from(ruleBudgetUsage)
    .where(and(eq(ruleBudgetUsage.programId, p.programId), inArray(ruleBudgetUsage.ruleId, p.ruleIds)));
  return Object.fromEntries(rows.map((r) => [r.ruleId, r.pointsIssued]));
}

/** A store of the program (name and code for receipts), or undefined for another program's id. */
export async function getProgramStore(db: Executor, p: { programId: string; storeId: string }): Promise<{ id: string; code: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: stores.id, code: stores.code, name: stores.name })
    .from(stores)
    .where(and(eq(stores.programId, p.programId), eq(stores.id, p.storeId)));
  return row;
}
