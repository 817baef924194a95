import { describe, expect, it } from "vitest";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { finishSimulation, observedRedemptionRate, planOutcome, replayPurchase, simulationProgress, startSimulation } from "./simulate";
import type { ReplayedPurchase } from "./types";

const TZ = "America/Mexico_City";
const END = new Date("2026-12-31T06:00:00Z");

/** 1 point per MXN 1, no tiers multipliers beyond 1, no expiry: the simplest ladder to read. */
function flatPlan(overrides: Partial<PlanDefinition> = {}): PlanDefinition {
  return {
    ...defaultPlan(),
    expiry: { kind: "none" },
    tiers: [
      { key: "bronze", name: { es: "Bronce", en: "Bronze" }, threshold: 0, earnMultiplier: 1 },
      { key: "gold", name: { es: "Oro", en: "Gold" }, threshold: 1_000, earnMultiplier: 2 },
    ],
    ...overrides,
  };
}

function purchase(memberId: string, at: string, amountMinor: number, extra: Partial<ReplayedPurchase> = {}): ReplayedPurchase {
  return { memberId, occurredAt: new Date(at), channel: "pos", lines: [{ categoryPath: [], quantity: 1, unitPriceMinor: amountMinor }], netAmountMinor: amountMinor, startTier: null, segmentIds: [], isFirstPurchase: false, ...extra };
}

const doubled = (plan: PlanDefinition): PlanDefinition => ({ ...plan, rules: [{ id: "double", name: { es: "Doble", en: "Double" }, priority: 1, stacking: "combinable", conditions: {}, effect: { kind: "multiplier", factor: 2 }, active: true }] });

describe("replayPurchase", () => {
  it("gives each plan its own points for the same purchase", () => {
    const state = startSimulation({ timeZone: TZ, windowEnd: END, plans: { candidate: doubled(flatPlan()), baseline: flatPlan() } });
    expect(replayPurchase(state, purchase("m1", "2026-03-02T18:00:00Z", 25_000))).toEqual({ candidate: 500, baseline: 250 });
  });

  it("climbs each plan's own ladder: the plan that gives more points reaches gold first and multiplies after", () => {
    const state = startSimulation({ timeZone: TZ, windowEnd: END, plans: { candidate: doubled(flatPlan()), baseline: flatPlan() } });
    replayPurchase(state, purchase("m1", "2026-03-02T18:00:00Z", 60_000));
    // Candidate: 1,200 points → gold (×2 base, then the rule doubles): 600 × 2 × 2 = 2,400; baseline 600 → still bronze.
    expect(replayPurchase(state, purchase("m1", "2026-03-03T18:00:00Z", 30_000))).toEqual({ candidate: 1_200, baseline: 300 });
    const results = finishSimulation(state, { redemptionRate: 0, pointValueMilli: null, currency: "MXN", segments: [] });
    expect(results.tiers).toEqual([
      { key: "bronze", name: { es: "Bronce", en: "Bronze" }, candidate: 0, baseline: 1 },
      { key: "gold", name: { es: "Oro", en: "Gold" }, candidate: 1, baseline: 0 },
    ]);
  });

  it("starts a member at the tier they held when the window opened, when the plan has it", () => {
    const state = startSimulation({ timeZone: TZ, windowEnd: END, plans: { candidate: flatPlan({ tiers: [{ key: "vip", name: { es: "VIP", en: "VIP" }, threshold: 0, earnMultiplier: 1 }] }), baseline: flatPlan() } });
    expect(replayPurchase(state, purchase("m1", "2026-03-02T18:00:00Z", 10_000, { startTier: "gold" }))).toEqual({ candidate: 100, baseline: 200 });
  });

  it("restarts spend qualification each local year on calendar-year plans, and never downgrades", () => {
    const plan = flatPlan({ tierQualification: { metric: "spend", window: "calendar_year" }, tiers: [{ key: "bronze", name: { es: "B", en: "B" }, threshold: 0, earnMultiplier: 1 }, { key: "gold", name: { es: "O", en: "G" }, threshold: 100_000, earnMultiplier: 3 }] });
    const state = startSimulation({ timeZone: TZ, windowEnd: END, plans: { candidate: plan, baseline: flatPlan() } });
    // m1 spends 60,000 in each year: the count restarts in January, so never gold.
    replayPurchase(state, purchase("m1", "2025-06-01T18:00:00Z", 60_000));
    replayPurchase(state, purchase("m1", "2026-01-05T18:00:00Z", 60_000));
    expect(replayPurchase(state, purchase("m1", "2026-02-05T18:00:00Z", 1_000)).candidate).toBe(10);
    // m2 reached gold in 2025 and keeps it in 2026 with less spend: reviews are not replayed.
    replayPurchase(state, purchase("m2", "2025-06-01T18:00:00Z", 120_000));
    expect(replayPurchase(state, purchase("m2", "2026-02-05T18:00:00Z", 1_000)).candidate).toBe(30);
  });

  it("keeps per-member daily caps and program budgets across purchases", () => {
    const capped: PlanDefinition = { ...flatPlan(), rules: [{ id: "bonus", name: { es: "B", en: "B" }, priority: 1, stacking: "combinable", conditions: {}, effect: { kind: "fixed_bonus", points: 100 }, caps: { perMemberPerDay: 150, budget: 250 }, active: true }] };
    const state = startSimulation({ timeZone: TZ, windowEnd: END, plans: { candidate: capped, baseline: flatPlan() } });
    const bonus = (p: ReplayedPurchase) => replayPurchase(state, p).candidate - Math.floor(p.netAmountMinor / 100);
    expect(bonus(purchase("m1", "2026-03-02T15:00:00Z", 1_000))).toBe(100);
    expect(bonus(purchase("m1", "2026-03-02T16:00:00Z", 1_000))).toBe(50);
    expect(bonus(purchase("m1", "2026-03-03T16:00:00Z", 1_000))).toBe(100);
    expect(bonus(purchase("m2", "2026-03-03T17:00:00Z", 1_000))).toBe(0);
  });

  it("adds points up per local month of the program", () => {
    const state = startSimulation({ timeZone: TZ, windowEnd: END, plans: { candidate: flatPlan(), baseline: flatPlan() } });
    // 2026-04-01 03:00 UTC is still March 31st in Mexico City.
    replayPurchase(state, purchase("m1", "2026-04-01T03:00:00Z", 1_000));
    replayPurchase(state, purchase("m1", "2026-04-01T12:00:00Z", 2_000));
    expect(finishSimulation(state, { redemptionRate: 0, pointValueMilli: null, currency: "MXN", segments: [] }).months).toEqual([
      { month: "2026-03", candidate: 10, baseline: 10 },
      { month: "2026-04", candidate: 20, baseline: 20 },
    ]);
  });
});

