import { basePoints } from "@/lib/domain/plan/base-points";
import { failedCondition, lineMatches, missText } from "./conditions";
import { distribute } from "./distribute";
import { localTime } from "./local-time";
import type { EarningRule, EnginePlan, Evaluation, LineOutcome, PurchaseContext, RuleCaps, RuleMiss, RuleOutcome } from "./types";

const ROUND = { floor: Math.floor, round: Math.round, ceil: Math.ceil } as const;

/** Float noise (4.9999999) must not cost a point. */
function roundPoints(exact: number, mode: keyof typeof ROUND): number {
  const snapped = Math.abs(exact - Math.round(exact)) < 1e-9 ? Math.round(exact) : exact;
  return Math.max(0, ROUND[mode](snapped));
}

export function lineAmountMinor(line: { quantity: number; unitPriceMinor: number }): number {
  return Math.max(0, Math.round(line.quantity * line.unitPriceMinor));
}

function isExcluded(plan: EnginePlan, line: PurchaseContext["lines"][number]): boolean {
  const { skus, categories } = plan.exclusions;
  return Boolean((line.sku && skus?.includes(line.sku)) || line.categoryPath.some((code) => categories?.includes(code)));
}

function missed(ruleId: string, miss: RuleMiss): RuleOutcome {
  return { ruleId, fired: false, points: 0, reason: missText(miss), miss };
}

/** The tightest cap left for a rule, and which one it is. */
function capRoom(rule: EarningRule, purchase: PurchaseContext): { room: number; by?: keyof RuleCaps } {
  const caps = rule.caps ?? {};
  const candidates: [keyof RuleCaps, number | undefined][] = [
    ["perTransaction", caps.perTransaction],
    ["perMemberPerDay", caps.perMemberPerDay === undefined ? undefined : caps.perMemberPerDay - (purchase.usage.memberDay[rule.id] ?? 0)],
    ["perMemberPerMonth", caps.perMemberPerMonth === undefined ? undefined : caps.perMemberPerMonth - (purchase.usage.memberMonth[rule.id] ?? 0)],
    ["budget", caps.budget === undefined ? undefined : caps.budget - (purchase.usage.budget[rule.id] ?? 0)],
  ];
  let best: { room: number; by?: keyof RuleCaps } = { room: Number.POSITIVE_INFINITY };
  for (const [by, room] of candidates) if (room !== undefined && room < best.room) best = { room: Math.max(0, room), by };
  return best;
}

/** Extra points a rule gives, before caps, split over the lines it covers (fixed bonuses belong to no line). */
function ruleExtra(rule: EarningRule, plan: EnginePlan, purchase: PurchaseContext, base: number[], matching: boolean[]): { total: number; perLine: number[] } {
  const effect = rule.effect;
  if (effect.kind === "fixed_bonus") return { total: Math.max(0, Math.floor(effect.points)), perLine: base.map(() => 0) };
  const weights =
    effect.kind === "multiplier"
      ? base.map((b, i) => (matching[i] ? b : 0))
      : purchase.lines.map((l, i) => (matching[i] ? Math.max(0, l.quantity) : 0));
  const exact = effect.kind === "multiplier" ? weights.reduce((s, w) => s + w, 0) * Math.max(0, effect.factor - 1) : Math.floor(weights.reduce((s, w) => s + w, 0)) * Math.max(0, effect.points);
  const total = roundPoints(exact, plan.baseRate.rounding);
  return { total, perLine: distribute(total, weights) };
}

/**
 * Points for one purchase under a plan, with the reason for every rule.
 * Base points come from the eligible amount (exclusions removed) times the
 * member's tier multiplier, split over lines; then active rules run by
 * priority: each adds its effect on the lines it covers, trimmed by its caps;
 * an exclusive rule that fires ends the run. Pure and deterministic.
 */
export function evaluatePurchase(plan: EnginePlan, purchase: PurchaseContext): Evaluation {
  const amounts = purchase.lines.map(lineAmountMinor);
  const eligible = purchase.lines.map((l) => !isExcluded(plan, l));
  const eligibleAmountMinor = amounts.reduce((s, a, i) => s + (eligible[i] ? a : 0), 0);
  const tierMultiplier = (purchase.member.tier && plan.tierMultipliers[purchase.member.tier]) || 1;
  const totalBase = basePoints(eligibleAmountMinor, plan.baseRate, tierMultiplier);
  const base = distribute(totalBase, amounts.map((a, i) => (eligible[i] ? a : 0)));
  const bonus = base.map(() => 0);

  // Once per purchase: time-zone conversion is the costliest step of a condition check.
  const local = localTime(purchase.occurredAt, purchase.timeZone);
  const rules: RuleOutcome[] = [];
  let fixedBonus = 0;
  let pendingDays = plan.pendingDays;
  // Points of rules with a return window of their own, by days (the rest follow the plan's).
  const ownPending = new Map<number, number>();
  let stoppedBy: string | null = null;
  const ordered = plan.rules.filter((r) => r.active).sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const rule of ordered) {
    if (stoppedBy) {
      rules.push(missed(rule.id, { code: "exclusive", ruleId: stoppedBy }));
      continue;
    }
    const failed = failedCondition(rule, purchase, local, eligibleAmountMinor);
    if (failed) {
      rules.push(missed(rule.id, failed));
      continue;
    }
    const matching = purchase.lines.map((l, i) => eligible[i]! && lineMatches(rule, l));
    if (!matching.some(Boolean)) {
      rules.push(missed(rule.id, { code: "no_line" }));
      continue;
    }
    const extra = ruleExtra(rule, plan, purchase, base, matching);
    const { room, by } = capRoom(rule, purchase);
    const points = Math.min(extra.total, room);
    const perLine = points === extra.total ? extra.perLine : distribute(points, extra.perLine);
    perLine.forEach((p, i) => (bonus[i]! += p));
    if (rule.effect.kind === "fixed_bonus") fixedBonus += points;
    rules.push({ ruleId: rule.id, fired: true, points, ...(points < extra.total && by ? { cappedBy: by, uncappedPoints: extra.total, reason: missText({ code: "capped", cap: by }), miss: { code: "capped", cap: by } as const } : {}) });
    if (rule.pendingDays !== undefined) {
      pendingDays = Math.max(pendingDays, rule.pendingDays);
      ownPending.set(rule.pendingDays, (ownPending.get(rule.pendingDays) ?? 0) + points);
    }
    if (rule.stacking === "exclusive") stoppedBy = rule.id;
  }

  const lines: LineOutcome[] = purchase.lines.map((_, i) => ({ line: i + 1, eligible: eligible[i]!, basePoints: base[i]!, bonusPoints: bonus[i]!, points: base[i]! + bonus[i]! }));
  const points = lines.reduce((s, l) => s + l.points, 0) + fixedBonus;
  return { points, basePoints: totalBase, tierMultiplier, lines, rules, pendingDays, pendingParts: pendingParts(points, plan.pendingDays, ownPending), eligibleAmountMinor };
}

/** `points` split into the rules' own return windows and the plan's (the remainder), merged by days, shortest first. */
function pendingParts(points: number, planDays: number, own: Map<number, number>): { days: number; points: number }[] {
  const parts = new Map<number, number>();
  let rest = points;
  for (const [days, p] of own) {
    parts.set(days, (parts.get(days) ?? 0) + p);
    rest -= p;
  }
  parts.set(planDays, (parts.get(planDays) ?? 0) + rest);
  return [...parts].filter(([, p]) => p > 0).sort(([a], [b]) => a - b).map(([days, p]) => ({ days, points: p }));
}
