import { asc, eq } from "drizzle-orm";
import { stores } from "../schema";
import type { Executor } from "../types";

export async function listStores(db: Executor, programId: string) {
  return db
    .select({ id: stores.id, name: stores.name, code: stores.code, city: stores.city })
    .from(stores)
    .where(eq(stores.programId, programId))
    .orderBy(asc(stores.sortOrder), asc(stores.name));
}
