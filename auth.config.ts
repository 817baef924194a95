import type { NextAuthConfig } from "next-auth";
import { NextResponse } from "next/server";

/**
 * The database-free part of Auth.js, shared by proxy.ts (which only reads the
 * session cookie to redirect) and auth.ts (which adds providers and the database).
 * The proxy never authorizes: every page, action and route checks again in lib/auth.
 */
const USER_AREAS = ["/console", "/staff"];
const MEMBER_PUBLIC = ["/me/sign-in", "/me/verify", "/me/join"];

/** Console and staff sessions end after 8 hours; members stay signed in for 30 days. */
export const USER_SESSION_SECONDS = 8 * 60 * 60;
export const MEMBER_SESSION_SECONDS = 30 * 24 * 60 * 60;

export const authConfig = {
  trustHost: true,
  secret: process.env.AUTH_SECRET || (process.env.NODE_ENV === "production" ? undefined : "lazo-development-secret-not-for-production"),
  session: { strategy: "jwt", maxAge: MEMBER_SESSION_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      const kind = auth?.user?.kind;
      const back = encodeURIComponent(path + request.nextUrl.search);
      if (USER_AREAS.some((area) => path === area || path.startsWith(`${area}/`)) && kind !== "user") {
        return NextResponse.redirect(new URL(`/sign-in?callbackUrl=${back}`, request.nextUrl));
      }
      if ((path === "/me" || path.startsWith("/me/")) && !MEMBER_PUBLIC.some((p) => path.startsWith(p)) && kind !== "member") {
        return NextResponse.redirect(new URL(`/me/sign-in?callbackUrl=${back}`, request.nextUrl));
      }
      return true;
    },
    session({ session, token }) {
      session.sid = token.sid;
      session.sessionExpiresAt = typeof token.exp === "number" ? token.exp : undefined;
      session.user = {
        ...session.user,
        id: String(token.sub),
        kind: token.kind,
        programId: token.programId,
        email: token.email ?? "",
      };
      return session;
    },
  },
} satisfies NextAuthConfig;
