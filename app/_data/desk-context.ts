import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { requireUser, type UserActor } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getDeskContext, type DeskContext } from "@/lib/services/stores/list-desk-stores";

/** The signed-in user and their desk (program + the stores they may work at), or null without `desk:use`. */
export const loadDeskContext = cache(async (): Promise<{ actor: UserActor; desk: DeskContext | null }> => {
  await connection();
  const actor = await requireUser("/staff");
  return { actor, desk: await getDeskContext(await getAppDb(), actor) };
});
