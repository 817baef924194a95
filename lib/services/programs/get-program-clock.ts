import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { NotFoundError } from "@/lib/errors";

/**
 * Locale and time zone a program's dates are shown in. Not authorized on its
 * own: call it only with a program the caller already resolved for the actor
 * (the console program service does that).
 */
export async function getProgramClock(db: Executor, programId: string): Promise<{ locale: string; timeZone: string }> {
  const program = await getProgramById(db, programId);
  if (!program) throw new NotFoundError("program", programId);
  return { locale: program.locale, timeZone: program.timeZone };
}
