import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeys } from "../schema";
import type { Executor } from "../types";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(db: Executor, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning();
  return row!;
}

/** Active key by the hash of its secret (the only way a key is ever looked up). */
export async function findActiveApiKeyByHash(db: Executor, secretHash: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)));
  return row;
}

export async function listApiKeys(db: Executor, programId: string): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.programId, programId)).orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Executor, p: { programId: string; keyId: string; now: Date }): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: p.now })
    .where(and(eq(apiKeys.programId, p.programId), eq(apiKeys.id, p.keyId), isNull(apiKeys.revokedAt)))
    .returning();
  return row;
}

export async function touchApiKey(db: Executor, p: { programId: string; keyId: string; now: Date }): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: p.now }).where(and(eq(apiKeys.programId, p.programId), eq(apiKeys.id, p.keyId)));
}
