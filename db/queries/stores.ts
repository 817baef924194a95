import { and, eq } from "drizzle-orm";
import { stores } from "../schema";
import type { Executor } from "../types";

export async function insertStores(db: Executor, rows: (typeof stores.$inferInsert)[]) {
  return db.insert(stores).values(rows).returning();
}

export async function listStoreIds(db: Executor, programId: string): Promise<string[]> {
  const rows = await db.select({ id: stores.id }).from(stores).where(eq(stores.programId, programId));
  return rows.map((r) => r.id);
}

export async function findStoreByCode(db: Executor, p: { programId: string; code: string }) {
  const [row] = await db.select().from(stores).where(and(eq(stores.programId, p.programId), eq(stores.code, p.code)));
  return row;
}
