import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { requireUser, type UserActor } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getConsoleProgram, type ProgramContext } from "@/lib/services/programs/get-console-program";

export type ConsoleContext = { actor: UserActor; program: ProgramContext | null };

/**
 * The signed-in user and the program the console shows (the first one they
 * may read), shared by the console layout and its pages in one request.
 * `program` is null for users without console access (the layout explains).
 */
export const loadConsoleContext = cache(async (): Promise<ConsoleContext> => {
  await connection();
  // proxy.ts already sent signed-out visitors to sign-in with the exact page to return to.
  const actor = await requireUser("/console");
  const program = await getConsoleProgram(await getAppDb(), actor);
  return { actor, program };
});
