import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { EarningRule } from "@/lib/domain/rules/types";
import { finishSimulation, replayPurchase, startSimulation } from "./simulate";
import type { ReplayedPurchase } from "./types";

/**
 * A plan that is "at least as generous" as the live one — the same rules,
 * caps, thresholds and expiry, with every multiplier (base rate, tier
 * multipliers, multiplier rules' factors) at least the live plan's — never
 * issues fewer points on any history, nor costs less. Tier conditions on rules
 * are left out on purpose: climbing faster can switch off a rule meant for a
 * lower tier, which is a real way for a "richer" plan to give less.
 */
const TZ = "America/Mexico_City";
const START = Date.parse("2026-01-01T06:00:00Z");
const HOUR = 3_600_000;

const ruleArb = (id: string): fc.Arbitrary<EarningRule> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant({ es: id, en: id }),
    priority: fc.integer({ min: 0, max: 3 }),
    stacking: fc.constantFrom("combinable" as const, "exclusive" as const),
    conditions: fc.constantFrom({}, { categories: ["music"] }, { channels: ["ecommerce" as const] }, { minTicketMinor: 20_000 }, { firstPurchase: true }),
    effect: fc.oneof(
      fc.record({ kind: fc.constant("multiplier" as const), factor: fc.double({ min: 1, max: 4, noNaN: true }) }),
      fc.record({ kind: fc.constant("fixed_bonus" as const), points: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ kind: fc.constant("points_per_unit" as const), points: fc.integer({ min: 1, max: 20 }) }),
    ),
    caps: fc.record({ perTransaction: fc.integer({ min: 0, max: 400 }), perMemberPerDay: fc.integer({ min: 0, max: 600 }), budget: fc.integer({ min: 0, max: 5_000 }) }, { requiredKeys: [] }),
    active: fc.constant(true),
  });

/** The live plan: tier multipliers grow with the threshold, as every real ladder does. */
const liveArb: fc.Arbitrary<PlanDefinition> = fc
  .record({
    points: fc.integer({ min: 1, max: 5 }),
    perMinor: fc.constantFrom(100, 1_000, 5_000),
    rounding: fc.constantFrom("floor" as const, "round" as const, "ceil" as const),
    metric: fc.constantFrom("points" as const, "spend" as const),
    steps: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }),
    thresholds: fc.tuple(fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 1, max: 3_000 })),
    rules: fc.tuple(ruleArb("a"), ruleArb("b"), ruleArb("c")).map((rs) => rs.slice(0, 3)),
    expiry: fc.constantFrom({ kind: "none" as const }, { kind: "rolling" as const, months: 2 }),
  })
  .map((g) => ({
    baseRate: { points: g.points, perMinor: g.perMinor, rounding: g.rounding },
    pendingDays: 0,
    expiry: g.expiry,
    tierQualification: { metric: g.metric, window: "rolling_12_months" as const },
    tiers: [
      { key: "t0", name: { es: "0", en: "0" }, threshold: 0, earnMultiplier: 1 },
      { key: "t1", name: { es: "1", en: "1" }, threshold: g.thresholds[0], earnMultiplier: 1 + g.steps[0]! },
      { key: "t2", name: { es: "2", en: "2" }, threshold: g.thresholds[0] + g.thresholds[1], earnMultiplier: 1 + g.steps[0]! + g.steps[1]! },
    ],
    rules: g.rules,
  }));

/** The same plan with every multiplier raised by a factor ≥ 1 (the base rate by whole points). */
const richerArb = (live: PlanDefinition): fc.Arbitrary<PlanDefinition> =>
  fc.record({ base: fc.integer({ min: 0, max: 3 }), boost: fc.array(fc.double({ min: 1, max: 3, noNaN: true }), { minLength: 6, maxLength: 6 }) }).map(({ base, boost }) => ({
    ...live,
    baseRate: { ...live.baseRate, points: live.baseRate.points + base },
    // Raising every tier by the same factor keeps the ladder growing.
    tiers: live.tiers.map((t) => ({ ...t, earnMultiplier: t.earnMultiplier * boost[0]! })),
    rules: (live.rules ?? []).map((r, i) => (r.effect.kind === "multiplier" ? { ...r, effect: { kind: "multiplier" as const, factor: r.effect.factor * boost[i + 1]! } } : r)),
  }));

const historyArb: fc.Arbitrary<ReplayedPurchase[]> = fc
  .array(
    fc.record({
      member: fc.integer({ min: 0, max: 4 }),
      gapHours: fc.integer({ min: 0, max: 200 }),
      channel: fc.constantFrom("pos" as const, "ecommerce" as const),
      lines: fc.array(fc.record({ music: fc.boolean(), quantity: fc.integer({ min: 1, max: 3 }), unitPriceMinor: fc.integer({ min: 0, max: 40_000 }) }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) => {
    let at = START;
    const seen = new Set<number>();
    return rows.map((r) => {
      at += r.gapHours * HOUR;
      const lines = r.lines.map((l) => ({ categoryPath: l.music ? ["music"] : ["books"], quantity: l.quantity, unitPriceMinor: l.unitPriceMinor }));
      const first = !seen.has(r.member);
      seen.add(r.member);
      return { memberId: `m${r.member}`, occurredAt: new Date(at), channel: r.channel, lines, netAmountMinor: lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0), startTier: null, segmentIds: [], isFirstPurchase: first };
    });
  });

describe("plan simulation (property)", () => {
  it("a plan whose multipliers are all at least the live plan's never issues fewer points nor costs less", () => {
    const caseArb = liveArb.chain((live) => fc.record({ live: fc.constant(live), richer: richerArb(live), history: historyArb, rate: fc.double({ min: 0, max: 1, noNaN: true }) }));
    fc.assert(
      fc.property(caseArb, ({ live, richer, history, rate }) => {
        const state = startSimulation({ timeZone: TZ, windowEnd: new Date(START + 400 * 24 * HOUR), plans: { candidate: richer, baseline: live } });
        let candidate = 0;
        let baseline = 0;
        for (const purchase of history) {
          const points = replayPurchase(state, purchase);
          candidate += points.candidate;
          baseline += points.baseline;
          expect(candidate).toBeGreaterThanOrEqual(baseline);
        }
        const { outcomes } = finishSimulation(state, { redemptionRate: rate, pointValueMilli: 1_000, currency: "MXN", segments: [] });
        expect(outcomes.candidate.pointsIssued).toBeGreaterThanOrEqual(outcomes.baseline.pointsIssued);
        expect(outcomes.candidate.expectedRedemptionCostMinor!).toBeGreaterThanOrEqual(outcomes.baseline.expectedRedemptionCostMinor!);
      }),
      { numRuns: 300 },
    );
  });
});
