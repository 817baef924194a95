import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RFM_SEGMENTS, rfmInputFromPurchases, rfmScores, rfmSegment } from "./rfm";

describe("rfmScores", () => {
  it("scores ten customers two per quintile, recent and frequent and big spenders highest", () => {
    const customers = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, recencyDays: i * 10, frequency: 10 - i, monetary: (i + 1) * 100 }));
    const scores = rfmScores(customers);
    expect(scores.map((s) => s.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(scores.map((s) => s.f)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(scores.map((s) => s.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("gives tied values one score (most customers bought once: all score F = 1)", () => {
    const customers = [1, 1, 1, 1, 1, 1, 2, 2, 3, 9].map((frequency, i) => ({ id: `c${i}`, recencyDays: 0, frequency, monetary: 1 }));
    expect(rfmScores(customers).map((s) => s.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    // Everyone alike: nobody is better than anyone, everyone scores 1.
    expect(new Set(rfmScores(customers).map((s) => s.r))).toEqual(new Set([1]));
  });

  it("keeps scores in 1–5, never ranks a better customer lower and gives equal values equal scores", () => {
    const customer = fc.record({ recencyDays: fc.integer({ min: 0, max: 400 }), frequency: fc.integer({ min: 1, max: 30 }), monetary: fc.integer({ min: 0, max: 100_000 }) });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 60 }), (list) => {
        const scores = rfmScores(list.map((c, i) => ({ id: String(i), ...c })));
        scores.forEach((s, i) => {
          for (const v of [s.r, s.f, s.m]) expect(v >= 1 && v <= 5).toBe(true);
          scores.forEach((t, j) => {
            if (list[i]!.recencyDays < list[j]!.recencyDays) expect(s.r).toBeGreaterThanOrEqual(t.r);
            if (list[i]!.frequency > list[j]!.frequency) expect(s.f).toBeGreaterThanOrEqual(t.f);
            if (list[i]!.monetary === list[j]!.monetary) expect(s.m).toBe(t.m);
          });
        });
      }),
    );
  });

  it("returns nothing for an empty population", () => {
    expect(rfmScores([])).toEqual([]);
  });
});

describe("rfmSegment", () => {
  it.each([
    [5, 5, 5, "champions"],
    [5, 4, 3, "champions"], // FM = round(3.5) = 4
    [4, 5, 5, "loyal"],
    [3, 4, 4, "loyal"],
    [5, 3, 2, "potential_loyalists"],
    [4, 2, 2, "potential_loyalists"],
    [5, 1, 1, "new"],
    [4, 1, 1, "promising"],
    [3, 3, 3, "need_attention"],
    [3, 1, 2, "about_to_sleep"],
    [2, 3, 4, "at_risk"],
    [1, 4, 4, "at_risk"],
    [1, 5, 5, "cant_lose_them"],
    [2, 5, 4, "cant_lose_them"],
    [2, 1, 1, "hibernating"],
    [1, 2, 2, "hibernating"],
    [1, 1, 1, "lost"],
  ] as const)("maps R=%d F=%d M=%d to %s", (r, f, m, segment) => {
    expect(rfmSegment(r, f, m)).toBe(segment);
  });

  it("covers every score combination and uses every segment", () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) seen.add(rfmSegment(r, f, m));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it("refuses scores outside 1–5", () => {
    expect(() => rfmSegment(0, 3, 3)).toThrow(RangeError);
    expect(() => rfmSegment(3, 6, 3)).toThrow(RangeError);
  });
});

describe("rfmInputFromPurchases", () => {
  it("counts occasions, sums spend and measures days since the last purchase up to the day asked", () => {
    const purchases = [
      { date: "2026-01-10", amount: 1000 },
      { date: "2026-01-10", amount: 500 },
      { date: "2026-02-01", amount: 2500 },
      { date: "2026-03-05", amount: 9999 },
    ];
    expect(rfmInputFromPurchases("m1", purchases, "2026-03-01")).toEqual({ id: "m1", recencyDays: 28, frequency: 2, monetary: 4000 });
    expect(rfmInputFromPurchases("m1", purchases, "2026-01-01")).toBeNull();
  });
});
