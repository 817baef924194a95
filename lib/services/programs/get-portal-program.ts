import { listStores } from "@/db/queries/overview";
import { getLivePlanVersion } from "@/db/queries/plans";
import { getFirstProgram, getProgramById, getProgramBySlug } from "@/db/queries/programs";
import type { LocalizedText } from "@/db/schema/tenancy";
import type { Executor } from "@/db/types";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";

/** What any visitor of the member portal may see about a program: no counts, no money. */
export type PortalProgram = {
  program: { id: string; slug: string; name: string; locale: string; pointName: LocalizedText };
  tiers: { key: string; name: LocalizedText }[];
  stores: { id: string; name: string; code: string; city: string | null }[];
};

/**
 * The portal's program: by id (a signed-in member's own), by `?program=<slug>`,
 * or the first program of a single-brand install. Null when there is none.
 */
export async function getPortalProgram(db: Executor, input: { programId?: string; slug?: string }, now = new Date()): Promise<PortalProgram | null> {
  const program = input.programId ? await getProgramById(db, input.programId) : input.slug ? await getProgramBySlug(db, input.slug) : await getFirstProgram(db);
  if (!program) return null;
  const [stores, plan] = await Promise.all([listStores(db, program.id), getLivePlanVersion(db, { programId: program.id, at: now })]);
  const tiers = ((plan?.definition as PlanDefinition | undefined)?.tiers ?? []).map((t) => ({ key: t.key, name: t.name }));
  const { id, slug, name, locale, pointName } = program;
  return { program: { id, slug, name, locale, pointName }, tiers, stores };
}
