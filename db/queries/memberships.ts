import { eq } from "drizzle-orm";
import { memberships } from "../schema";
import type { Executor } from "../types";

export async function listMembershipsOfUser(db: Executor, userId: string) {
  return db.select().from(memberships).where(eq(memberships.userId, userId));
}
