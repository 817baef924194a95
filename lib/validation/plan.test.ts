import { describe, expect, it } from "vitest";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { EarningRule } from "@/lib/domain/rules/types";
import { earningRuleSchema, planDefinitionSchema, planErrorKey, publishPlanSchema } from "./plan";

const rule = (patch: Partial<EarningRule> = {}): EarningRule => ({
  id: "weekend-music",
  name: { es: "Doble los fines de semana", en: "Double on weekends" },
  priority: 10,
  stacking: "combinable",
  conditions: { daysOfWeek: [0, 6], categories: ["music"] },
  effect: { kind: "multiplier", factor: 2 },
  active: true,
  ...patch,
});

const plan = (patch: (p: PlanDefinition) => void = () => undefined): PlanDefinition => {
  const p: PlanDefinition = { ...defaultPlan(), rules: [rule()], exclusions: { categories: ["gift-cards"] } };
  patch(p);
  return p;
};

/** Field path → message key of the first issue on it (the one the form shows). */
function errors(input: unknown, schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } } = planDefinitionSchema) {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error!.issues.toReversed().map((i) => [i.path.join("."), planErrorKey(i.message)]));
}

describe("planDefinitionSchema", () => {
  it("accepts the default plan and a plan with rules", () => {
    expect(planDefinitionSchema.safeParse(defaultPlan()).success).toBe(true);
    expect(planDefinitionSchema.safeParse(plan()).success).toBe(true);
  });

  it.each<[string, (p: PlanDefinition) => void, string, string]>([
    ["a zero base rate", (p) => (p.baseRate.points = 0), "baseRate.points", "rateNotPositive"],
    ["a negative base rate", (p) => (p.baseRate.points = -1), "baseRate.points", "rateNotPositive"],
    ["a zero amount per point", (p) => (p.baseRate.perMinor = 0), "baseRate.perMinor", "perAmountNotPositive"],
    ["a fractional amount", (p) => (p.baseRate.perMinor = 10.5), "baseRate.perMinor", "wholeNumber"],
    ["an unknown rounding", (p) => (p.baseRate.rounding = "up" as "floor"), "baseRate.rounding", "choice"],
    ["negative pending days", (p) => (p.pendingDays = -3), "pendingDays", "notNegative"],
    ["zero expiry months", (p) => (p.expiry = { kind: "rolling", months: 0 }), "expiry.months", "expiryMonths"],
    ["too many expiry months", (p) => (p.expiry = { kind: "inactivity", months: 500 }), "expiry.months", "expiryMonths"],
    ["an unknown expiry period", (p) => (p.expiry = { kind: "end_of_period", period: "week" as "year" }), "expiry.period", "choice"],
    ["no tiers", (p) => (p.tiers = []), "tiers", "tiersRequired"],
    ["a first tier above zero", (p) => (p.tiers[0]!.threshold = 10), "tiers.0.threshold", "tierFirstZero"],
    ["overlapping thresholds", (p) => (p.tiers[2]!.threshold = 500), "tiers.2.threshold", "tierThresholdOrder"],
    ["unsorted thresholds", (p) => (p.tiers[1]!.threshold = 2000), "tiers.2.threshold", "tierThresholdOrder"],
    ["duplicate tier keys", (p) => (p.tiers[2]!.key = "silver"), "tiers.2.key", "tierKeyDuplicate"],
    ["a zero tier multiplier", (p) => (p.tiers[1]!.earnMultiplier = 0), "tiers.1.earnMultiplier", "multiplierNotPositive"],
    ["an empty tier name", (p) => (p.tiers[1]!.name.en = " "), "tiers.1.name.en", "name"],
    ["a negative grace", (p) => (p.tierReview = { every: "month", graceMonths: -1 }), "tierReview.graceMonths", "notNegative"],
    ["a rule multiplier of zero", (p) => (p.rules![0]!.effect = { kind: "multiplier", factor: 0 }), "rules.0.effect.factor", "multiplierNotPositive"],
    ["a rule multiplier of one", (p) => (p.rules![0]!.effect = { kind: "multiplier", factor: 1 }), "rules.0.effect.factor", "ruleMultiplierTooSmall"],
    ["a negative bonus", (p) => (p.rules![0]!.effect = { kind: "fixed_bonus", points: -5 }), "rules.0.effect.points", "bonusNotPositive"],
    ["a cap below zero", (p) => (p.rules![0]!.caps = { perMemberPerDay: -1 }), "rules.0.caps.perMemberPerDay", "capNegative"],
    ["a negative budget", (p) => (p.rules![0]!.caps = { budget: -100 }), "rules.0.caps.budget", "capNegative"],
    ["an end before the start", (p) => (p.rules![0]!.conditions.dateRange = { from: "2026-12-31", to: "2026-12-01" }), "rules.0.conditions.dateRange.to", "dateRangeOrder"],
    ["an impossible date", (p) => (p.rules![0]!.conditions.dateRange = { from: "2026-02-30" }), "rules.0.conditions.dateRange.from", "dateFormat"],
    ["malformed hours", (p) => (p.rules![0]!.conditions.hours = { from: "25:00", to: "26:00" }), "rules.0.conditions.hours.from", "hoursFormat"],
    ["an empty hour window", (p) => (p.rules![0]!.conditions.hours = { from: "10:00", to: "10:00" }), "rules.0.conditions.hours.to", "hoursEmpty"],
    ["a weekday of 7", (p) => (p.rules![0]!.conditions.daysOfWeek = [7]), "rules.0.conditions.daysOfWeek.0", "weekday"],
    ["an unknown channel", (p) => (p.rules![0]!.conditions.channels = ["fax" as "pos"]), "rules.0.conditions.channels.0", "channelUnknown"],
    ["a negative minimum ticket", (p) => (p.rules![0]!.conditions.minTicketMinor = -1), "rules.0.conditions.minTicketMinor", "notNegative"],
    ["an unknown tier in a rule", (p) => (p.rules![0]!.conditions.tiers = ["platinum"]), "rules.0.conditions.tiers", "ruleTierUnknown"],
    ["duplicate rule ids", (p) => p.rules!.push(rule()), "rules.1.id", "ruleIdDuplicate"],
    ["negative rule pending days", (p) => (p.rules![0]!.pendingDays = -1), "rules.0.pendingDays", "notNegative"],
    ["a bad category code", (p) => (p.exclusions = { categories: ["gift cards!"] }), "exclusions.categories.0", "code"],
  ])("refuses %s", (_, patch, path, key) => {
    expect(errors(plan(patch))).toMatchObject({ [path]: key });
  });

  it("refuses unknown fields (the API rejects what it does not know)", () => {
    expect(errors({ ...plan(), bonusTrack: true })).toHaveProperty("", "invalid");
  });

  it("accepts the expiry kinds of the issue", () => {
    for (const expiry of [{ kind: "end_of_period", period: "quarter" }, { kind: "inactivity", months: 18 }, { kind: "none" }] as const) {
      expect(planDefinitionSchema.safeParse(plan((p) => (p.expiry = expiry))).success).toBe(true);
    }
  });

  it("accepts a window that crosses midnight and a one-day date range", () => {
    const r = rule({ conditions: { hours: { from: "22:00", to: "02:00" }, dateRange: { from: "2026-12-24", to: "2026-12-24" } } });
    expect(earningRuleSchema.safeParse(r).success).toBe(true);
  });

  it("allows a zero cap (a paused budget) but no negative one", () => {
    expect(earningRuleSchema.safeParse(rule({ caps: { budget: 0 } })).success).toBe(true);
    expect(errors(rule({ caps: { perTransaction: -1 } }), earningRuleSchema)).toMatchObject({ "caps.perTransaction": "capNegative" });
  });
});

describe("publishPlanSchema", () => {
  it("turns an empty pilot into none", () => {
    const programId = "0b6a4c4e-4b8e-4d53-9a57-6b8f4d1f0c11";
    expect(publishPlanSchema.parse({ programId, draftId: programId, pilot: { storeIds: [], segmentIds: [] } }).pilot).toBeNull();
    expect(publishPlanSchema.parse({ programId, draftId: programId, pilot: { storeIds: [programId] } }).pilot).toEqual({ storeIds: [programId] });
  });
});
