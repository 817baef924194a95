import "server-only";
import { cache } from "react";
import { getAppDb } from "@/lib/server/app-database";
import { getProgramOverview, type ProgramOverview } from "@/lib/services/programs/get-program-overview";
import { loadConsoleContext } from "./console-context";

export type { ProgramOverview };

/**
 * The console program's overview for this request, read as the signed-in
 * user (the service authorizes `program:read`); null without console access.
 * `cache` lets a layout and its page share one query.
 */
export const loadProgramOverview = cache(async (): Promise<ProgramOverview | null> => {
  const { actor, program } = await loadConsoleContext();
  if (!program) return null;
  return getProgramOverview(await getAppDb(), actor, { slug: program.slug });
});
