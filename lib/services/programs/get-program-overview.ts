import { countMembersByTier, getProgramCounts, listStores } from "@/db/queries/overview";
import { getProgramBySlug } from "@/db/queries/programs";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import type { LocalizedText } from "@/db/schema/tenancy";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

export type ProgramOverview = {
  program: { id: string; slug: string; name: string; currency: string; locale: string; timeZone: string; pointName: LocalizedText };
  members: number;
  activeMembers90d: number;
  pointsOutstanding: number;
  pointsIssued30d: number;
  pointsRedeemed30d: number;
  purchases30d: number;
  revenue30dMinor: number;
  stores: { id: string; name: string; code: string }[];
  tiers: { key: string; name: LocalizedText; members: number }[];
};

/**
 * The program's headline numbers, for an actor allowed to read the program
 * (`program:read`); another organization's program is simply "not found".
 */
export async function getProgramOverview(db: Executor, actor: Actor, input: { slug: string }, now = new Date()): Promise<ProgramOverview> {
  const program = await getProgramBySlug(db, input.slug);
  if (!program) throw new NotFoundError("program", input.slug);
  authorize(actor, "program:read", program);
  const [counts, byTier, stores, plan] = await Promise.all([
    getProgramCounts(db, { programId: program.id, now }),
    countMembersByTier(db, program.id),
    listStores(db, program.id),
    getLivePlanVersion(db, { programId: program.id, at: now }),
  ]);
  const tiers = ((plan?.definition as PlanDefinition | undefined)?.tiers ?? []).map((t) => ({ key: t.key, name: t.name, members: byTier.get(t.key) ?? 0 }));
  const { id, slug, name, currency, locale, timeZone, pointName } = program;
  return { program: { id, slug, name, currency, locale, timeZone, pointName }, ...counts, stores, tiers };
}
