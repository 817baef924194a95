import { listProgramIds } from "@/db/queries/programs";
import type { Executor } from "@/db/types";

/** Every program, for system jobs that sweep them all (not for people: they see what their grants allow). */
export function listAllProgramIdsForJobs(db: Executor): Promise<string[]> {
  return listProgramIds(db);
}
