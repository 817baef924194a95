import {
  countBuyersAndActives,
  countMembers,
  countMembersPerTier,
  sumDaily,
  sumOutstandingPoints,
  withDashboardReads,
  type KpiQueryFilter,
} from "@/db/queries/kpi-dashboard";
import { listStores } from "@/db/queries/overview";
import { getProgramBySlug } from "@/db/queries/programs";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import type { LocalizedText } from "@/db/schema/tenancy";
import { averageTicketMinor, grossMargin, type GrossMargin } from "@/lib/domain/analytics/kpis";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { addDays, localDay, totals } from "@/lib/services/kpis/get-kpi-dashboard";
import { refreshKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";

/** Days of the console home's window, ending today in the program's time zone. */
export const OVERVIEW_DAYS = 30;

export type ProgramOverview = {
  program: { id: string; slug: string; name: string; currency: string; locale: string; timeZone: string; pointName: LocalizedText };
  members: number;
  activeMembers90d: number;
  newMembers30d: number;
  pointsOutstanding: number;
  pointsIssued30d: number;
  pointsRedeemed30d: number;
  purchases30d: number;
  revenue30dMinor: number;
  averageTicket30dMinor: number | null;
  /** Gross margin of the 30 days where unit costs are known (members and non-members); null when no purchase had one. */
  margin30d: GrossMargin | null;
  stores: { id: string; name: string; code: string }[];
  tiers: { key: string; name: LocalizedText; members: number }[];
};

/**
 * The program's headline numbers over the last 30 local days, for an actor
 * allowed to read the program (`program:read`); another organization's
 * program is simply "not found". Read like the analytics dashboard — the
 * daily rollup, the members' summaries and the kept totals — so the console
 * home stays as fast at a million members and agrees with the dashboard.
 */
export async function getProgramOverview(db: Executor, actor: Actor, input: { slug: string }, now = new Date()): Promise<ProgramOverview> {
  const program = await getProgramBySlug(db, input.slug);
  if (!program) throw new NotFoundError("program", input.slug);
  authorize(actor, "program:read", program);
  await refreshKpiRollups(db, { programId: program.id });
  const to = localDay(now, program.timeZone);
  const f: KpiQueryFilter = { programId: program.id, timeZone: program.timeZone, from: addDays(to, 1 - OVERVIEW_DAYS), to };
  const [stores, plan] = await Promise.all([listStores(db, program.id), getLivePlanVersion(db, { programId: program.id, at: now })]);
  const read = await withDashboardReads(db, async (tx) => ({
    daily: await sumDaily(tx, f),
    members: await countMembers(tx, f),
    buyers: await countBuyersAndActives(tx, f),
    outstanding: await sumOutstandingPoints(tx, f),
    byTier: await countMembersPerTier(tx, f),
  }));
  const t = totals(read.daily);
  const byTier = new Map(read.byTier.map((c) => [c.tierKey, c.members]));
  const tiers = ((plan?.definition as PlanDefinition | undefined)?.tiers ?? []).map((x) => ({ key: x.key, name: x.name, members: byTier.get(x.key) ?? 0 }));
  const { id, slug, name, currency, locale, timeZone, pointName } = program;
  return {
    program: { id, slug, name, currency, locale, timeZone, pointName },
    members: read.members,
    activeMembers90d: read.buyers.active90,
    newMembers30d: t.newEnrolments,
    pointsOutstanding: read.outstanding,
    pointsIssued30d: t.pointsIssued,
    pointsRedeemed30d: t.pointsRedeemed,
    purchases30d: t.purchases,
    revenue30dMinor: t.revenueMinor,
    averageTicket30dMinor: averageTicketMinor(t),
    margin30d: grossMargin(t),
    stores,
    tiers,
  };
}
