import { and, eq, inArray } from "drizzle-orm";
import { customEvents, eventRuleCredits } from "../schema";
import type { Executor } from "../types";

export type CustomEventRow = typeof customEvents.$inferSelect;

export async function findCustomEvent(db: Executor, p: { programId: string; eventId: string }): Promise<CustomEventRow | undefined> {
  const [row] = await db.select().from(customEvents).where(and(eq(customEvents.programId, p.programId), eq(customEvents.eventId, p.eventId)));
  return row;
}

export async function insertCustomEvent(tx: Executor, values: typeof customEvents.$inferInsert): Promise<void> {
  await tx.insert(customEvents).values(values);
}

/** The once-only credits a member already has among these rules and keys, as [ruleId, onceKey] pairs. */
export async function listEventCredits(tx: Executor, p: { programId: string; memberId: string; ruleIds: string[]; onceKeys: string[] }): Promise<[string, string][]> {
  if (!p.ruleIds.length || !p.onceKeys.length) return [];
  const rows = await tx
    .select({ ruleId: eventRuleCredits.ruleId, onceKey: eventRuleCredits.onceKey })
    .from(eventRuleCredits)
    .where(and(eq(eventRuleCredits.programId, p.programId), eq(eventRuleCredits.memberId, p.memberId), inArray(eventRuleCredits.ruleId, p.ruleIds), inArray(eventRuleCredits.onceKey, p.onceKeys)));
  return rows.map((r) => [r.ruleId, r.onceKey]);
}

export async function insertEventCredits(tx: Executor, rows: (typeof eventRuleCredits.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(eventRuleCredits).values(rows);
}
