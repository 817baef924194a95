import { lotExpiry } from "@/lib/domain/ledger/expiry-policy";
import type { PlanDefinition, Rounding, TierDefinition } from "./plan-definition";

const ROUND: Record<Rounding, (n: number) => number> = { floor: Math.floor, round: Math.round, ceil: Math.ceil };

/**
 * Points the base rate gives for an amount. Integer arithmetic first (points ×
 * amount) so that 0.1-style float errors never cost a member a point.
 */
export function basePoints(amountMinor: number, rate: PlanDefinition["baseRate"], multiplier = 1): number {
  if (amountMinor <= 0) return 0;
  const exact = (amountMinor * rate.points * multiplier) / rate.perMinor;
  // Tolerate float noise such as 4.999999999 from a 1.25 multiplier.
  const snapped = Math.abs(exact - Math.round(exact)) < 1e-9 ? Math.round(exact) : exact;
  return Math.max(0, ROUND[rate.rounding](snapped));
}

/** The highest tier whose threshold the qualifying total reaches (tiers sorted by threshold). */
export function tierFor(tiers: readonly TierDefinition[], qualifying: number): TierDefinition | undefined {
  let reached: TierDefinition | undefined;
  for (const tier of [...tiers].sort((a, b) => a.threshold - b.threshold)) if (qualifying >= tier.threshold) reached = tier;
  return reached;
}

/** Adds whole calendar months in UTC, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/** When a lot earned at `earnedAt` expires under the plan's policy, on the program's calendar (see lib/domain/ledger/expiry-policy.ts). */
export function expiryFor(plan: PlanDefinition, earnedAt: Date, timeZone: string): Date | null {
  return lotExpiry(plan.expiry, earnedAt, timeZone);
}

export function pendingUntilFor(plan: PlanDefinition, earnedAt: Date): Date | null {
  return plan.pendingDays > 0 ? new Date(earnedAt.getTime() + plan.pendingDays * 86_400_000) : null;
}
