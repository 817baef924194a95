import { describe, expect, it } from "vitest";
import { hyp2f1, lbeta, lgamma, logSumExp, scaledHyp2f1 } from "./special-functions";

describe("lgamma", () => {
  // Reference values: ln Γ from the factorials and from Abramowitz & Stegun / Wolfram.
  it.each([
    [1, 0],
    [2, 0],
    [3, Math.log(2)],
    [0.5, 0.5 * Math.log(Math.PI)],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    [10, Math.log(362_880)],
    [0.1, 2.252712651734206],
    [0.001, 6.907178885383853],
    [100, 359.1342053695754],
    [1234.5, 7550.550901077903],
  ])("ln Γ(%d) = %d", (x, expected) => {
    expect(Math.abs(lgamma(x) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
  });

  it("satisfies Γ(x + 1) = x Γ(x)", () => {
    for (const x of [0.0123, 0.3, 0.77, 4.414, 17.2, 250.5]) {
      expect(lgamma(x + 1) - lgamma(x)).toBeCloseTo(Math.log(x), 11);
    }
  });

  it("refuses non-positive arguments", () => {
    expect(() => lgamma(0)).toThrow(RangeError);
    expect(() => lgamma(-1.5)).toThrow(RangeError);
  });

  it("gives ln B(a, b)", () => {
    expect(lbeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(lbeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
  });
});

describe("logSumExp", () => {
  it("adds in log space without overflow and treats −Infinity as absent", () => {
    expect(logSumExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logSumExp(-Infinity, -3)).toBe(-3);
  });
});

describe("hyp2f1", () => {
  it.each([0, 0.1, 0.5, 0.9, 0.99])("matches −ln(1 − z)/z for 2F1(1, 1; 2; z) at z = %d", (z) => {
    const expected = z === 0 ? 1 : -Math.log(1 - z) / z;
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(expected, 11);
  });

  it.each([0.2, 0.6, 0.95])("matches (1 − z)^(−a) for 2F1(a, b; b; z) at z = %d", (z) => {
    expect(hyp2f1(2.43, 1.7, 1.7, z) / Math.pow(1 - z, -2.43)).toBeCloseTo(1, 11);
  });

  it("matches arcsin(x)/x for 2F1(½, ½; 3/2; x²)", () => {
    for (const x of [0.3, 0.8, 0.97]) expect(hyp2f1(0.5, 0.5, 1.5, x * x)).toBeCloseTo(Math.asin(x) / x, 11);
  });

  it("matches a published value with non-integer parameters", () => {
    // mpmath.hyp2f1(0.243 + 3, 2.426 + 3, 0.793 + 2.426 + 3 - 1, 0.8) = 238.24734968864
    expect(hyp2f1(3.243, 5.426, 5.219, 0.8)).toBeCloseTo(238.24734968864, 8);
  });

  it("stops at polynomials when a parameter is a negative integer", () => {
    // 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    const b = 1.5;
    const c = 2.5;
    const z = 0.7;
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 14);
  });

  it("refuses z outside [0, 1)", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(RangeError);
  });
});

describe("scaledHyp2f1", () => {
  it("agrees with the direct series times the prefactor", () => {
    const [a, b, c, z, s] = [5.243, 7.426, 7.219, 0.6, 5.243];
    expect(scaledHyp2f1(s, a, b, c, z)).toBeCloseTo(Math.pow(1 - z, s) * hyp2f1(a, b, c, z), 9);
  });

  it("stays finite for many purchases near z = 1", () => {
    // x = 60 purchases, 5 years ahead: the direct series needs far more terms and overflows the prefactor.
    // mpmath: (1 − 0.995)^60.243 · hyp2f1(60.243, 62.426, 62.219, 0.995) = 2.974458367671326…
    expect(scaledHyp2f1(60.243, 60.243, 62.426, 62.219, 0.995)).toBeCloseTo(2.974458367671327, 9);
  });
});
