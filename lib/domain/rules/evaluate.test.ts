import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePurchase } from "./evaluate";
import type { EarningRule, EnginePlan, PurchaseContext } from "./types";

const plan = (rules: EarningRule[] = [], patch: Partial<EnginePlan> = {}): EnginePlan => ({
  baseRate: { points: 1, perMinor: 100, rounding: "floor" },
  pendingDays: 0,
  exclusions: { categories: ["gift-cards"], skus: ["TAX"] },
  rules,
  tierMultipliers: { gold: 1.5 },
  ...patch,
});

const rule = (id: string, patch: Partial<EarningRule>): EarningRule => ({
  id,
  name: { es: id, en: id },
  priority: 10,
  stacking: "combinable",
  conditions: {},
  effect: { kind: "multiplier", factor: 2 },
  active: true,
  ...patch,
});

// 2026-11-21 is a Saturday; 18:00 UTC is 12:00 in Mexico City.
const SATURDAY = new Date("2026-11-21T18:00:00Z");
const MONDAY = new Date("2026-11-23T18:00:00Z");

const purchase = (patch: Partial<PurchaseContext> = {}): PurchaseContext => ({
  lines: [
    { sku: "CD-1", categoryPath: ["music", "rock"], quantity: 2, unitPriceMinor: 1500 },
    { sku: "BOOK-1", categoryPath: ["books"], quantity: 1, unitPriceMinor: 2000 },
  ],
  channel: "pos",
  storeId: "s1",
  occurredAt: SATURDAY,
  timeZone: "America/Mexico_City",
  member: { tier: "bronze", segmentIds: [], isFirstPurchase: false },
  usage: { memberDay: {}, memberMonth: {}, budget: {} },
  ...patch,
});

const weekendRock = rule("weekend-rock", { conditions: { daysOfWeek: [0, 6], categories: ["rock"] } });

describe("evaluatePurchase", () => {
  it("gives base points per currency unit, split over the lines", () => {
    const result = evaluatePurchase(plan(), purchase());
    expect(result.points).toBe(50);
    expect(result.lines.map((l) => l.basePoints)).toEqual([30, 20]);
  });

  it.each([
    ["on a Saturday in the category", purchase(), 80, true],
    ["on a Monday", purchase({ occurredAt: MONDAY }), 50, false],
    ["on Saturday outside the category", purchase({ lines: [{ sku: "BOOK-1", categoryPath: ["books"], quantity: 1, unitPriceMinor: 2000 }] }), 20, false],
  ])("doubles points on weekends for a category: %s", (_, p, points, fired) => {
    const result = evaluatePurchase(plan([weekendRock]), p);
    expect(result.points).toBe(points);
    expect(result.rules[0]!.fired).toBe(fired);
  });

  it("uses the program's clock: Saturday 23:30 in Mexico City is already Sunday in UTC", () => {
    const saturdayOnly = rule("sat", { conditions: { daysOfWeek: [6] } });
    expect(evaluatePurchase(plan([saturdayOnly]), purchase({ occurredAt: new Date("2026-11-22T05:30:00Z") })).rules[0]).toMatchObject({ fired: true });
  });

  it("explains why a rule did not fire", () => {
    const result = evaluatePurchase(plan([rule("app-only", { conditions: { channels: ["app"] } }), rule("gold", { conditions: { tiers: ["gold"] } })]), purchase());
    expect(result.rules).toEqual([
      { ruleId: "app-only", fired: false, points: 0, reason: "channel pos is not app", miss: { code: "channel", channel: "pos", allowed: ["app"] } },
      { ruleId: "gold", fired: false, points: 0, reason: "tier bronze not included", miss: { code: "tier", tier: "bronze" } },
    ]);
  });

  it("leaves excluded lines (gift cards, taxes) without points, even for rules", () => {
    const result = evaluatePurchase(plan([rule("all", {})]), purchase({ lines: [{ sku: "GC-50", categoryPath: ["gift-cards"], quantity: 1, unitPriceMinor: 5000 }, { sku: "TAX", categoryPath: [], quantity: 1, unitPriceMinor: 800 }] }));
    expect(result.points).toBe(0);
    expect(result.lines.every((l) => !l.eligible)).toBe(true);
  });

  it("applies the tier multiplier to base points", () => {
    expect(evaluatePurchase(plan(), purchase({ member: { tier: "gold", segmentIds: [], isFirstPurchase: false } })).points).toBe(75);
  });

  it("adds fixed bonuses and points per unit", () => {
    const result = evaluatePurchase(
      plan([rule("welcome", { effect: { kind: "fixed_bonus", points: 100 }, conditions: { firstPurchase: true } }), rule("per-cd", { effect: { kind: "points_per_unit", points: 5 }, conditions: { skus: ["CD-1"] } })]),
      purchase({ member: { tier: null, segmentIds: [], isFirstPurchase: true } }),
    );
    expect(result.points).toBe(50 + 100 + 10);
    expect(result.lines[0]).toMatchObject({ basePoints: 30, bonusPoints: 10 });
  });

  it("stops at an exclusive rule", () => {
    const result = evaluatePurchase(plan([rule("first", { priority: 1, stacking: "exclusive" }), rule("second", { priority: 2 })]), purchase());
    expect(result.points).toBe(100);
    expect(result.rules[1]).toMatchObject({ fired: false, reason: "exclusive rule first already applied" });
  });

  it.each([
    ["per transaction", { perTransaction: 10 }, {}, 10],
    ["per member per day", { perMemberPerDay: 40 }, { memberDay: { r: 35 } }, 5],
    ["per member per month", { perMemberPerMonth: 100 }, { memberMonth: { r: 100 } }, 0],
    ["program budget", { budget: 1000 }, { budget: { r: 990 } }, 10],
  ])("trims a rule to its cap: %s", (_, caps, usage, bonus) => {
    const result = evaluatePurchase(plan([rule("r", { caps })]), purchase({ usage: { memberDay: {}, memberMonth: {}, budget: {}, ...usage } }));
    expect(result.points).toBe(50 + bonus);
    expect(result.rules[0]).toMatchObject({ fired: true, points: bonus, uncappedPoints: 50 });
  });

  it("checks minimum ticket, hours crossing midnight, stores and date ranges", () => {
    const night = rule("night", { conditions: { hours: { from: "22:00", to: "02:00" } } });
    expect(evaluatePurchase(plan([night]), purchase({ occurredAt: new Date("2026-11-21T06:30:00Z") })).rules[0]!.fired).toBe(true);
    expect(evaluatePurchase(plan([night]), purchase()).rules[0]!.fired).toBe(false);
    expect(evaluatePurchase(plan([rule("big", { conditions: { minTicketMinor: 6000 } })]), purchase()).rules[0]!.reason).toMatch(/minimum/);
    expect(evaluatePurchase(plan([rule("s2", { conditions: { storeIds: ["s2"] } })]), purchase()).rules[0]!.fired).toBe(false);
    expect(evaluatePurchase(plan([rule("nov", { conditions: { dateRange: { from: "2026-11-01", to: "2026-11-30" } } })]), purchase()).rules[0]!.fired).toBe(true);
    expect(evaluatePurchase(plan([rule("dec", { conditions: { dateRange: { from: "2026-12-01" } } })]), purchase()).rules[0]!.fired).toBe(false);
  });

  it("ignores inactive rules", () => {
    expect(evaluatePurchase(plan([rule("off", { active: false })]), purchase()).points).toBe(50);
  });
});

