import { and, eq, inArray, sql } from "drizzle-orm";
import { memberRuleUsage, ruleBudgetUsage } from "../schema";
import type { Executor } from "../types";

/** Points each rule already gave this member on `day` and in `month` (YYYY-MM). */
export async function getMemberRuleUsage(tx: Executor, p: { programId: string; memberId: string; day: string; month: string }) {
  const rows = await tx
    .select({ ruleId: memberRuleUsage.ruleId, day: memberRuleUsage.day, points: memberRuleUsage.points })
    .from(memberRuleUsage)
    .where(and(eq(memberRuleUsage.programId, p.programId), eq(memberRuleUsage.memberId, p.memberId), sql`${memberRuleUsage.day} >= ${`${p.month}-01`}::date and ${memberRuleUsage.day} < ${`${p.month}-01`}::date + interval '1 month'`));
  const memberDay: Record<string, number> = {};
  const memberMonth: Record<string, number> = {};
  for (const r of rows) {
    memberMonth[r.ruleId] = (memberMonth[r.ruleId] ?? 0) + r.points;
    if (r.day === p.day) memberDay[r.ruleId] = (memberDay[r.ruleId] ?? 0) + r.points;
  }
  return { memberDay, memberMonth };
}

/**
 * Program-wide points issued by budgeted rules, with their rows locked until
 * the purchase commits: two purchases cannot both spend the last of a budget.
 */
export async function lockBudgetUsage(tx: Executor, p: { programId: string; ruleIds: string[] }): Promise<Record<string, number>> {
  if (!p.ruleIds.length) return {};
  await tx.insert(ruleBudgetUsage).values(p.ruleIds.map((ruleId) => ({ programId: p.programId, ruleId }))).onConflictDoNothing();
  const rows = await tx
    .select()
    .from(ruleBudgetUsage)
    .where(and(eq(ruleBudgetUsage.programId, p.programId), inArray(ruleBudgetUsage.ruleId, [...p.ruleIds].sort())))
    .orderBy(ruleBudgetUsage.ruleId)
    .for("update");
  return Object.fromEntries(rows.map((r) => [r.ruleId, r.pointsIssued]));
}

export async function addRuleUsage(tx: Executor, p: { programId: string; memberId: string; day: string; points: Record<string, number> }): Promise<void> {
  const entries = Object.entries(p.points).filter(([, n]) => n > 0);
  if (!entries.length) return;
  await tx
    .insert(memberRuleUsage)
    .values(entries.map(([ruleId, points]) => ({ programId: p.programId, memberId: p.memberId, ruleId, day: p.day, points })))
    .onConflictDoUpdate({ target: [memberRuleUsage.programId, memberRuleUsage.memberId, memberRuleUsage.ruleId, memberRuleUsage.day], set: { points: sql`${memberRuleUsage.points} + excluded.points` } });
  await tx
    .insert(ruleBudgetUsage)
    .values(entries.map(([ruleId, points]) => ({ programId: p.programId, ruleId, pointsIssued: points })))
    .onConflictDoUpdate({ target: [ruleBudgetUsage.programId, ruleBudgetUsage.ruleId], set: { pointsIssued: sql`${ruleBudgetUsage.pointsIssued} + excluded.points_issued` } });
}
