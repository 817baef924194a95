import { describe, expect, it } from "vitest";
import { categoryOf, explainEntry, HISTORY_FILTERS, isHistoryFilter, planVersionIdOf, type HistoryEntryInput } from "./explain-entry";

const base: HistoryEntryInput = {
  id: 7,
  kind: "earn",
  points: 250,
  availableDelta: 0,
  pendingDelta: 250,
  reason: null,
  storeName: "Centro",
  orderRef: "ORD-1",
  occurredAt: "2026-11-21T18:00:00.000Z",
  explanation: null,
  reversesEntryId: null,
  lot: { pendingUntil: "2026-12-05T18:00:00.000Z", expiresAt: "2027-11-21T18:00:00.000Z" },
};

const purchase = {
  planVersionId: "v1",
  planVersion: 3,
  points: 250,
  basePoints: 100,
  tierMultiplier: 1.25,
  rules: [
    { ruleId: "weekend", fired: true, points: 120 },
    { ruleId: "bonus", fired: true, points: 30, cappedBy: "perMemberPerDay", uncappedPoints: 50 },
    { ruleId: "tiers-only", fired: false, points: 0, miss: { code: "tier", tier: null } },
    { ruleId: "budget", fired: false, points: 0, miss: { code: "capped", cap: "budget" } },
  ],
};
const names = { v1: { weekend: { es: "Doble puntos fin de semana", en: "Double points weekend" }, bonus: { es: "Bono", en: "Bonus" } } };

describe("explainEntry", () => {
  it("words a purchase: store, order, base, tier multiplier, fired and capped rules, pending and expiry", () => {
    const explained = explainEntry({ ...base, explanation: purchase }, names);
    expect(explained).toMatchObject({ id: 7, kind: "earn", category: "earned", change: 250, points: 250 });
    expect(explained.parts).toEqual([
      { type: "store", name: "Centro" },
      { type: "order", ref: "ORD-1" },
      { type: "base", points: 100 },
      { type: "tierMultiplier", factor: 1.25 },
      { type: "rule", ruleId: "weekend", name: names.v1.weekend, points: 120, cappedBy: null },
      { type: "rule", ruleId: "bonus", name: names.v1.bonus, points: 30, cappedBy: "perMemberPerDay" },
      { type: "rule", ruleId: "budget", name: null, points: 0, cappedBy: "budget" },
      { type: "pendingUntil", at: "2026-12-05T18:00:00.000Z" },
      { type: "expires", at: "2027-11-21T18:00:00.000Z" },
    ]);
  });

  it("leaves out the tier multiplier when it is 1 and pending dates once points are available", () => {
    const explained = explainEntry({ ...base, availableDelta: 250, pendingDelta: 0, explanation: { ...purchase, tierMultiplier: 1, rules: [] } }, names);
    expect(explained.parts.map((p) => p.type)).toEqual(["store", "order", "base", "expires"]);
  });

  it("marks imported history instead of guessing its rules", () => {
    const explained = explainEntry({ ...base, storeName: null, explanation: { source: "import", rules: [{ id: "base", points: 250 }] } });
    expect(explained.parts).toEqual([{ type: "order", ref: "ORD-1" }, { type: "imported" }, { type: "pendingUntil", at: base.lot!.pendingUntil }, { type: "expires", at: base.lot!.expiresAt }]);
  });

  it.each([
    ["a redemption", { kind: "redeem", availableDelta: -80, pendingDelta: 0, reason: "Canje: café" }, "redeemed", -80, [{ type: "reason", text: "Canje: café" }]],
    ["an expiry by lot date", { kind: "expire", availableDelta: -40, explanation: { lots: [{ lotId: "a" }, { lotId: "b" }] } }, "expired", -40, [{ type: "expiredLots", lots: 2, policy: "lot_date" }]],
    ["an expiry for inactivity", { kind: "expire", availableDelta: -40, explanation: { lots: [{ lotId: "a" }], policy: "inactivity" } }, "expired", -40, [{ type: "expiredLots", lots: 1, policy: "inactivity" }]],
    ["a refund reversing an earn", { kind: "reverse", availableDelta: -50, reversesEntryId: 3, explanation: { reverses: { entryId: 3, kind: "earn" }, unrecovered: 10 } }, "adjustments", -50, [{ type: "reverses", entryId: 3, kind: "earn" }, { type: "unrecovered", points: 10 }]],
    ["a manual adjustment with its reason", { kind: "adjust", availableDelta: -15, reason: "Error de captura" }, "adjustments", -15, [{ type: "reason", text: "Error de captura" }]],
    ["a release of pending points", { kind: "release", availableDelta: 250, pendingDelta: -250 }, "earned", 0, [{ type: "released" }]],
    ["a garbled explanation", { kind: "expire", availableDelta: -5, explanation: "??" }, "expired", -5, [{ type: "expiredLots", lots: 0, policy: "lot_date" }]],
  ] as const)("words %s", (_name, overrides, category, change, parts) => {
    const explained = explainEntry({ ...base, storeName: null, orderRef: null, lot: null, pendingDelta: 0, explanation: null, ...overrides } as HistoryEntryInput);
    expect(explained.category).toBe(category);
    expect(explained.change).toBe(change);
    expect(explained.parts).toEqual(parts);
  });
});

describe("filters", () => {
  it("every kind belongs to exactly one filter", () => {
    const kinds = Object.values(HISTORY_FILTERS).flat();
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toHaveLength(9);
    expect(categoryOf("capture")).toBe("redeemed");
  });

  it.each([["earned", true], ["expired", true], ["all", false], [undefined, false], ["__proto__", false]])("isHistoryFilter(%s) = %s", (value, ok) => {
    expect(isHistoryFilter(value)).toBe(ok);
  });

  it("reads the plan version an explanation names", () => {
    expect(planVersionIdOf(purchase)).toBe("v1");
    expect(planVersionIdOf({ lots: [] })).toBeNull();
    expect(planVersionIdOf(null)).toBeNull();
  });
});
