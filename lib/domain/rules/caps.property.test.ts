import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePurchase } from "./evaluate";
import { localTime } from "./local-time";
import type { EarningRule, EnginePlan, RuleCaps } from "./types";

/**
 * Caps over time: a member's daily and monthly caps and a rule's program-wide
 * budget hold over any sequence of purchases, when each purchase is evaluated
 * with the usage the earlier ones left — the way recordPurchase reads and
 * then adds rule usage (per member and local day; months are the local days'
 * months; the budget program-wide).
 */
const TIME_ZONE = "America/Mexico_City";
const START = Date.parse("2026-01-28T00:00:00Z");
const HOUR = 3_600_000;

const capsArb: fc.Arbitrary<RuleCaps> = fc.record(
  {
    perTransaction: fc.integer({ min: 0, max: 400 }),
    perMemberPerDay: fc.integer({ min: 0, max: 300 }),
    perMemberPerMonth: fc.integer({ min: 0, max: 1_500 }),
    budget: fc.integer({ min: 0, max: 5_000 }),
  },
  { requiredKeys: [] },
);

const ruleArb = (id: string): fc.Arbitrary<EarningRule> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant({ es: id, en: id }),
    priority: fc.integer({ min: 0, max: 3 }),
    stacking: fc.constantFrom("combinable" as const, "exclusive" as const),
    conditions: fc.constantFrom({}, { categories: ["music"] }, { categories: ["books"] }),
    effect: fc.oneof(
      fc.record({ kind: fc.constant("multiplier" as const), factor: fc.integer({ min: 2, max: 5 }) }),
      fc.record({ kind: fc.constant("fixed_bonus" as const), points: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ kind: fc.constant("points_per_unit" as const), points: fc.integer({ min: 1, max: 50 }) }),
    ),
    caps: capsArb,
    active: fc.constant(true),
  });

const purchaseArb = fc.record({
  member: fc.constantFrom("ana", "beto", "carla"),
  // Within about two months, so purchases share days and months and cross a month's end.
  hoursAfterStart: fc.integer({ min: 0, max: 24 * 60 }),
  lines: fc.array(
    fc.record({ categoryPath: fc.constantFrom<string[]>(["music", "rock"], ["books"], []), quantity: fc.integer({ min: 1, max: 4 }), unitPriceMinor: fc.integer({ min: 0, max: 60_000 }) }),
    { minLength: 1, maxLength: 5 },
  ),
});

type Usage = { byDay: Map<string, number>; byMonth: Map<string, number>; budget: Map<string, number> };

const add = (map: Map<string, number>, key: string, points: number) => map.set(key, (map.get(key) ?? 0) + points);

/** The usage maps the engine reads for one member, day and month. */
function usageFor(usage: Usage, rules: EarningRule[], member: string, day: string, month: string) {
  const pick = (map: Map<string, number>, scope: string) => Object.fromEntries(rules.map((r) => [r.id, map.get(`${member}|${r.id}|${scope}`) ?? 0]));
  return { memberDay: pick(usage.byDay, day), memberMonth: pick(usage.byMonth, month), budget: Object.fromEntries(rules.map((r) => [r.id, usage.budget.get(r.id) ?? 0])) };
}

describe("caps and budgets over purchase sequences", () => {
  it("never lets a member's daily or monthly points of a rule, or the rule's program-wide total, pass its cap", () => {
    fc.assert(
      fc.property(fc.tuple(ruleArb("a"), ruleArb("b"), ruleArb("c")), fc.array(purchaseArb, { minLength: 1, maxLength: 40 }), (rules, purchases) => {
        const plan: EnginePlan = { baseRate: { points: 1, perMinor: 100, rounding: "floor" }, pendingDays: 0, exclusions: {}, rules, tierMultipliers: {} };
        const usage: Usage = { byDay: new Map(), byMonth: new Map(), budget: new Map() };
        // In time order, as purchases arrive.
        for (const p of [...purchases].sort((x, y) => x.hoursAfterStart - y.hoursAfterStart)) {
          const occurredAt = new Date(START + p.hoursAfterStart * HOUR);
          const local = localTime(occurredAt, TIME_ZONE);
          const result = evaluatePurchase(plan, {
            lines: p.lines,
            channel: "pos",
            occurredAt,
            timeZone: TIME_ZONE,
            member: { tier: null, segmentIds: [], isFirstPurchase: false },
            usage: usageFor(usage, rules, p.member, local.date, local.month),
          });
          for (const outcome of result.rules) {
            expect(Number.isInteger(outcome.points) && outcome.points >= 0).toBe(true);
            if (!outcome.fired || outcome.points === 0) continue;
            const cap = rules.find((r) => r.id === outcome.ruleId)!.caps ?? {};
            if (cap.perTransaction !== undefined) expect(outcome.points).toBeLessThanOrEqual(cap.perTransaction);
            add(usage.byDay, `${p.member}|${outcome.ruleId}|${local.date}`, outcome.points);
            add(usage.byMonth, `${p.member}|${outcome.ruleId}|${local.month}`, outcome.points);
            add(usage.budget, outcome.ruleId, outcome.points);
          }
        }
        for (const rule of rules) {
          const caps = rule.caps ?? {};
          const totals = (map: Map<string, number>) => [...map].filter(([key]) => key.split("|")[1] === rule.id).map(([, points]) => points);
          if (caps.perMemberPerDay !== undefined) for (const points of totals(usage.byDay)) expect(points).toBeLessThanOrEqual(caps.perMemberPerDay);
          if (caps.perMemberPerMonth !== undefined) for (const points of totals(usage.byMonth)) expect(points).toBeLessThanOrEqual(caps.perMemberPerMonth);
          if (caps.budget !== undefined) expect(usage.budget.get(rule.id) ?? 0).toBeLessThanOrEqual(caps.budget);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("spends a budget to the last point and no further, across members", () => {
    const rule: EarningRule = { id: "launch", name: { es: "Lanzamiento", en: "Launch" }, priority: 1, stacking: "combinable", conditions: {}, effect: { kind: "fixed_bonus", points: 40 }, caps: { budget: 100 }, active: true };
    const plan: EnginePlan = { baseRate: { points: 1, perMinor: 100, rounding: "floor" }, pendingDays: 0, exclusions: {}, rules: [rule], tierMultipliers: {} };
    let spent = 0;
    const given = ["ana", "beto", "carla", "ana"].map(() => {
      const result = evaluatePurchase(plan, {
        lines: [{ categoryPath: [], quantity: 1, unitPriceMinor: 1_000 }],
        channel: "pos",
        occurredAt: new Date(START),
        timeZone: TIME_ZONE,
        member: { tier: null, segmentIds: [], isFirstPurchase: false },
        usage: { memberDay: {}, memberMonth: {}, budget: { launch: spent } },
      });
      const points = result.rules[0]!.points;
      spent += points;
      return points;
    });
    expect(given).toEqual([40, 40, 20, 0]);
  });
});
