import "server-only";
import { cache } from "react";
import type { UserActor } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getConsoleProgram } from "@/lib/services/programs/get-console-program";
import { readConsoleProgramChoice } from "@/app/_data/console-program-choice";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";

export type ConsoleProgram = { id: string; slug: string; name: string; locale: string; timeZone: string };

/**
 * The program the administration pages and actions work on: the console's
 * program for this actor (shared service), plus the locale and zone its dates
 * are shown in. Pages read cookies first (requireUser), so they stay dynamic.
 */
export const getConsoleProgramFor = cache(async (actor: UserActor): Promise<ConsoleProgram | null> => {
  const db = await getAppDb();
  const program = await getConsoleProgram(db, actor, await readConsoleProgramChoice());
  if (!program) return null;
  const clock = await getProgramClock(db, program.id);
  return { id: program.id, slug: program.slug, name: program.name, ...clock };
});
