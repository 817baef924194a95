import { stores } from "../schema";
import type { Executor } from "../types";

export async function insertStores(db: Executor, rows: (typeof stores.$inferInsert)[]) {
  return db.insert(stores).values(rows).returning();
}
