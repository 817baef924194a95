import { findUserByEmail } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { permissionsOf } from "@/lib/auth/permissions";
import { loadUserActor } from "./verify-user-password";

/**
 * Where a user lands after signing in without a callback: the console when
 * any grant lets them read a program, the staff desk when they can only use
 * the desk (store staff), the console otherwise (which explains "no access").
 */
export async function getUserHome(db: Executor, input: { email: string }): Promise<"/console" | "/staff"> {
  const user = await findUserByEmail(db, input.email);
  if (!user) return "/console";
  const { grants } = await loadUserActor(db, { userId: user.id, email: user.email });
  const granted = grants.map((g) => permissionsOf(g.role, g.extraPermissions));
  if (granted.some((p) => p.has("program:read"))) return "/console";
  return granted.some((p) => p.has("desk:use")) ? "/staff" : "/console";
}
