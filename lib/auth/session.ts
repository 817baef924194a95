import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { getAppDb } from "@/lib/server/app-database";
import { loadUserActor } from "@/lib/services/auth/verify-user-password";
import type { Actor } from "./actor";

export type UserActor = Extract<Actor, { kind: "user" }>;
export type MemberActor = Extract<Actor, { kind: "member" }>;

/** Who is calling, from the session cookie; grants are read fresh from the database once per request. */
export const getCurrentActor = cache(async (): Promise<UserActor | MemberActor | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  if (user.kind === "member") return user.programId ? { kind: "member", programId: user.programId, memberId: user.id } : null;
  return loadUserActor(await getAppDb(), { userId: user.id, email: user.email });
});

/** Only keeps the path and query of a callback URL: no open redirects, no host mix-ups. */
export function safeCallbackPath(raw: string | null | undefined, fallback: string): string {
  if (!raw) return fallback;
  try {
    const url = new URL(raw, "http://lazo.invalid");
    if (url.origin !== "http://lazo.invalid" || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
    return url.pathname + url.search;
  } catch {
    return fallback;
  }
}

/** For console and staff pages and actions: a signed-in user, or off to the sign-in page. */
export async function requireUser(returnTo: string): Promise<UserActor> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "user") redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** For portal pages and actions: a signed-in member, or off to the member sign-in page. */
export async function requireMember(returnTo: string): Promise<MemberActor> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "member") redirect(`/me/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
