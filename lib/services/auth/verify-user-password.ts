import { listMembershipsOfUser } from "@/db/queries/memberships";
import { findUserByEmail, findUserById } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import type { Actor, Grant } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { LazoError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { signInSchema } from "@/lib/validation/auth";
import { assertUnderLimit, clearFailures, LIMITS, recordFailure } from "@/lib/services/rate-limit";

export class InvalidCredentialsError extends LazoError {
  constructor() {
    super("invalid_credentials", "The email or password is incorrect.", 401);
  }
}

/** Hashed once: verifying against it for unknown emails makes both answers take the same time. */
let decoyHash: Promise<string> | undefined;

export type SignedInUser = { userId: string; email: string; name: string | null; sessionVersion: number };

/**
 * Email + password for console and staff users. Five wrong passwords for one
 * email within a minute lock further tries for the rest of that minute (also
 * per IP); unknown emails get the same answer, in the same time, as wrong passwords.
 */
export async function verifyUserPassword(db: Executor, input: { email: string; password: string; ip: string }, now = new Date()): Promise<SignedInUser> {
  const data = parseInput(signInSchema, { email: input.email, password: input.password });
  const limits = [LIMITS.loginByEmail(data.email), LIMITS.loginByIp(input.ip)];
  await assertUnderLimit(db, limits, now);
  const user = await findUserByEmail(db, data.email);
  const ok = user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, data.password) : await verifyPassword(await (decoyHash ??= hashPassword("decoy-password-for-timing")), data.password).then(() => false);
  if (!ok || !user) {
    await recordFailure(db, limits, now);
    throw new InvalidCredentialsError();
  }
  await clearFailures(db, LIMITS.loginByEmail(data.email));
  return { userId: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** The actor a signed-in user acts as: their grants, read fresh so role changes apply at once. */
export async function loadUserActor(db: Executor, user: { userId: string; email: string }): Promise<Extract<Actor, { kind: "user" }>> {
  const grants: Grant[] = (await listMembershipsOfUser(db, user.userId)).map((m) => ({
    organizationId: m.organizationId,
    programId: m.programId,
    role: m.role,
    storeIds: m.storeIds,
    extraPermissions: m.extraPermissions,
  }));
  return { kind: "user", userId: user.userId, email: user.email, grants };
}

/** The user's current session version, or null when the user is gone or disabled. */
export async function getSessionVersion(db: Executor, userId: string): Promise<number | null> {
  const user = await findUserById(db, userId);
  return user && !user.disabledAt ? user.sessionVersion : null;
}
