import { getProgramBySlug, type ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { NotFoundError } from "@/lib/errors";

export async function requireProgramBySlug(db: Executor, slug: string): Promise<ProgramRow> {
  const program = await getProgramBySlug(db, slug);
  if (!program) throw new NotFoundError("program", slug);
  return program;
}
