import { getProgramById, getProgramBySlug } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A program of the same organization by id or slug; any other program is "not found" (it is not ours to reveal). */
export async function findSisterProgram(db: Executor, p: { programId: string; ref: string }): Promise<{ id: string }> {
  const [own, target] = await Promise.all([getProgramById(db, p.programId), UUID.test(p.ref) ? getProgramById(db, p.ref) : getProgramBySlug(db, p.ref)]);
  if (!own || !target || target.organizationId !== own.organizationId) throw new NotFoundError("program", p.ref);
  return { id: target.id };
}
