import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { getAppDb } from "@/lib/server/app-database";
import { getProgramOverview, type ProgramOverview } from "@/lib/services/programs/get-program-overview";

export type { ProgramOverview };

/**
 * The demo/first program's overview for this request. `connection()` keeps
 * the page out of build-time prerendering (data must be read per request),
 * and `cache` lets a layout and its page share one query.
 */
export const loadProgramOverview = cache(async (): Promise<ProgramOverview | null> => {
  await connection();
  const db = await getAppDb();
  return getProgramOverview(db, {});
});
