import { createHash, randomBytes } from "node:crypto";
import { insertPasswordToken, lockLivePasswordToken, markPasswordTokenUsed } from "@/db/queries/password-tokens";
import { setPassword } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { hashPassword } from "@/lib/auth/password";
import { LazoError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { passwordSchema } from "@/lib/validation/auth";
import { z } from "zod";

export type PasswordTokenPurpose = "reset" | "invite";

export const PASSWORD_TOKEN_TTL_MS: Record<PasswordTokenPurpose, number> = { reset: 60 * 60_000, invite: 72 * 60 * 60_000 };

export class InvalidPasswordTokenError extends LazoError {
  constructor() {
    super("invalid_token", "This link is invalid, already used or expired.", 400);
  }
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Issues a single-use link token (reset or invitation) inside the caller's
 * transaction; only its hash is stored. Returns the token for the emailed link.
 */
export async function issuePasswordToken(tx: Executor, p: { userId: string; purpose: PasswordTokenPurpose; now?: Date }): Promise<string> {
  const now = p.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await insertPasswordToken(tx, { tokenHash: hashToken(token), userId: p.userId, purpose: p.purpose, expiresAt: new Date(now.getTime() + PASSWORD_TOKEN_TTL_MS[p.purpose]), createdAt: now });
  return token;
}

const setPasswordSchema = z.object({ token: z.string().min(20).max(200), password: passwordSchema }).strict();

/** Sets the password from a link token; every other session of the user ends. */
export async function setPasswordWithToken(
  db: Executor,
  input: { token: string; password: string; purpose: PasswordTokenPurpose },
  now = new Date(),
): Promise<{ userId: string }> {
  const data = parseInput(setPasswordSchema, { token: input.token, password: input.password });
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const row = await lockLivePasswordToken(tx, { tokenHash: hashToken(data.token), purpose: input.purpose, now });
    if (!row) throw new InvalidPasswordTokenError();
    await setPassword(tx, { userId: row.userId, passwordHash });
    await markPasswordTokenUsed(tx, { tokenHash: row.tokenHash, now });
    return { userId: row.userId };
  });
}
