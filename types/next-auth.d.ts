import type { DefaultSession } from "next-auth";

type SessionKind = "user" | "member";

declare module "next-auth" {
  interface User {
    kind?: SessionKind;
    programId?: string | null;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; kind: SessionKind; programId?: string | null; email: string } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    kind: SessionKind;
    programId?: string | null;
    sessionVersion?: number;
    /** Epoch seconds after which a console or staff session is over, whatever the cookie says. */
    userExpiresAt?: number;
  }
}
