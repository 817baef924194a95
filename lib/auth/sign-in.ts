import "server-only";
import { CredentialsSignin } from "next-auth";
import { auth, signIn, signOut } from "@/auth";
import { MEMBER_SESSION_SECONDS } from "@/auth.config";
import { getAppDb } from "@/lib/server/app-database";
import { endSessionById } from "@/lib/services/auth/ended-sessions";

/**
 * The only doors app/ uses into Auth.js (STYLE: Auth.js stays in auth.ts,
 * auth.config.ts and lib/auth). Refusals come back as data with the stable
 * code auth.ts put on them: invalid_credentials, rate_limited (+ seconds),
 * validation_failed, invalid_code, code_exhausted.
 */
export type SignInOutcome = { ok: true } | { ok: false; code: string; retryAfterSeconds?: number };

function refusalOf(error: unknown): SignInOutcome {
  if (!(error instanceof CredentialsSignin)) throw error;
  const [code = "invalid_credentials", seconds] = String(error.code).split(":");
  return { ok: false, code, retryAfterSeconds: seconds ? Number(seconds) : undefined };
}

export async function signInUser(input: { email: string; password: string }): Promise<SignInOutcome> {
  try {
    await signIn("password", { email: input.email, password: input.password, redirect: false });
    return { ok: true };
  } catch (error) {
    return refusalOf(error);
  }
}

export async function signInMember(input: { programId: string; email: string; code: string }): Promise<SignInOutcome> {
  try {
    await signIn("member-code", { programId: input.programId, email: input.email, code: input.code, redirect: false });
    return { ok: true };
  } catch (error) {
    return refusalOf(error);
  }
}

/**
 * Ends this browser's session (users and members alike): its id is listed as
 * ended first — so a response still in flight cannot revive it — then the
 * cookie is cleared.
 */
export async function endSession(): Promise<void> {
  const session = await auth();
  if (session?.sid) {
    const expiresAt = new Date((session.sessionExpiresAt ?? Math.floor(Date.now() / 1000) + MEMBER_SESSION_SECONDS) * 1000);
    await endSessionById(await getAppDb(), { sid: session.sid, expiresAt });
  }
  await signOut({ redirect: false });
}
