import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawFromLots, netDrawn, restoreToLots, type SpendableLot } from "./lots";

const lot = (id: string, remaining: number, expires: string | null, created = "2026-01-01"): SpendableLot => ({
  id,
  remaining,
  expiresAt: expires ? new Date(expires) : null,
  createdAt: new Date(created),
});

describe("drawFromLots", () => {
  it("spends the soonest-expiring lot first and never-expiring lots last", () => {
    const lots = [lot("never", 100, null), lot("late", 50, "2027-06-01"), lot("soon", 30, "2026-12-01")];
    expect(drawFromLots(lots, 60)).toEqual({ allocations: [{ lotId: "soon", points: -30 }, { lotId: "late", points: -30 }], shortfall: 0 });
  });

  it("breaks expiry ties by age, then id", () => {
    const lots = [lot("b", 10, "2027-01-01", "2026-02-01"), lot("a", 10, "2027-01-01", "2026-02-01"), lot("old", 10, "2027-01-01", "2026-01-01")];
    expect(drawFromLots(lots, 25).allocations.map((a) => a.lotId)).toEqual(["old", "a", "b"]);
  });

  it("reports the part the lots cannot cover", () => {
    expect(drawFromLots([lot("x", 10, null)], 15)).toEqual({ allocations: [{ lotId: "x", points: -10 }], shortfall: 5 });
    expect(drawFromLots([], 5)).toEqual({ allocations: [], shortfall: 5 });
  });

  it("draws exactly what was asked, never more than a lot holds", () => {
    const lotsArb = fc.array(fc.record({ remaining: fc.integer({ min: 0, max: 1000 }), days: fc.option(fc.integer({ min: 0, max: 900 })) }), { maxLength: 20 });
    fc.assert(
      fc.property(lotsArb, fc.integer({ min: 1, max: 20_000 }), (specs, points) => {
        const lots = specs.map((s, i) => lot(`l${i}`, s.remaining, s.days === null ? null : new Date(Date.UTC(2026, 0, 1 + s.days)).toISOString()));
        const { allocations, shortfall } = drawFromLots(lots, points);
        const drawn = -allocations.reduce((sum, a) => sum + a.points, 0);
        const total = lots.reduce((sum, l) => sum + l.remaining, 0);
        expect(drawn + shortfall).toBe(points);
        expect(shortfall).toBe(Math.max(0, points - total));
        for (const a of allocations) expect(-a.points).toBeLessThanOrEqual(lots.find((l) => l.id === a.lotId)!.remaining);
        expect(drawFromLots(lots, points)).toEqual({ allocations, shortfall });
      }),
    );
  });
});

describe("restoreToLots", () => {
  it("gives back to the most recently drawn lots first", () => {
    const drawn = [{ lotId: "soon", points: -30 }, { lotId: "late", points: -30 }];
    expect(restoreToLots(drawn, 40)).toEqual([{ lotId: "late", points: 30 }, { lotId: "soon", points: 10 }]);
  });

  it("refuses to restore more than was drawn", () => {
    expect(() => restoreToLots([{ lotId: "a", points: -5 }], 6)).toThrow(/only 5/);
  });
});

describe("netDrawn", () => {
  it("nets draws against earlier restorations per lot", () => {
    const original = [{ lotId: "a", points: -30 }, { lotId: "b", points: -20 }];
    const earlierReversal = [{ lotId: "b", points: 20 }, { lotId: "a", points: 5 }];
    expect(netDrawn([original, earlierReversal])).toEqual([{ lotId: "a", points: -25 }]);
  });
});
