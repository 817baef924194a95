import { bumpSessionVersion } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { UnauthorizedError } from "@/lib/errors";

/** Ends every session of the user on every device: tokens carrying the old version stop working at their next request. */
export async function signOutEverywhere(db: Executor, actor: Actor): Promise<void> {
  if (actor.kind !== "user") throw new UnauthorizedError();
  await bumpSessionVersion(db, actor.userId);
}
