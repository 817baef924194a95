import { desc, eq, sql } from "drizzle-orm";
import { emailOutbox } from "../schema";
import type { Executor } from "../types";

export type OutboxRow = typeof emailOutbox.$inferSelect;

export async function insertOutboxMail(db: Executor, values: typeof emailOutbox.$inferInsert): Promise<OutboxRow> {
  const [row] = await db.insert(emailOutbox).values(values).returning();
  return row!;
}

export async function listOutbox(db: Executor, p: { programId: string; limit: number }): Promise<OutboxRow[]> {
  return db.select().from(emailOutbox).where(eq(emailOutbox.programId, p.programId)).orderBy(desc(emailOutbox.createdAt)).limit(p.limit);
}

export async function latestMailTo(db: Executor, to: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(emailOutbox).where(sql`lower(${emailOutbox.to}) = lower(${to})`).orderBy(desc(emailOutbox.createdAt)).limit(1);
  return row;
}
