import { describe, expect, it } from "vitest";
import { seededRandom } from "../generate/synthetic-data";
import { sampleBeta, sampleGamma, simulateBgNbdCustomer } from "./simulate";

const moments = (values: number[]) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
};

describe("samplers", () => {
  it.each([
    [0.25, 4],
    [3.7, 15],
    [1, 1],
  ])("draws Gamma(%d, rate %d) with mean shape/rate and variance shape/rate²", (shape, rate) => {
    const random = seededRandom(11);
    const { mean, variance } = moments(Array.from({ length: 40_000 }, () => sampleGamma(shape, rate, random)));
    expect(mean / (shape / rate)).toBeCloseTo(1, 1);
    expect(variance / (shape / rate ** 2)).toBeGreaterThan(0.9);
    expect(variance / (shape / rate ** 2)).toBeLessThan(1.1);
  });

  it("draws Beta(a, b) with mean a/(a+b)", () => {
    const random = seededRandom(12);
    const { mean } = moments(Array.from({ length: 40_000 }, () => sampleBeta(0.8, 2.4, random)));
    expect(mean).toBeCloseTo(0.8 / 3.2, 2);
  });

  it("simulates histories that respect 0 ≤ t_x ≤ T and x = 0 ⇒ t_x = 0", () => {
    const random = seededRandom(13);
    for (let i = 0; i < 2000; i++) {
      const h = simulateBgNbdCustomer({ r: 0.5, alpha: 2, a: 0.8, b: 2.4 }, 30, random);
      expect(h.tx).toBeGreaterThanOrEqual(0);
      expect(h.tx).toBeLessThanOrEqual(30);
      if (h.x === 0) expect(h.tx).toBe(0);
    }
  });
});
