import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignGroup, stableHash } from "./assignment";
import { applyBonus } from "./bonus";
import { allocateBudget, awardCostMinor, fitsBudget } from "./budget";
import { allowedChannels } from "./consent";
import { isLive } from "./definition";
import { computeLift, summarize } from "./lift";
import { renderTemplate, templateFor } from "./render";

describe("budget caps", () => {
  it("stops exactly at a points cap that the awards divide", () => {
    const { granted, spent } = allocateBudget({ points: 250, moneyMinor: null }, { points: 0, moneyMinor: 0 }, Array(8).fill(50), 100);
    expect(granted.filter(Boolean)).toHaveLength(5);
    expect(spent.points).toBe(250);
  });

  it("refuses an award that would pass the money cap", () => {
    // 100 points at 0.5 minor units each cost 50.
    expect(awardCostMinor(100, 500)).toBe(50);
    expect(fitsBudget({ points: null, moneyMinor: 120 }, { points: 200, moneyMinor: 100 }, 100, 500)).toBe(false);
    expect(fitsBudget({ points: null, moneyMinor: 150 }, { points: 200, moneyMinor: 100 }, 100, 500)).toBe(true);
  });

  it("never exceeds either cap, whatever the awards (property)", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
        fc.array(fc.integer({ min: 1, max: 2_000 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 5_000 }),
        (points, moneyMinor, awards, milli) => {
          const budget = { points, moneyMinor };
          const { granted, spent } = allocateBudget(budget, { points: 0, moneyMinor: 0 }, awards, milli);
          if (points !== null) expect(spent.points).toBeLessThanOrEqual(points);
          if (moneyMinor !== null) expect(spent.moneyMinor).toBeLessThanOrEqual(moneyMinor);
          expect(spent.points).toBe(awards.reduce((s, a, i) => s + (granted[i] ? a : 0), 0));
          // Whatever was refused really did not fit at its turn; and the same inputs give the same awards.
          expect(allocateBudget(budget, { points: 0, moneyMinor: 0 }, awards, milli).granted).toEqual(granted);
        },
      ),
    );
  });
});

describe("control group assignment", () => {
  it("is stable for the same campaign and member", () => {
    expect(assignGroup("c1", "m1", 10)).toBe(assignGroup("c1", "m1", 10));
    expect(stableHash("c1:m1")).toBe(stableHash("c1:m1"));
  });

  it("never holds out anyone at 0 % and everyone at 100 %", () => {
    fc.assert(fc.property(fc.uuid(), fc.uuid(), (c, m) => assignGroup(c, m, 0) === "treatment" && assignGroup(c, m, 100) === "control"));
  });

  it("holds out close to the share asked for", () => {
    let control = 0;
    for (let i = 0; i < 20_000; i++) if (assignGroup("campaign-x", `member-${i}`, 10) === "control") control++;
    expect(control / 20_000).toBeGreaterThan(0.09);
    expect(control / 20_000).toBeLessThan(0.11);
  });
});

describe("consent", () => {
  const member = { status: "active" as const, consentMarketing: true, email: "a@example.com" };
  it("sends inbox and email only with marketing consent; the webhook always", () => {
    expect(allowedChannels(["inbox", "email", "webhook"], member)).toEqual(["inbox", "email", "webhook"]);
    expect(allowedChannels(["inbox", "email", "webhook"], { ...member, consentMarketing: false })).toEqual(["webhook"]);
  });
  it("skips email for a member without an address", () => {
    expect(allowedChannels(["inbox", "email"], { ...member, email: null })).toEqual(["inbox"]);
  });
});

describe("lift with a 95 % confidence interval", () => {
  it("computes the difference per member and a symmetric interval", () => {
    const lift = computeLift(summarize([1, 2, 3, 4, 5]), summarize([1, 1, 2, 2]));
    expect(lift.treatmentMean).toBe(3);
    expect(lift.controlMean).toBe(1.5);
    expect(lift.difference).toBe(1.5);
    expect(lift.relative).toBe(1);
    // se = sqrt(2.5/5 + (1/3)/4) = sqrt(0.58333) = 0.76376
    expect(lift.ci!.low).toBeCloseTo(1.5 - 1.95996 * 0.763763, 4);
    expect(lift.ci!.high).toBeCloseTo(1.5 + 1.95996 * 0.763763, 4);
  });

  it("has no interval when an arm has fewer than two members", () => {
    expect(computeLift(summarize([1, 2]), summarize([3])).ci).toBeNull();
    expect(computeLift(summarize([]), summarize([])).difference).toBe(0);
  });

  it("always contains the observed difference (property)", () => {
    const arm = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 2, maxLength: 50 });
    fc.assert(
      fc.property(arm, arm, (t, c) => {
        const lift = computeLift(summarize(t), summarize(c));
        expect(lift.ci!.low).toBeLessThanOrEqual(lift.difference + 1e-9);
        expect(lift.ci!.high).toBeGreaterThanOrEqual(lift.difference - 1e-9);
      }),
    );
  });
});

describe("templates and status", () => {
  it("fills placeholders and picks the member's language", () => {
    const templates = { es: { subject: "¡Feliz cumpleaños, {name}!", body: "Te regalamos {points} puntos." }, en: { subject: "Happy birthday, {name}!", body: "{points} points for you." } };
    expect(renderTemplate(templateFor(templates, "es-MX"), { name: "Ana", points: 500 })).toEqual({ subject: "¡Feliz cumpleaños, Ana!", body: "Te regalamos 500 puntos." });
    expect(templateFor(templates, "en-US").subject).toBe("Happy birthday, {name}!");
  });
  it("is live only while running inside its dates", () => {
    const c = { status: "running" as const, startsAt: new Date("2026-01-01T00:00:00Z"), endsAt: new Date("2026-01-03T00:00:00Z") };
    expect(isLive(c, new Date("2026-01-02T00:00:00Z"))).toBe(true);
    expect(isLive(c, new Date("2026-01-03T00:00:00Z"))).toBe(false);
    expect(isLive({ ...c, status: "paused" }, new Date("2026-01-02T00:00:00Z"))).toBe(false);
  });
});

describe("bonus campaigns on a purchase", () => {
  it("adds as much again for double points, rounded down", () => {
    expect(applyBonus(101, [{ campaignId: "a", name: "Doble", multiplier: 2 }])).toEqual({ campaignId: "a", name: "Doble", multiplier: 2, basePoints: 101, extraPoints: 101 });
    expect(applyBonus(15, [{ campaignId: "a", name: "x1.5", multiplier: 1.5 }])!.extraPoints).toBe(7);
  });
  it("applies only the largest multiplier and nothing on zero points", () => {
    expect(applyBonus(10, [{ campaignId: "a", name: "A", multiplier: 2 }, { campaignId: "b", name: "B", multiplier: 3 }])!.extraPoints).toBe(20);
    expect(applyBonus(0, [{ campaignId: "a", name: "A", multiplier: 2 }])).toBeNull();
    expect(applyBonus(10, [])).toBeNull();
  });
});
