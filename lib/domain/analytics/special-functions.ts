/**
 * Special functions the customer-base models need: log Γ and the Gaussian
 * hypergeometric function 2F1. Pure numerics, no dependencies.
 */

// Lanczos approximation, g = 7, n = 9 (the coefficients of Numerical Recipes
// / Boost's "lanczos13m53" family): about 15 significant digits for x > 0.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection below ½, where Γ is positive for 0 < x < ½). */
export function lgamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lgamma needs x > 0, got ${x}`);
  // Reflection: Γ(x)Γ(1−x) = π / sin(πx); sin(πx) > 0 on (0, ½).
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** log(e^u + e^v) without overflow; −Infinity stands for a term that is absent. */
export function logSumExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

const HYP2F1_TOLERANCE = 1e-15;
const HYP2F1_MAX_TERMS = 100_000;

/**
 * Gauss's hypergeometric series 2F1(a, b; c; z) = Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for
 * 0 ≤ z < 1, summed term by term until the terms stop mattering. The series
 * converges for |z| < 1 but slowly when z is near 1 and c − a − b is small;
 * callers who can should pass parameters with c − a − b > 0 (see
 * `hyp2f1Euler`), which keeps the terms decaying like n^(a+b−c−1) zⁿ.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 series needs 0 ≤ z < 1, got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1 needs c not a non-positive integer, got ${c}`);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    // Past the hump the ratio of successive terms tends to z monotonically
    // (from above or below), so q = max(ratio, z) bounds every later ratio and
    // term · q / (1 − q) bounds the tail: stop when that is negligible.
    const q = Math.max(Math.abs(((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z, z);
    if (q < 1 && (Math.abs(term) * q) / (1 - q) <= HYP2F1_TOLERANCE * Math.abs(sum)) return sum;
    if (term === 0) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${HYP2F1_MAX_TERMS} terms`);
}

/**
 * (1 − z)^s · 2F1(a, b; c; z) through Euler's transformation
 * 2F1(a, b; c; z) = (1 − z)^(c−a−b) 2F1(c − a, c − b; c; z): the transformed
 * series converges fast near z = 1 whenever a + b is large (a customer with
 * many purchases), where the direct series would need thousands of terms
 * and its prefactor underflows.
 */
export function scaledHyp2f1(s: number, a: number, b: number, c: number, z: number): number {
  if (c - a - b >= 0) return Math.pow(1 - z, s) * hyp2f1(a, b, c, z);
  return Math.pow(1 - z, s + c - a - b) * hyp2f1(c - a, c - b, c, z);
}
