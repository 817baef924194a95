import type { LocalizedText } from "@/lib/localized-text";
import type { Rounding } from "@/lib/domain/plan/plan-definition";

export type Channel = "pos" | "ecommerce" | "app";

export type RuleConditions = {
  channels?: Channel[];
  storeIds?: string[];
  /** Category codes at any level of the hierarchy (department, category or subcategory). */
  categories?: string[];
  skus?: string[];
  /** 0 = Sunday … 6 = Saturday, in the program's time zone. */
  daysOfWeek?: number[];
  /** Local clock window, "HH:MM"–"HH:MM" (may cross midnight). */
  hours?: { from: string; to: string };
  /** Inclusive local dates, YYYY-MM-DD. */
  dateRange?: { from?: string; to?: string };
  tiers?: string[];
  segmentIds?: string[];
  minTicketMinor?: number;
  firstPurchase?: boolean;
};

export type RuleEffect =
  /** Multiplies the base points of the matching lines (2 = double points). */
  | { kind: "multiplier"; factor: number }
  /** A fixed number of points once per purchase. */
  | { kind: "fixed_bonus"; points: number }
  /** Points for every unit of the matching lines. */
  | { kind: "points_per_unit"; points: number };

export type RuleCaps = {
  perTransaction?: number;
  perMemberPerDay?: number;
  perMemberPerMonth?: number;
  /** Program-wide points this rule may ever issue. */
  budget?: number;
};

export type EarningRule = {
  id: string;
  name: LocalizedText;
  /** Lower runs first. */
  priority: number;
  /** An exclusive rule that fires is the last one applied; combinable rules add up. */
  stacking: "combinable" | "exclusive";
  conditions: RuleConditions;
  effect: RuleEffect;
  caps?: RuleCaps;
  /** Days the points this rule gives stay pending (return window); overrides the plan's. */
  pendingDays?: number;
  active: boolean;
};

export type Exclusions = { categories?: string[]; skus?: string[] };

/** What the engine needs of a plan version. */
export type EnginePlan = {
  baseRate: { points: number; perMinor: number; rounding: Rounding };
  pendingDays: number;
  exclusions: Exclusions;
  rules: EarningRule[];
  tierMultipliers: Record<string, number>;
};

export type BasketLine = {
  sku?: string;
  /** Category codes from the department down (["music", "rock", "vinyl"]). */
  categoryPath: string[];
  quantity: number;
  unitPriceMinor: number;
};

export type PurchaseContext = {
  lines: BasketLine[];
  channel: Channel;
  storeId?: string;
  occurredAt: Date;
  timeZone: string;
  member: { tier?: string | null; segmentIds: string[]; isFirstPurchase: boolean };
  /** Points each rule already gave: this member today / this month, and program-wide. */
  usage: { memberDay: Record<string, number>; memberMonth: Record<string, number>; budget: Record<string, number> };
};

/** Why a rule did not fire or was trimmed, as data (the UI words it in each language). */
export type RuleMiss =
  | { code: "channel"; channel: Channel; allowed: Channel[] }
  | { code: "store" }
  | { code: "before"; date: string }
  | { code: "after"; date: string }
  | { code: "day"; weekday: number }
  | { code: "hours"; from: string; to: string }
  | { code: "tier"; tier: string | null }
  | { code: "segment" }
  | { code: "min_ticket"; minTicketMinor: number }
  | { code: "first_purchase" }
  | { code: "no_line" }
  | { code: "exclusive"; ruleId: string }
  | { code: "capped"; cap: keyof RuleCaps };

export type RuleOutcome = {
  ruleId: string;
  fired: boolean;
  points: number;
  /** Why a rule did not fire, or which cap trimmed it (English, for logs and the API). */
  reason?: string;
  miss?: RuleMiss;
  cappedBy?: keyof RuleCaps;
  uncappedPoints?: number;
};

export type LineOutcome = { line: number; eligible: boolean; basePoints: number; bonusPoints: number; points: number };

export type Evaluation = {
  points: number;
  basePoints: number;
  tierMultiplier: number;
  lines: LineOutcome[];
  rules: RuleOutcome[];
  /** The longest return window any of these points wait through (the plan's, or a fired rule's own). */
  pendingDays: number;
  /**
   * The points split by return window, shortest first, only non-empty parts:
   * a fired rule with its own `pendingDays` keeps its points pending that long;
   * the base points and every other rule's follow the plan's `pendingDays`.
   * Adds up to `points`.
   */
  pendingParts: { days: number; points: number }[];
  eligibleAmountMinor: number;
};
