import "server-only";
import { cache } from "react";
import { auth } from "@/auth";

/** Name and email for the account menu, straight from the session (no database read). */
export const getSessionUser = cache(async (): Promise<{ name: string | null; email: string } | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return { name: session.user.name ?? null, email: session.user.email };
});
