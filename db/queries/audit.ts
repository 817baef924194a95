import { and, desc, eq, gte, lt, lte, sql } from "drizzle-orm";
import { auditLog } from "../schema";
import type { Executor } from "../types";

export type AuditRow = typeof auditLog.$inferSelect;

export async function insertAuditEntry(db: Executor, values: typeof auditLog.$inferInsert): Promise<void> {
  await db.insert(auditLog).values(values);
}

export async function listAuditEntries(
  db: Executor,
  p: { programId: string; action?: string; actorId?: string; from?: Date; to?: Date; before?: number; limit: number },
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.programId, p.programId),
        p.action ? sql`${auditLog.action} like ${`${p.action}%`}` : undefined,
        p.actorId ? eq(auditLog.actorId, p.actorId) : undefined,
        p.from ? gte(auditLog.createdAt, p.from) : undefined,
        p.to ? lte(auditLog.createdAt, p.to) : undefined,
        p.before ? lt(auditLog.id, p.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(p.limit);
}
