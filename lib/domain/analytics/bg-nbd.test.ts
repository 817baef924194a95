import { describe, expect, it } from "vitest";
import { cdnowSampleSummaries } from "@/tests/support/cdnow-sample";
import { seededRandom } from "../generate/synthetic-data";
import { bgNbdLogLikelihood, expectedPurchases, expectedRepeatPurchases, fitBgNbd, probabilityAlive } from "./bg-nbd";
import { simulateBgNbdCustomer } from "./simulate";

/** Fader, Hardie & Lee (2005), Table 1: the BG/NBD fit to the CDNOW sample (weeks 1–39). */
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

// Reference values computed with mpmath (30 digits) straight from eqs. 6, 7, 10 and 11.
describe("BG/NBD formulas", () => {
  it.each([
    [2, 30.43, 38.86, -9.45860630706627],
    [0, 0, 38.86, -0.554713276438158],
    [7, 20, 35, -20.2383492703386],
  ])("gives ln L(x=%d, t_x=%d, T=%d) of eq. 6", (x, tx, T, expected) => {
    expect(bgNbdLogLikelihood(PUBLISHED, [{ x, tx, T }])).toBeCloseTo(expected, 10);
  });

  it("adds up over customers, identical histories included", () => {
    const one = { x: 2, tx: 30.43, T: 38.86 };
    const other = { x: 0, tx: 0, T: 38.86 };
    expect(bgNbdLogLikelihood(PUBLISHED, [one, other, one])).toBeCloseTo(2 * -9.45860630706627 + -0.554713276438158, 10);
  });

  it.each([
    [2, 30.43, 38.86, 0.726578570080673],
    [0, 0, 38.86, 1],
    [40, 38, 39, 0.95338245126991],
    [5, 2, 39, 0.000358258067769775],
  ])("gives P(alive | x=%d, t_x=%d, T=%d) of eq. 11", (x, tx, T, expected) => {
    expect(probabilityAlive(PUBLISHED, { x, tx, T })).toBeCloseTo(expected, 12);
  });

  it.each([
    [2, 30.43, 38.86, 39, 1.22602817476714],
    [0, 0, 38.86, 39, 0.195098052011263],
    [40, 38, 39, 52, 33.1977068655956],
    [5, 2, 39, 39, 0.00136040346274849],
    [200, 99, 100, 520, 423.833096370292], // a heavy buyer, ten years ahead: z near 1, Euler transform
    [0, 0, 0.5, 5200, 11.7110559118244],
  ])("gives E[Y(t) | x=%d, t_x=%d, T=%d] of eq. 10 for t=%d", (x, tx, T, t, expected) => {
    expect(expectedPurchases(PUBLISHED, { x, tx, T }, t) / expected).toBeCloseTo(1, 10);
  });

  it.each([
    [1, 0.0532678911716583],
    [39, 1.19672319332082],
    [78, 1.86051905794277],
  ])("gives E[X(%d)] of eq. 7", (t, expected) => {
    expect(expectedRepeatPurchases(PUBLISHED, t) / expected).toBeCloseTo(1, 10);
  });

  it("conditions on nothing for a customer just acquired: E[Y(t) | 0, 0, 0] = E[X(t)]", () => {
    for (const t of [1, 13, 52]) expect(expectedPurchases(PUBLISHED, { x: 0, tx: 0, T: 0 }, t)).toBeCloseTo(expectedRepeatPurchases(PUBLISHED, t), 10);
  });

  it("expects nothing over an empty horizon and stays finite at a = 1", () => {
    expect(expectedPurchases(PUBLISHED, { x: 3, tx: 10, T: 20 }, 0)).toBe(0);
    expect(expectedRepeatPurchases(PUBLISHED, 0)).toBe(0);
    const atOne = expectedRepeatPurchases({ ...PUBLISHED, a: 1 }, 39);
    expect(atOne).toBeCloseTo((expectedRepeatPurchases({ ...PUBLISHED, a: 1.001 }, 39) + expectedRepeatPurchases({ ...PUBLISHED, a: 0.999 }, 39)) / 2, 4);
  });

  it("trusts a long silence less: fewer expected purchases the longer ago the last one", () => {
    const values = [38, 30, 20, 10].map((tx) => expectedPurchases(PUBLISHED, { x: 4, tx, T: 39 }, 39));
    values.slice(1).forEach((v, i) => expect(v).toBeLessThan(values[i]!));
  });
});

describe("fitBgNbd", () => {
  it("recovers the published CDNOW estimates by maximum likelihood", () => {
    const fit = fitBgNbd(cdnowSampleSummaries());
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(PUBLISHED.r, 3);
    expect(fit.params.alpha).toBeCloseTo(PUBLISHED.alpha, 2);
    expect(fit.params.a).toBeCloseTo(PUBLISHED.a, 3);
    expect(fit.params.b).toBeCloseTo(PUBLISHED.b, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0); // the paper's ln L
  });

  it("recovers known parameters from customers simulated from the model", () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const random = seededRandom(20_260_401);
    // Observation windows of 26 to 78 weeks, like a cohort acquired over a year.
    const customers = Array.from({ length: 5000 }, () => simulateBgNbdCustomer(truth, 26 + 52 * random(), random));
    const { params } = fitBgNbd(customers);
    expect(params.r / truth.r).toBeGreaterThan(0.9);
    expect(params.r / truth.r).toBeLessThan(1.1);
    expect(params.alpha / truth.alpha).toBeGreaterThan(0.85);
    expect(params.alpha / truth.alpha).toBeLessThan(1.15);
    // a and b are less well identified (only the a/(a+b) mix is sharp), so a looser band.
    expect(params.a / truth.a).toBeGreaterThan(0.75);
    expect(params.a / truth.a).toBeLessThan(1.25);
    expect(params.b / truth.b).toBeGreaterThan(0.75);
    expect(params.b / truth.b).toBeLessThan(1.25);
  });

  it("refuses impossible histories", () => {
    expect(() => fitBgNbd([])).toThrow(RangeError);
    expect(() => fitBgNbd([{ x: 1, tx: 5, T: 4 }])).toThrow(/Invalid/);
    expect(() => fitBgNbd([{ x: 1.5, tx: 1, T: 4 }])).toThrow(/Invalid/);
  });
});
