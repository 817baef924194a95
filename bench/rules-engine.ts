/**
 * Rules engine benchmark: a 20-line basket against 50 active rules, timed
 * against a baseline run in the same process (the same basket with no rules,
 * i.e. base points only). `npm run bench:rules`
 */
import { evaluatePurchase } from "@/lib/domain/rules/evaluate";
import type { EarningRule, EnginePlan, PurchaseContext } from "@/lib/domain/rules/types";

const categories = [["music", "rock"], ["music", "jazz"], ["music", "pop"], ["books", "novels"], ["merch", "shirts"]];
const lines = Array.from({ length: 20 }, (_, i) => ({ sku: `SKU-${i}`, categoryPath: categories[i % categories.length]!, quantity: 1 + (i % 3), unitPriceMinor: 500 + i * 137 }));

function rule(i: number): EarningRule {
  const kinds: EarningRule["effect"][] = [{ kind: "multiplier", factor: 2 }, { kind: "fixed_bonus", points: 10 }, { kind: "points_per_unit", points: 3 }];
  return {
    id: `rule-${String(i).padStart(2, "0")}`,
    name: { es: `Regla ${i}`, en: `Rule ${i}` },
    priority: i,
    stacking: "combinable",
    conditions: {
      ...(i % 4 === 0 ? { daysOfWeek: [0, 6] } : {}),
      ...(i % 3 === 0 ? { categories: [categories[i % categories.length]![1]!] } : {}),
      ...(i % 5 === 0 ? { channels: ["pos" as const, "app" as const] } : {}),
      ...(i % 7 === 0 ? { hours: { from: "10:00", to: "20:00" } } : {}),
      ...(i % 11 === 0 ? { minTicketMinor: 10_000 } : {}),
    },
    effect: kinds[i % kinds.length]!,
    caps: i % 2 === 0 ? { perTransaction: 500, perMemberPerDay: 1000, budget: 1_000_000 } : undefined,
    active: true,
  };
}

const basePlan: EnginePlan = { baseRate: { points: 1, perMinor: 100, rounding: "floor" }, pendingDays: 0, exclusions: { categories: ["gift-cards"] }, rules: [], tierMultipliers: { gold: 1.5 } };
const fullPlan: EnginePlan = { ...basePlan, rules: Array.from({ length: 50 }, (_, i) => rule(i)) };
const purchase: PurchaseContext = {
  lines,
  channel: "pos",
  storeId: "s1",
  occurredAt: new Date("2026-11-21T18:00:00Z"),
  timeZone: "America/Mexico_City",
  member: { tier: "gold", segmentIds: [], isFirstPurchase: false },
  usage: { memberDay: {}, memberMonth: {}, budget: {} },
};

function timePerCall(plan: EnginePlan, iterations: number): number {
  let sink = 0;
  for (let i = 0; i < 2_000; i++) sink += evaluatePurchase(plan, purchase).points; // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += evaluatePurchase(plan, purchase).points;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e3;
  if (sink < 0) console.log(sink);
  return elapsed / iterations;
}

const fired = evaluatePurchase(fullPlan, purchase).rules.filter((r) => r.fired).length;
const runs = [1, 2, 3].map(() => ({ base: timePerCall(basePlan, 20_000), full: timePerCall(fullPlan, 20_000) }));
const best = { base: Math.min(...runs.map((r) => r.base)), full: Math.min(...runs.map((r) => r.full)) };
console.log("Rules engine: 20-line basket");
console.log(`  baseline (no rules)      ${best.base.toFixed(2)} µs per evaluation`);
console.log(`  50 active rules (${fired} fire) ${best.full.toFixed(2)} µs per evaluation`);
console.log(`  ratio 50 rules / baseline: ${(best.full / best.base).toFixed(1)}×; ${(best.full / 1000).toFixed(3)} ms per evaluation (target well under 1 ms)`);
