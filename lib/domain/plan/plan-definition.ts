import type { LocalizedText } from "@/lib/localized-text";
import type { EventRule } from "@/lib/domain/rules/event-rules";
import type { EarningRule, EnginePlan, Exclusions } from "@/lib/domain/rules/types";

export type Rounding = "floor" | "round" | "ceil";

/**
 * When tiers are reviewed for downgrades (upgrades happen at once, on the
 * qualifying purchase). Review dates are the first day of each month
 * (`every: "month"`) or January 1st (`every: "year"`), at midnight in the
 * program's time zone (the calendar-year window follows the same local calendar). A member
 * who reached their tier less than `graceMonths` before a review keeps it until
 * the next one.
 */
export type TierReview = { every: "month" | "year"; graceMonths: number };

/**
 * When earned points expire: `rolling` = N months after they were earned;
 * `end_of_period` = at the end of the calendar year/quarter after the one they were earned in
 * (program's time zone; earned in 2026 → expire when 2027 ends; see lib/domain/ledger/expiry-policy.ts);
 * `inactivity` = the whole balance after N months without activity; `none` = never.
 */
export type ExpiryPolicy =
  | { kind: "rolling"; months: number }
  | { kind: "end_of_period"; period: "year" | "quarter" }
  | { kind: "inactivity"; months: number }
  | { kind: "none" };

export type TierDefinition = {
  key: string;
  name: LocalizedText;
  /** Points (or spend in minor units) over the qualification window needed to reach the tier. */
  threshold: number;
  earnMultiplier: number;
};

/**
 * The document a plan version stores. The plan designer (rules engine issue)
 * extends it with earning rules; the base rate, tiers and lifecycle are here
 * from the start because every purchase needs them.
 */
export type PlanDefinition = {
  /** `points` points for every `perMinor` minor units of currency spent. */
  baseRate: { points: number; perMinor: number; rounding: Rounding };
  /** Days earned points stay pending (the return window); 0 = available at once. */
  pendingDays: number;
  expiry: ExpiryPolicy;
  /**
   * What climbs the ladder: points earned, or spend (purchase amounts net of
   * refunds, minor units) over the window; tier thresholds are in that unit.
   */
  tierQualification: { metric: "points" | "spend"; window: "rolling_12_months" | "calendar_year" };
  tiers: TierDefinition[];
  /** Downgrade reviews; absent = `DEFAULT_TIER_REVIEW` (yearly on January 1st, no grace). */
  tierReview?: TierReview;
  /** Earning rules on top of the base rate (the plan designer edits these). */
  rules?: EarningRule[];
  /** Earning rules for custom events the API reports (`quiz.completed` → 50 points, once per quiz). */
  eventRules?: EventRule[];
  /** Lines that never earn (gift cards, taxes…). */
  exclusions?: Exclusions;
};

export const DEFAULT_TIER_REVIEW: TierReview = { every: "year", graceMonths: 0 };

/** What the rules engine needs of a plan. */
export function toEnginePlan(plan: PlanDefinition): EnginePlan {
  return {
    baseRate: plan.baseRate,
    pendingDays: plan.pendingDays,
    exclusions: plan.exclusions ?? {},
    rules: plan.rules ?? [],
    tierMultipliers: Object.fromEntries(plan.tiers.map((t) => [t.key, t.earnMultiplier])),
  };
}

export function defaultPlan(): PlanDefinition {
  return {
    baseRate: { points: 1, perMinor: 100, rounding: "floor" },
    pendingDays: 0,
    expiry: { kind: "rolling", months: 12 },
    tierQualification: { metric: "points", window: "rolling_12_months" },
    tiers: [
      { key: "bronze", name: { es: "Bronce", en: "Bronze" }, threshold: 0, earnMultiplier: 1 },
      { key: "silver", name: { es: "Plata", en: "Silver" }, threshold: 500, earnMultiplier: 1.25 },
      { key: "gold", name: { es: "Oro", en: "Gold" }, threshold: 1500, earnMultiplier: 1.5 },
    ],
  };
}
