import { getLivePlanVersion } from "@/db/queries/plans";
import { listStores } from "@/db/queries/overview";
import { listSegments } from "@/db/queries/segments";
import {
  binClv,
  type ClvBin,
  countBuyersAndActives,
  countCohorts,
  countMembers,
  countMembersPerTier,
  countTierMoves,
  getActivityBounds,
  listCampaignsInRange,
  listTopRewards,
  sumDaily,
  sumOutstandingPoints,
  withDashboardReads,
  type CampaignSummary,
  type DailyTotals,
  type KpiQueryFilter,
} from "@/db/queries/kpi-dashboard";
import type { LocalizedText } from "@/db/schema/tenancy";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import {
  averageTicketMinor,
  breakageRate,
  bucketMargins,
  bucketPoints,
  grossMargin,
  liabilityMinor,
  pickGranularity,
  purchaseFrequency,
  redemptionRate,
  repeatPurchaseRate,
  retentionMatrix,
  summarizeTierMoves,
  type CohortRow,
  type Granularity,
  type GrossMargin,
  type MarginDay,
  type PointsDay,
  type TierMoveRow,
} from "@/lib/domain/analytics/kpis";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { kpiFiltersSchema, type KpiFiltersInput } from "@/lib/validation/kpi-dashboard";
import { refreshKpiRollups } from "./refresh-kpi-rollups";

export const COHORT_MONTHS = 12;

/** Purchases of members, or of non-members (tickets without a member), side by side on the dashboard. */
export type MembershipGroup = { purchases: number; revenueMinor: number; averageTicketMinor: number | null; frequency: number | null; margin: GrossMargin | null };

export type KpiDashboard = {
  program: { id: string; currency: string; locale: string; timeZone: string; pointValueMilli: number | null };
  filters: { from: string; to: string; store: string | null; channel: string | null; segment: string | null; tier: string | null };
  /** Filters the request gave but that were not applied: not a valid value, or no such store, segment or tier here. */
  ignoredFilters: KpiFilterName[];
  options: { stores: { id: string; name: string }[]; segments: { id: string; name: string }[]; tiers: { key: string; name: LocalizedText }[] };
  hasData: boolean;
  kpis: {
    members: number; active30: number; active90: number; newEnrolments: number;
    purchases: number; revenueMinor: number; buyers: number; repeatBuyers: number;
    pointsIssued: number; pointsRedeemed: number; pointsExpired: number; pointsReversed: number; outstandingPoints: number;
    repeatRate: number | null; averageTicketMinor: number | null; frequency: number | null;
    redemptionRate: number | null; breakage: number | null; liabilityMinor: number | null;
    /** Gross margin where unit costs are known; null when no purchase of the period had one. */
    margin: GrossMargin | null;
  };
  /** Members' and non-members' purchases; a segment or tier filter leaves non-members out (`nonMembersFiltered`). */
  byMembership: { members: MembershipGroup; nonMembers: MembershipGroup; nonMembersFiltered: boolean };
  /** Margin per bucket (same granularity as the points), empty without known costs. */
  marginSeries: MarginDay[];
  granularity: Granularity;
  points: PointsDay[];
  cohorts: CohortRow[];
  tiers: { key: string | null; name: LocalizedText | null; members: number }[];
  /** Tier changes in the range (from → to), ranked, with the members who went up and down. */
  tierMigration: { rows: TierMoveRow[]; up: number; down: number };
  /** Campaigns that ran in the range (program-wide: the store, channel, segment and tier filters do not apply), newest first. */
  campaigns: CampaignSummary[];
  topRewards: { rewardId: string; name: LocalizedText; redemptions: number; points: number }[];
  /** Members per CLV bin on the program's scale (the last bin open-ended: upperMinor null). */
  clv: ClvBin[];
};

export const KPI_FILTER_NAMES = ["from", "to", "store", "channel", "segment", "tier"] as const;
export type KpiFilterName = (typeof KPI_FILTER_NAMES)[number];

/** The local calendar day of `now` in a time zone. */
export function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The calendar day `days` after (or before) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Default range: the twelve months up to the last day with activity (or today, whichever is earlier). */
function defaultRange(today: string, last: string | null): { from: string; to: string } {
  const to = last && last < today ? last : today;
  const [y, m] = to.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  return { from: start, to };
}

