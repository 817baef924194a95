import { eq, inArray, sql } from "drizzle-orm";
import { memberships, users } from "../schema";
import type { Executor } from "../types";

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function insertMembership(db: Executor, values: typeof memberships.$inferInsert) {
  const [row] = await db.insert(memberships).values(values).returning();
  return row!;
}

export async function findUserById(db: Executor, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

/** "Sign out everywhere": sessions issued with an older version stop working. */
export async function bumpSessionVersion(db: Executor, userId: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}

export async function setPassword(db: Executor, p: { userId: string; passwordHash: string }): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: p.passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, p.userId));
}

/** Emails of users by id (the audit log shows people, not uuids). */
export async function listUserEmails(db: Executor, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r.email]));
}
