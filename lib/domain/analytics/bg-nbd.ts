/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting Your
 * Customers the Easy Way", Marketing Science 24(2)): while alive a customer
 * buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat
 * purchase they drop out with probability p ~ Beta(a, b). Equation numbers
 * below are the paper's.
 */
import { nelderMead } from "./nelder-mead";
import { lgamma, logSumExp, scaledHyp2f1 } from "./special-functions";

export type BgNbdParams = { r: number; alpha: number; a: number; b: number };

/** x repeat purchases, the last at t_x, observed for T weeks since the first purchase. */
export type RepeatHistory = { x: number; tx: number; T: number };

export type BgNbdFit = { params: BgNbdParams; logLikelihood: number; iterations: number; converged: boolean };

/**
 * The part of ln L (eq. 6) that depends only on x: ln[Γ(r+x) α^r / Γ(r)] +
 * ln[B(a, b+x) / B(a, b)]. Customers share it by x, so a fit computes it once
 * per distinct x instead of once per customer.
 */
function sharedByX({ r, alpha, a, b }: BgNbdParams, x: number): number {
  return lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
}

/** Sum of ln L (eq. 6) over customers. */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly RepeatHistory[]): number {
  return compileLogLikelihood(customers)(params);
}

/**
 * ln L as a function of the parameters for fixed data, the shape an
 * optimiser wants. Customers with the same (x, t_x, T) — common, since
 * purchases fall on whole days — are counted once with a weight, and sorted
 * by x into typed arrays, so an evaluation costs four logs and an exp per
 * distinct history plus a few lgammas per distinct x.
 */
function compileLogLikelihood(customers: readonly RepeatHistory[]): (params: BgNbdParams) => number {
  const groups = new Map<string, { history: RepeatHistory; count: number }>();
  for (const c of customers) {
    const key = `${c.x}|${c.tx}|${c.T}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { history: c, count: 1 });
  }
  const sorted = [...groups.values()].sort((p, q) => p.history.x - q.history.x);
  const x = Float64Array.from(sorted, (g) => g.history.x);
  const tx = Float64Array.from(sorted, (g) => g.history.tx);
  const T = Float64Array.from(sorted, (g) => g.history.T);
  const weight = Float64Array.from(sorted, (g) => g.count);
  return (params) => {
    const { r, alpha, a, b } = params;
    const logA = Math.log(a);
    let total = 0;
    let shared = 0;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      if (i === 0 || xi !== x[i - 1]) shared = sharedByX(params, xi);
      const alive = -(r + xi) * Math.log(alpha + T[i]!);
      const dropped = xi > 0 ? logA - Math.log(b + xi - 1) - (r + xi) * Math.log(alpha + tx[i]!) : -Infinity;
      total += weight[i]! * (shared + logSumExp(alive, dropped));
    }
    return total;
  };
}

const fromLog = ([r, alpha, a, b]: number[]): BgNbdParams => ({ r: Math.exp(r!), alpha: Math.exp(alpha!), a: Math.exp(a!), b: Math.exp(b!) });

/**
 * Maximum-likelihood (r, α, a, b): Nelder–Mead on the log-parameters (all four
 * are positive), started from r = α = a = b = 1 unless told otherwise.
 */
export function fitBgNbd(customers: readonly RepeatHistory[], start: BgNbdParams = { r: 1, alpha: 1, a: 1, b: 1 }): BgNbdFit {
  if (customers.length === 0) throw new RangeError("fitBgNbd needs at least one customer");
  for (const { x, tx, T } of customers) {
    if (!(Number.isInteger(x) && x >= 0 && tx >= 0 && T >= tx)) throw new RangeError(`Invalid repeat history x=${x}, t_x=${tx}, T=${T}`);
  }
  const logLikelihood = compileLogLikelihood(customers);
  const result = nelderMead((logParams) => -logLikelihood(fromLog(logParams)), [start.r, start.alpha, start.a, start.b].map(Math.log));
  return { params: fromLog(result.x), logLikelihood: -result.value, iterations: result.iterations, converged: result.converged };
}

/** ln of a/(b+x−1) · ((α+T)/(α+t_x))^(r+x): the odds of "dropped out at t_x" against "alive at T". */
function logDropOdds({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: RepeatHistory): number {
  if (x === 0) return -Infinity;
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** P(alive | x, t_x, T) (eq. 11): 1 / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)). */
export function probabilityAlive(params: BgNbdParams, history: RepeatHistory): number {
  return 1 / (1 + Math.exp(logDropOdds(params, history)));
}

// At a = 1 both the factor 1/(a−1) and the bracket of eqs. 7 and 10 vanish;
// the limit is finite, so evaluate just beside the singular point.
const nonSingular = (a: number) => (Math.abs(a - 1) < 1e-7 ? 1 + 1e-7 : a);

/**
 * E[Y(t) | x, t_x, T] (eq. 10): expected purchases in the next t weeks of a
 * customer with this history,
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)).
 */
export function expectedPurchases(params: BgNbdParams, history: RepeatHistory, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = params;
  const a = nonSingular(params.a);
  const { x, T } = history;
  const z = t / (alpha + T + t);
  const bracket = 1 - scaledHyp2f1(r + x, r + x, b + x, a + b + x - 1, z);
  return (((a + b + x - 1) / (a - 1)) * bracket) / (1 + Math.exp(logDropOdds(params, history)));
}

/**
 * E[X(t)] (eq. 7): expected repeat purchases in the first t weeks after a
 * customer's first purchase, for a customer drawn at random —
 *   (a+b−1)/(a−1) · [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))].
 */
export function expectedRepeatPurchases(params: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = params;
  const a = nonSingular(params.a);
  return ((a + b - 1) / (a - 1)) * (1 - scaledHyp2f1(r, r, b, a + b - 1, t / (alpha + t)));
}