/**
 * Everything the analytics dashboard shows for a filter set (analytics:read).
 * Brings the rollup up to date first (cheap when nothing changed), then reads
 * day totals from it and member-level figures from the members' summaries or
 * the base tables (docs/ANALYTICS.md, "Member counts").
 */
export async function getKpiDashboard(db: Executor, actor: Actor, input: { programId: string; filters: KpiFiltersInput }, now = new Date()): Promise<KpiDashboard> {
  const program = await authorizeProgram(db, actor, "analytics:read", input.programId);
  const parsed = kpiFiltersSchema.parse(input.filters ?? {});
  await refreshKpiRollups(db, { programId: program.id });
  const [bounds, stores, segments, plan] = await Promise.all([
    getActivityBounds(db, program.id),
    listStores(db, program.id),
    listSegments(db, { programId: program.id }),
    getLivePlanVersion(db, { programId: program.id, at: now }),
  ]);
  const fallback = defaultRange(localDay(now, program.timeZone), bounds?.last ?? null);
  let from = parsed.from ?? fallback.from;
  let to = parsed.to ?? fallback.to;
  if (from > to) [from, to] = [to, from];
  if (Date.parse(to) - Date.parse(from) > 3660 * 86_400_000) from = addDays(to, -3660);
  const store = stores.some((s) => s.id === parsed.store) ? parsed.store! : null;
  const segment = segments.some((s) => s.id === parsed.segment) ? parsed.segment! : null;
  const planTiers = ((plan?.definition as PlanDefinition | undefined)?.tiers ?? []).map((t) => ({ key: t.key, name: t.name }));
  const tier = planTiers.some((t) => t.key === parsed.tier) ? parsed.tier! : null;
  const applied: Record<KpiFilterName, boolean> = { from: !!parsed.from, to: !!parsed.to, store: !!store, channel: !!parsed.channel, segment: !!segment, tier: !!tier };
  const given = (name: KpiFilterName) => {
    const value = (input.filters as Record<string, unknown> | undefined)?.[name];
    return typeof value === "string" && value.trim() !== "";
  };
  const ignoredFilters = KPI_FILTER_NAMES.filter((name) => given(name) && !applied[name]);
  const f: KpiQueryFilter = { programId: program.id, timeZone: program.timeZone, from, to, storeId: store, channel: parsed.channel ?? null, segmentId: segment, tierKey: tier };

  const { daily, members, buyerCounts, outstandingPoints, cohortCounts, tierCounts, tierMoves, campaigns, topRewards, clv } = await withDashboardReads(db, async (tx) => ({
    daily: await sumDaily(tx, f),
    members: await countMembers(tx, f),
    buyerCounts: await countBuyersAndActives(tx, f),
    outstandingPoints: await sumOutstandingPoints(tx, f),
    cohortCounts: await countCohorts(tx, f),
    tierCounts: await countMembersPerTier(tx, f),
    tierMoves: await countTierMoves(tx, f),
    campaigns: await listCampaignsInRange(tx, f),
    topRewards: await listTopRewards(tx, f),
    clv: await binClv(tx, f),
  }));
  const { buyers, repeatBuyers, active30, active90 } = buyerCounts;

  const t = totals(daily);
  const milli = program.settings.pointValueMilli ?? null;
  const granularity = pickGranularity(from, to);
  const tierName = new Map(planTiers.map((x) => [x.key, x.name]));
  const frequency = purchaseFrequency({ memberPurchases: t.memberPurchases, buyers });
  const margin = grossMargin(t);
  return {
    program: { id: program.id, currency: program.currency, locale: program.locale, timeZone: program.timeZone, pointValueMilli: milli },
    filters: { from, to, store, channel: parsed.channel ?? null, segment, tier },
    ignoredFilters,
    options: { stores: stores.map((s) => ({ id: s.id, name: s.name })), segments: segments.map((s) => ({ id: s.id, name: s.name })), tiers: planTiers },
    hasData: bounds !== null,
    kpis: {
      members,
      active30,
      active90,
      newEnrolments: t.newEnrolments,
      purchases: t.purchases,
      revenueMinor: t.revenueMinor,
      buyers,
      repeatBuyers,
      pointsIssued: t.pointsIssued,
      pointsRedeemed: t.pointsRedeemed,
      pointsExpired: t.pointsExpired,
      pointsReversed: t.pointsReversed,
      outstandingPoints,
      repeatRate: repeatPurchaseRate({ buyers, repeatBuyers }),
      averageTicketMinor: averageTicketMinor(t),
      frequency,
      redemptionRate: redemptionRate({ issued: t.pointsIssued, reversed: t.pointsReversed, redeemed: t.pointsRedeemed }),
      breakage: breakageRate({ redeemed: t.pointsRedeemed, expired: t.pointsExpired }),
      liabilityMinor: milli === null ? null : liabilityMinor({ outstandingPoints, pointValueMilli: milli }),
      margin,
    },
    byMembership: { ...membershipGroups(t, frequency), nonMembersFiltered: Boolean(segment || tier) },
    marginSeries: margin === null ? [] : bucketMargins(daily.map(marginDay), granularity),
    granularity,
    points: bucketPoints(daily.map((d) => ({ day: d.day, issued: d.pointsIssued, redeemed: d.pointsRedeemed, expired: d.pointsExpired })), granularity),
    cohorts: retentionMatrix(cohortCounts, { lastMonth: to, offsets: COHORT_MONTHS }).slice(-COHORT_MONTHS),
    tiers: tierCounts.map((c) => ({ key: c.tierKey, name: c.tierKey ? (tierName.get(c.tierKey) ?? null) : null, members: c.members })),
    tierMigration: summarizeTierMoves(tierMoves, planTiers.map((x) => x.key)),
    campaigns,
    topRewards,
    clv,
  };
}

