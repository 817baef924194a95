import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { requireUser, type UserActor } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getConsoleProgram, listProgramsWith, type ProgramContext } from "@/lib/services/programs/get-console-program";
import { readConsoleProgramChoice } from "@/app/_data/console-program-choice";

/** `programs`: every program the user may read (the program switcher shows when there are several). */
export type ConsoleContext = { actor: UserActor; program: ProgramContext | null; programs: ProgramContext[] };

/**
 * The signed-in user and the program the console shows (the first one they
 * may read), shared by the console layout and its pages in one request.
 * `program` is null for users without console access (the layout explains).
 */
export const loadConsoleContext = cache(async (): Promise<ConsoleContext> => {
  await connection();
  // proxy.ts already sent signed-out visitors to sign-in with the exact page to return to.
  const actor = await requireUser("/console");
  const db = await getAppDb();
  const [program, programs] = await Promise.all([getConsoleProgram(db, actor, await readConsoleProgramChoice()), listProgramsWith(db, actor, "program:read")]);
  return { actor, program, programs };
});
