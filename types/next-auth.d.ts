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
    /** This sign-in's id (not a credential): signing out lists it in ended_sessions. */
    sid?: string;
    /** When this session's token expires (epoch seconds), so an ended sid is kept exactly that long. */
    sessionExpiresAt?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    kind: SessionKind;
    programId?: string | null;
    sessionVersion?: number;
    /** Epoch seconds after which a console or staff session is over, whatever the cookie says. */
    userExpiresAt?: number;
    /** Random id of this sign-in; refused once it is in ended_sessions. */
    sid?: string;
  }
}