describe("finishSimulation", () => {
  it("prices points with the observed redemption rate and the point value, and splits cost by segment", () => {
    const state = startSimulation({ timeZone: TZ, windowEnd: END, plans: { candidate: doubled(flatPlan()), baseline: flatPlan() } });
    replayPurchase(state, purchase("m1", "2026-03-02T18:00:00Z", 50_000, { segmentIds: ["s1"] }));
    replayPurchase(state, purchase("m2", "2026-03-02T19:00:00Z", 30_000));
    const results = finishSimulation(state, { redemptionRate: 0.25, pointValueMilli: 10_000, currency: "MXN", segments: [{ id: "s1", name: "VIP" }, { id: "s2", name: "Empty" }] });
    // Baseline 800 points, candidate 1,600; a quarter is redeemed, at MXN 0.10 a point.
    expect(results.outcomes.baseline).toEqual({ pointsIssued: 800, expectedRedeemedPoints: 200, expectedRedemptionCostMinor: 2_000, expiredPoints: 0, outstandingPoints: 600, liabilityMinor: 6_000, costPerMemberMinor: 1_000 });
    expect(results.outcomes.candidate.expectedRedemptionCostMinor).toBe(4_000);
    expect(results.members).toBe(2);
    expect(results.segments).toEqual([
      { segmentId: "s1", name: "VIP", members: 1, candidate: { pointsIssued: 1_000, expectedRedemptionCostMinor: 2_500, costPerMemberMinor: 2_500 }, baseline: { pointsIssued: 500, expectedRedemptionCostMinor: 1_250, costPerMemberMinor: 1_250 } },
      { segmentId: "s2", name: "Empty", members: 0, candidate: { pointsIssued: 0, expectedRedemptionCostMinor: 0, costPerMemberMinor: null }, baseline: { pointsIssued: 0, expectedRedemptionCostMinor: 0, costPerMemberMinor: null } },
    ]);
  });

  it("expires the unredeemed share of points whose expiry falls inside the window", () => {
    const state = startSimulation({ timeZone: TZ, windowEnd: END, plans: { candidate: flatPlan({ expiry: { kind: "rolling", months: 3 } }), baseline: flatPlan() } });
    replayPurchase(state, purchase("m1", "2026-01-10T18:00:00Z", 10_000));
    replayPurchase(state, purchase("m1", "2026-11-10T18:00:00Z", 10_000));
    const { candidate, baseline } = finishSimulation(state, { redemptionRate: 0.5, pointValueMilli: null, currency: "MXN", segments: [] }).outcomes;
    expect(candidate).toMatchObject({ pointsIssued: 200, expectedRedeemedPoints: 100, expiredPoints: 50, outstandingPoints: 50, liabilityMinor: null, expectedRedemptionCostMinor: null });
    expect(baseline).toMatchObject({ expiredPoints: 0, outstandingPoints: 100 });
  });
});

describe.each([
  [{ issued: 1_000, reversed: 0, redeemed: 250 }, 0.25],
  [{ issued: 1_000, reversed: 200, redeemed: 400 }, 0.5],
  [{ issued: 0, reversed: 0, redeemed: 0 }, 0],
  [{ issued: 100, reversed: 0, redeemed: 300 }, 1],
])("observedRedemptionRate(%o)", (input, expected) => {
  it(`is ${expected}`, () => expect(observedRedemptionRate(input)).toBe(expected));
});

describe("planOutcome and simulationProgress", () => {
  it("never owes a negative number of points", () => {
    expect(planOutcome(10, 10, 1, { redemptionRate: 0.99, pointValueMilli: 1_000 }).outstandingPoints).toBeGreaterThanOrEqual(0);
  });
  it.each([
    [{ processed: 0, total: null, status: "queued" }, 0],
    [{ processed: 250, total: 1_000, status: "running" }, 25],
    [{ processed: 999, total: 1_000, status: "running" }, 99],
    [{ processed: 1_000, total: 1_000, status: "running" }, 99],
    [{ processed: 0, total: 0, status: "completed" }, 100],
  ])("reads %o as %i %", (run, expected) => expect(simulationProgress(run)).toBe(expected));
});