const lineArb = fc.record({
  sku: fc.constantFrom("CD-1", "CD-2", "BOOK-1", "GC-50", "TAX"),
  categoryPath: fc.constantFrom<string[]>(["music", "rock"], ["music", "jazz"], ["books"], ["gift-cards"], []),
  quantity: fc.integer({ min: 1, max: 5 }),
  unitPriceMinor: fc.integer({ min: 0, max: 100_000 }),
});
const ruleArb = fc.record({
  id: fc.constantFrom("a", "b", "c", "d"),
  priority: fc.integer({ min: 0, max: 5 }),
  stacking: fc.constantFrom("combinable" as const, "exclusive" as const),
  factor: fc.integer({ min: 1, max: 5 }),
  cap: fc.option(fc.integer({ min: 0, max: 500 })),
  categories: fc.option(fc.constantFrom<string[]>(["rock"], ["music"], ["books"])),
});
type GeneratedRule = typeof ruleArb extends fc.Arbitrary<infer T> ? T : never;
const toRule = (r: GeneratedRule) =>
  rule(r.id, { priority: r.priority, stacking: r.stacking, effect: { kind: "multiplier", factor: r.factor }, caps: r.cap === null ? undefined : { perTransaction: r.cap }, conditions: r.categories ? { categories: r.categories } : {} });

describe("evaluatePurchase properties", () => {
  it("gives non-negative integers that add up, deterministically, within caps", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 20 }), fc.uniqueArray(ruleArb, { maxLength: 4, selector: (r) => r.id }), (lines, rules) => {
        const p = plan(rules.map(toRule));
        const result = evaluatePurchase(p, purchase({ lines }));
        expect(Number.isInteger(result.points) && result.points >= 0).toBe(true);
        expect(result.lines.reduce((s, l) => s + l.points, 0)).toBe(result.points);
        for (const l of result.lines) expect(l.points).toBeGreaterThanOrEqual(0);
        for (const o of result.rules) {
          const cap = p.rules.find((r) => r.id === o.ruleId && o.fired)?.caps?.perTransaction;
          if (cap !== undefined) expect(o.points).toBeLessThanOrEqual(cap);
        }
        expect(evaluatePurchase(p, purchase({ lines }))).toEqual(result);
      }),
    );
  });

  it("never gives fewer points for a bigger amount under a multiplier rule", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 10 }), (price, extra, factor) => {
        const p = plan([rule("m", { effect: { kind: "multiplier", factor } })]);
        const at = (unitPriceMinor: number) => evaluatePurchase(p, purchase({ lines: [{ sku: "CD-1", categoryPath: ["music"], quantity: 1, unitPriceMinor }] })).points;
        expect(at(price + extra)).toBeGreaterThanOrEqual(at(price));
      }),
    );
  });
});

describe("evaluatePurchase pending parts", () => {
  it("keeps a rule's own return window for its points and the plan's for the rest", () => {
    const p = plan([rule("slow", { effect: { kind: "fixed_bonus", points: 200 }, pendingDays: 30 }), rule("fast", { effect: { kind: "fixed_bonus", points: 50 } }), rule("zero", { effect: { kind: "fixed_bonus", points: 10 }, pendingDays: 0 })], { pendingDays: 7 });
    const result = evaluatePurchase(p, purchase({ lines: [{ categoryPath: [], quantity: 1, unitPriceMinor: 10_000 }] }));
    // 100 base + 50 "fast" wait the plan's 7 days; "zero" overrides it with none; "slow" waits 30.
    expect(result.pendingParts).toEqual([{ days: 0, points: 10 }, { days: 7, points: 150 }, { days: 30, points: 200 }]);
    expect(result.pendingParts.reduce((s, x) => s + x.points, 0)).toBe(result.points);
    expect(result.pendingDays).toBe(30);
  });
});
