import { listStores } from "@/db/queries/overview";
import type { Executor } from "@/db/types";

/** Internal (CLI and services); pages get stores through authorized services. */
export async function listStoresOfProgram(db: Executor, programId: string) {
  return listStores(db, programId);
}
