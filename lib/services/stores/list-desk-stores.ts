import { listStores } from "@/db/queries/overview";
import type { Executor } from "@/db/types";
import { storesOf, type Actor } from "@/lib/auth/actor";
import { listProgramsWith, type ProgramContext } from "@/lib/services/programs/get-console-program";

export type DeskStore = { id: string; name: string; code: string };
export type DeskContext = { program: ProgramContext; stores: DeskStore[] };

/**
 * The staff desk's program (the first one where the user may use the desk)
 * and only the stores the user may work at there; null without desk access.
 */
export async function getDeskContext(db: Executor, actor: Extract<Actor, { kind: "user" }>): Promise<DeskContext | null> {
  const [program] = await listProgramsWith(db, actor, "desk:use");
  if (!program) return null;
  const allowed = storesOf(actor, program);
  const stores = (await listStores(db, program.id))
    .filter((s) => allowed === "all" || allowed.includes(s.id))
    .map(({ id, name, code }) => ({ id, name, code }));
  return { program, stores };
}