/** The per-day totals added up over the range. */
export function totals(daily: DailyTotals[]): Omit<DailyTotals, "day"> {
  const t = {
    purchases: 0, memberPurchases: 0, revenueMinor: 0, memberRevenueMinor: 0, refundedMinor: 0, pointsIssued: 0, pointsRedeemed: 0, pointsExpired: 0, pointsReversed: 0, newEnrolments: 0,
    memberRefundedMinor: 0, costedPurchases: 0, memberCostedPurchases: 0, costedRevenueMinor: 0, memberCostedRevenueMinor: 0, costMinor: 0, memberCostMinor: 0,
  };
  for (const d of daily) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += d[k];
  return t;
}

/** The totals split into members' purchases and the rest (non-members'); frequency needs a member, so non-members have none. */
function membershipGroups(t: Omit<DailyTotals, "day">, memberFrequency: number | null): { members: MembershipGroup; nonMembers: MembershipGroup } {
  const group = (g: { purchases: number; revenueMinor: number; refundedMinor: number; costedPurchases: number; costedRevenueMinor: number; costMinor: number }, frequency: number | null): MembershipGroup => ({
    purchases: g.purchases,
    revenueMinor: g.revenueMinor,
    averageTicketMinor: averageTicketMinor(g),
    frequency,
    margin: grossMargin(g),
  });
  return {
    members: group({ purchases: t.memberPurchases, revenueMinor: t.memberRevenueMinor, refundedMinor: t.memberRefundedMinor, costedPurchases: t.memberCostedPurchases, costedRevenueMinor: t.memberCostedRevenueMinor, costMinor: t.memberCostMinor }, memberFrequency),
    nonMembers: group({
      purchases: t.purchases - t.memberPurchases,
      revenueMinor: t.revenueMinor - t.memberRevenueMinor,
      refundedMinor: t.refundedMinor - t.memberRefundedMinor,
      costedPurchases: t.costedPurchases - t.memberCostedPurchases,
      costedRevenueMinor: t.costedRevenueMinor - t.memberCostedRevenueMinor,
      costMinor: t.costMinor - t.memberCostMinor,
    }, null),
  };
}

function marginDay(d: DailyTotals): MarginDay {
  const members = d.memberCostedRevenueMinor - d.memberCostMinor;
  return { day: d.day, members, nonMembers: d.costedRevenueMinor - d.costMinor - members };
}
