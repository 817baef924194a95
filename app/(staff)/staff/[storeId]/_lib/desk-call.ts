import "server-only";
import type { UserActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { getDeskContext } from "@/lib/services/stores/list-desk-stores";

/**
 * The program a counter action works in: the signed-in user's desk; without
 * one, "not found". The service checks the permission at the store again,
 * before reading any input.
 */
export async function deskProgramId(actor: UserActor): Promise<string> {
  const desk = await getDeskContext(await getAppDb(), actor);
  if (!desk) throw new NotFoundError("program");
  return desk.program.id;
}
