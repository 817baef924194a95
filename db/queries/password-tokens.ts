import { and, eq, gt, isNull } from "drizzle-orm";
import { passwordTokens } from "../schema";
import type { Executor } from "../types";

export async function insertPasswordToken(db: Executor, values: typeof passwordTokens.$inferInsert): Promise<void> {
  await db.insert(passwordTokens).values(values);
}

/** A live token, locked so two tabs cannot both use it. */
export async function lockLivePasswordToken(tx: Executor, p: { tokenHash: string; purpose: "reset" | "invite"; now: Date }) {
  const [row] = await tx
    .select()
    .from(passwordTokens)
    .where(and(eq(passwordTokens.tokenHash, p.tokenHash), eq(passwordTokens.purpose, p.purpose), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, p.now)))
    .for("update");
  return row;
}

export async function markPasswordTokenUsed(tx: Executor, p: { tokenHash: string; now: Date }): Promise<void> {
  await tx.update(passwordTokens).set({ usedAt: p.now }).where(eq(passwordTokens.tokenHash, p.tokenHash));
}
