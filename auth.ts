import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { authAccounts, authSessions, authVerificationTokens, users } from "@/db/schema";
import { authConfig, USER_SESSION_SECONDS } from "@/auth.config";
import { clientIp } from "@/lib/auth/client-ip";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { verifyMemberCode } from "@/lib/services/auth/member-codes";
import { getSessionVersion, verifyUserPassword } from "@/lib/services/auth/verify-user-password";
import { isMemberSessionActive } from "@/lib/services/members/member-session";
import { hasSessionEnded } from "@/lib/services/auth/ended-sessions";

/** Carries a stable code (invalid_credentials, rate_limited:42, invalid_code…) to the sign-in form. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

function refusal(error: unknown): SignInRefused {
  if (isLazoError(error)) {
    const retry = error.details?.retryAfterSeconds;
    return new SignInRefused(retry ? `${error.code}:${retry}` : error.code);
  }
  throw error;
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getAppDb();
  return {
    ...authConfig,
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: authAccounts, sessionsTable: authSessions, verificationTokensTable: authVerificationTokens }),
    providers: [
      Credentials({
        id: "password",
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          try {
            const user = await verifyUserPassword(db, { email: String(credentials.email ?? ""), password: String(credentials.password ?? ""), ip: clientIp(request.headers) });
            return { id: user.userId, email: user.email, name: user.name, kind: "user", sessionVersion: user.sessionVersion };
          } catch (error) {
            throw refusal(error);
          }
        },
      }),
      Credentials({
        id: "member-code",
        credentials: { programId: {}, email: {}, code: {} },
        async authorize(credentials, request) {
          try {
            const email = String(credentials.email ?? "");
            const member = await verifyMemberCode(db, { programId: String(credentials.programId ?? ""), email, code: String(credentials.code ?? ""), ip: clientIp(request.headers) });
            return { id: member.memberId, email, kind: "member", programId: member.programId };
          } catch (error) {
            throw refusal(error);
          }
        },
      }),
    ],
    callbacks: {
      ...authConfig.callbacks,
      async jwt({ token, user }) {
        if (user) {
          token.sid = crypto.randomUUID();
          token.kind = user.kind ?? "user";
          token.programId = user.programId ?? null;
          token.sessionVersion = user.sessionVersion;
          if (token.kind === "user") token.userExpiresAt = Math.floor(Date.now() / 1000) + USER_SESSION_SECONDS;
          return token;
        }
        // Signed out on this browser: a response still in flight may have handed the cookie back.
        if (typeof token.sid === "string" && (await hasSessionEnded(db, token.sid))) return null;
        if (token.kind === "user") {
          // Expired, disabled, or signed out everywhere since this token was issued: the session is over.
          if (!token.userExpiresAt || token.userExpiresAt < Date.now() / 1000) return null;
          const current = await getSessionVersion(db, String(token.sub));
          if (current === null || current !== token.sessionVersion) return null;
        }
        // A deleted (anonymized) or suspended member's sessions end on every device.
        if (token.kind === "member") {
          if (typeof token.programId !== "string" || typeof token.sub !== "string") return null;
          if (!(await isMemberSessionActive(db, { programId: token.programId, memberId: token.sub }))) return null;
        }
        return token;
      },
    },
  };
});
