import { rewardMenus, rewards } from "../schema";
import type { Executor } from "../types";

export async function insertRewardMenu(db: Executor, values: typeof rewardMenus.$inferInsert) {
  const [row] = await db.insert(rewardMenus).values(values).returning();
  return row!;
}

export async function insertRewards(db: Executor, rows: (typeof rewards.$inferInsert)[]) {
  return db.insert(rewards).values(rows).returning();
}
