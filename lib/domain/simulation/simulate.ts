import { lotExpiry } from "@/lib/domain/ledger/expiry-policy";
import { tierFor } from "@/lib/domain/plan/base-points";
import { toEnginePlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { evaluatePurchase } from "@/lib/domain/rules/evaluate";
import { localTime } from "@/lib/domain/rules/local-time";
import type { EnginePlan } from "@/lib/domain/rules/types";
import { SIMULATED_PLANS, type PlanOutcome, type ReplayedPurchase, type SegmentOutcome, type SimulatedPlan, type SimulationResults } from "./types";

/**
 * The plan simulator, pure: purchases are fed in time order (in batches, by
 * the job) and each is evaluated by the rules engine under both plans, with a
 * ledger of its own per plan — the member's tier on that plan's ladder, the
 * rules' per-member and program-wide cap usage — so a plan that gives more
 * points also climbs members faster, as it would live.
 *
 * Approximations, stated once:
 * - tiers start where the member stood when the window opened (tier history)
 *   and only go up, by the plan's thresholds applied to the points (or spend)
 *   replayed in the window — reset each local year for calendar-year
 *   qualification; downgrade reviews are not replayed;
 * - cap and budget usage start at zero when the window opens;
 * - segment conditions and per-segment figures use today's membership;
 * - redemptions are not replayed: the program's observed redemption rate
 *   turns points into expected redeemed points, and the unredeemed share of
 *   points whose expiry falls inside the window expires (inactivity expiry,
 *   which has no date per lot, is not counted);
 * - campaign bonuses and pilot versions are left out: both plans see the same purchases.
 */
export type SimulationConfig = { timeZone: string; windowEnd: Date; plans: Record<SimulatedPlan, PlanDefinition> };

type MemberLedger = { tier: string | null; qualifying: number; year: string; day: string; dayUsage: Record<string, number>; month: string; monthUsage: Record<string, number>; points: number };

type PlanLedger = {
  plan: PlanDefinition;
  engine: EnginePlan;
  rank: Map<string, number>;
  members: Map<string, MemberLedger>;
  budget: Record<string, number>;
  issued: number;
  /** Points whose expiry date falls on or before the window's end. */
  expiringInWindow: number;
  months: Map<string, number>;
};

export type SimulationState = {
  config: SimulationConfig;
  ledgers: Record<SimulatedPlan, PlanLedger>;
  purchases: number;
  /** Every member replayed, with their saved segments. */
  memberSegments: Map<string, readonly string[]>;
};

function ledgerFor(plan: PlanDefinition): PlanLedger {
  const ladder = [...plan.tiers].sort((a, b) => a.threshold - b.threshold);
  return { plan, engine: toEnginePlan(plan), rank: new Map(ladder.map((t, i) => [t.key, i])), members: new Map(), budget: {}, issued: 0, expiringInWindow: 0, months: new Map() };
}

export function startSimulation(config: SimulationConfig): SimulationState {
  return { config, ledgers: { candidate: ledgerFor(config.plans.candidate), baseline: ledgerFor(config.plans.baseline) }, purchases: 0, memberSegments: new Map() };
}

function memberLedger(ledger: PlanLedger, purchase: ReplayedPurchase): MemberLedger {
  let member = ledger.members.get(purchase.memberId);
  if (!member) {
    // A tier this plan does not have (renamed or removed) starts the member at the bottom of its ladder.
    const tier = purchase.startTier !== null && ledger.rank.has(purchase.startTier) ? purchase.startTier : null;
    member = { tier, qualifying: 0, year: "", day: "", dayUsage: {}, month: "", monthUsage: {}, points: 0 };
    ledger.members.set(purchase.memberId, member);
  }
  return member;
}

function addUsage(usage: Record<string, number>, ruleId: string, points: number) {
  usage[ruleId] = (usage[ruleId] ?? 0) + points;
}

/** Evaluates one purchase under one plan and books its points on that plan's ledger; returns the points. */
function replayOn(ledger: PlanLedger, purchase: ReplayedPurchase, config: SimulationConfig): number {
  const member = memberLedger(ledger, purchase);
  const local = localTime(purchase.occurredAt, config.timeZone);
  if (member.day !== local.date) [member.day, member.dayUsage] = [local.date, {}];
  if (member.month !== local.month) [member.month, member.monthUsage] = [local.month, {}];
  const year = local.date.slice(0, 4);
  if (ledger.plan.tierQualification.window === "calendar_year" && member.year !== year) member.qualifying = 0;
  member.year = year;

  const evaluation = evaluatePurchase(ledger.engine, {
    lines: purchase.lines,
    channel: purchase.channel,
    storeId: purchase.storeId,
    occurredAt: purchase.occurredAt,
    timeZone: config.timeZone,
    member: { tier: member.tier, segmentIds: purchase.segmentIds, isFirstPurchase: purchase.isFirstPurchase },
    usage: { memberDay: member.dayUsage, memberMonth: member.monthUsage, budget: ledger.budget },
  });
  for (const rule of evaluation.rules) {
    if (!rule.fired || rule.points <= 0) continue;
    addUsage(member.dayUsage, rule.ruleId, rule.points);
    addUsage(member.monthUsage, rule.ruleId, rule.points);
    addUsage(ledger.budget, rule.ruleId, rule.points);
  }
  const points = evaluation.points;
  member.points += points;
  ledger.issued += points;
  ledger.months.set(local.month, (ledger.months.get(local.month) ?? 0) + points);
  const expiresAt = lotExpiry(ledger.plan.expiry, purchase.occurredAt, config.timeZone);
  if (points > 0 && expiresAt && expiresAt <= config.windowEnd) ledger.expiringInWindow += points;

  // Upgrades happen on the qualifying purchase, after its points are counted (as record-purchase does).
  member.qualifying += ledger.plan.tierQualification.metric === "points" ? points : Math.max(0, purchase.netAmountMinor);
  const reached = tierFor(ledger.plan.tiers, member.qualifying);
  if (reached && (member.tier === null || ledger.rank.get(reached.key)! > ledger.rank.get(member.tier)!)) member.tier = reached.key;
  return points;
}

/** Replays one purchase (purchases must come in time order) under both plans; returns each plan's points. */
export function replayPurchase(state: SimulationState, purchase: ReplayedPurchase): Record<SimulatedPlan, number> {
  state.purchases += 1;
  state.memberSegments.set(purchase.memberId, purchase.segmentIds);
  return { candidate: replayOn(state.ledgers.candidate, purchase, state.config), baseline: replayOn(state.ledgers.baseline, purchase, state.config) };
}

export type FinishInput = {
  /** Observed redeemed ÷ issued, clamped to [0, 1]. */
  redemptionRate: number;
  /** Money value of a point in minor units × 1,000 (Settings → Program); null = not set. */
  pointValueMilli: number | null;
  currency: string;
  /** Saved segments to break the cost down by. */
  segments: { id: string; name: string }[];
};

function money(points: number, pointValueMilli: number | null): number | null {
  return pointValueMilli === null ? null : Math.round((points * pointValueMilli) / 1000);
}

function perMember(total: number | null, members: number): number | null {
  return total === null || members === 0 ? null : Math.round(total / members);
}

export function planOutcome(issued: number, expiringInWindow: number, members: number, p: Pick<FinishInput, "redemptionRate" | "pointValueMilli">): PlanOutcome {
  const rate = Math.min(1, Math.max(0, p.redemptionRate));
  const expectedRedeemedPoints = Math.round(issued * rate);
  const expiredPoints = Math.min(issued - expectedRedeemedPoints, Math.round(expiringInWindow * (1 - rate)));
  const outstandingPoints = issued - expectedRedeemedPoints - expiredPoints;
  const expectedRedemptionCostMinor = money(expectedRedeemedPoints, p.pointValueMilli);
  return {
    pointsIssued: issued,
    expectedRedeemedPoints,
    expectedRedemptionCostMinor,
    expiredPoints,
    outstandingPoints,
    liabilityMinor: money(outstandingPoints, p.pointValueMilli),
    costPerMemberMinor: perMember(expectedRedemptionCostMinor, members),
  };
}

function tierRows(state: SimulationState): SimulationResults["tiers"] {
  const rows = new Map<string | null, SimulationResults["tiers"][number]>();
  for (const which of SIMULATED_PLANS) {
    const ladder = [...state.ledgers[which].plan.tiers].sort((a, b) => a.threshold - b.threshold);
    for (const tier of ladder) if (!rows.has(tier.key)) rows.set(tier.key, { key: tier.key, name: tier.name, candidate: 0, baseline: 0 });
  }
  for (const which of SIMULATED_PLANS) {
    for (const member of state.ledgers[which].members.values()) {
      const row = rows.get(member.tier) ?? { key: null, name: null, candidate: 0, baseline: 0 };
      rows.set(member.tier, row);
      row[which] += 1;
    }
  }
  const noTier = rows.get(null);
  rows.delete(null);
  return [...(noTier ? [noTier] : []), ...rows.values()];
}

function segmentRows(state: SimulationState, input: FinishInput): SimulationResults["segments"] {
  const rate = Math.min(1, Math.max(0, input.redemptionRate));
  return input.segments.map((segment) => {
    const points = { candidate: 0, baseline: 0 };
    let members = 0;
    for (const [memberId, segmentIds] of state.memberSegments) {
      if (!segmentIds.includes(segment.id)) continue;
      members += 1;
      for (const which of SIMULATED_PLANS) points[which] += state.ledgers[which].members.get(memberId)?.points ?? 0;
    }
    const outcome = (issued: number): SegmentOutcome => {
      const cost = money(Math.round(issued * rate), input.pointValueMilli);
      return { pointsIssued: issued, expectedRedemptionCostMinor: cost, costPerMemberMinor: perMember(cost, members) };
    };
    return { segmentId: segment.id, name: segment.name, members, candidate: outcome(points.candidate), baseline: outcome(points.baseline) };
  });
}

/** The side-by-side figures of a finished replay. */
export function finishSimulation(state: SimulationState, input: FinishInput): SimulationResults {
  const members = state.memberSegments.size;
  const { candidate, baseline } = state.ledgers;
  const monthKeys = [...new Set([...candidate.months.keys(), ...baseline.months.keys()])].sort();
  return {
    assumptions: { redemptionRate: Math.min(1, Math.max(0, input.redemptionRate)), pointValueMilli: input.pointValueMilli, currency: input.currency, timeZone: state.config.timeZone },
    purchases: state.purchases,
    members,
    outcomes: {
      candidate: planOutcome(candidate.issued, candidate.expiringInWindow, members, input),
      baseline: planOutcome(baseline.issued, baseline.expiringInWindow, members, input),
    },
    months: monthKeys.map((month) => ({ month, candidate: candidate.months.get(month) ?? 0, baseline: baseline.months.get(month) ?? 0 })),
    tiers: tierRows(state),
    segments: segmentRows(state, input),
  };
}

/** Observed redemption rate from all-time totals: redeemed ÷ (issued − reversed), in [0, 1]; 0 when nothing was issued. */
export function observedRedemptionRate(p: { issued: number; reversed: number; redeemed: number }): number {
  const net = p.issued - p.reversed;
  return net > 0 ? Math.min(1, Math.max(0, p.redeemed / net)) : 0;
}

/** Whole-percent progress of a run: 100 only once its results are stored (the last page is not the end: results come after it). */
export function simulationProgress(p: { processed: number; total: number | null; status: string }): number {
  if (p.status === "completed") return 100;
  if (!p.total) return 0;
  return Math.min(99, Math.floor((p.processed / p.total) * 100));
}
