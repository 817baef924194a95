import { describe, expect, it } from "vitest";
import { cdnowSampleSummaries } from "@/tests/support/cdnow-sample";
import { seededRandom } from "../generate/synthetic-data";
import { expectedAverageSpend, fitGammaGamma, gammaGammaLogLikelihood } from "./gamma-gamma";
import { simulateGammaGammaCustomer } from "./simulate";

/** Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value": the fit to the CDNOW sample, weeks 1–39. */
const PUBLISHED = { p: 6.25, q: 3.74, gamma: 15.44 };

describe("Gamma-Gamma formulas", () => {
  // mpmath, 30 digits; the same density integrates to 1 over m (checked with mpmath.quad).
  it.each([
    [2, 22.345, -3.55118916413995],
    [1, 5, -5.37427175841887],
    [9, 120.5, -7.85599955585285],
  ])("gives ln f(m_x | x=%d, m=%d)", (x, meanSpend, expected) => {
    expect(gammaGammaLogLikelihood(PUBLISHED, [{ x, meanSpend }])).toBeCloseTo(expected, 10);
  });

  it("shrinks a customer's own mean towards the population mean", () => {
    // CDNOW customer 1: two repeat purchases of $29.73 and $14.96 (lifetimes' docs show 24.6586 with its unrounded fit).
    expect(expectedAverageSpend(PUBLISHED, { x: 2, meanSpend: 22.345 })).toBeCloseTo(24.6596128608924, 10);
    const population = (PUBLISHED.p * PUBLISHED.gamma) / (PUBLISHED.q - 1);
    expect(expectedAverageSpend(PUBLISHED, { x: 0, meanSpend: null })).toBeCloseTo(population, 12);
    // Many purchases: close to the customer's own mean.
    expect(expectedAverageSpend(PUBLISHED, { x: 500, meanSpend: 80 })).toBeCloseTo(80, 0);
  });

  it("refuses q ≤ 1, where the population mean spend is infinite", () => {
    expect(() => expectedAverageSpend({ ...PUBLISHED, q: 1 }, { x: 1, meanSpend: 10 })).toThrow(RangeError);
  });
});

describe("fitGammaGamma", () => {
  it("recovers the published CDNOW estimates from the 946 repeat buyers", () => {
    const fit = fitGammaGamma(cdnowSampleSummaries().map((c) => ({ x: c.x, meanSpend: c.meanRepeatSpend ?? 0 })));
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(fit.params.p / PUBLISHED.p).toBeCloseTo(1, 2);
    expect(fit.params.q / PUBLISHED.q).toBeCloseTo(1, 2);
    expect(fit.params.gamma / PUBLISHED.gamma).toBeCloseTo(1, 2);
  });

  it("recovers known parameters from customers simulated from the model", () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const random = seededRandom(20_260_402);
    const customers = Array.from({ length: 10_000 }, () => simulateGammaGammaCustomer(truth, 1 + Math.floor(random() * 8), random));
    const { params } = fitGammaGamma(customers);
    expect(params.q / truth.q).toBeGreaterThan(0.9);
    expect(params.q / truth.q).toBeLessThan(1.1);
    // p and γ trade off against each other; their product over q − 1 (the mean spend) is sharp.
    expect(params.p / truth.p).toBeGreaterThan(0.85);
    expect(params.p / truth.p).toBeLessThan(1.15);
    expect(params.gamma / truth.gamma).toBeGreaterThan(0.85);
    expect(params.gamma / truth.gamma).toBeLessThan(1.15);
    const mean = (v: { p: number; q: number; gamma: number }) => (v.p * v.gamma) / (v.q - 1);
    expect(mean(params) / mean(truth)).toBeCloseTo(1, 1);
  });

  it("needs at least one repeat buyer", () => {
    expect(() => fitGammaGamma([{ x: 0, meanSpend: 0 }])).toThrow(RangeError);
  });
});
