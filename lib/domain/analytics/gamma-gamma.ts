/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005,
 * "RFM and CLV", JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value"): each transaction value z ~ Gamma(p, ν), and across
 * customers ν ~ Gamma(q, γ). It assumes spend is independent of the
 * purchase process, and is fit on customers with at least one repeat
 * purchase, using the mean value m_x of their x repeat transactions.
 */
import { nelderMead } from "./nelder-mead";
import { lgamma } from "./special-functions";

export type GammaGammaParams = { p: number; q: number; gamma: number };

/** x ≥ 1 repeat transactions with mean value m > 0 (any one currency unit). */
export type SpendHistory = { x: number; meanSpend: number };

export type GammaGammaFit = { params: GammaGammaParams; logLikelihood: number; customers: number; iterations: number; converged: boolean };

/**
 * Σ ln f(m_x | p, q, γ, x) as a function of the parameters. The mean of x
 * Gamma(p, ν) values is Gamma(px, νx); mixing ν over Gamma(q, γ) gives
 *   f(m | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q x^(px) m^(px−1) / (γ + x m)^(px+q).
 * The Γ terms depend only on x, so they are computed once per distinct x.
 */
function compileLogLikelihood(customers: readonly SpendHistory[]): (params: GammaGammaParams) => number {
  const sorted = [...customers].sort((u, v) => u.x - v.x);
  const x = Float64Array.from(sorted, (c) => c.x);
  const m = Float64Array.from(sorted, (c) => c.meanSpend);
  const logM = m.map(Math.log);
  return ({ p, q, gamma }) => {
    const logGamma = Math.log(gamma);
    let total = 0;
    let shared = 0;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const px = p * xi;
      if (i === 0 || xi !== x[i - 1]) shared = lgamma(px + q) - lgamma(px) - lgamma(q) + q * logGamma + px * Math.log(xi);
      total += shared + (px - 1) * logM[i]! - (px + q) * Math.log(gamma + xi * m[i]!);
    }
    return total;
  };
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly SpendHistory[]): number {
  return compileLogLikelihood(customers)(params);
}

const fromLog = ([p, q, gamma]: number[]): GammaGammaParams => ({ p: Math.exp(p!), q: Math.exp(q!), gamma: Math.exp(gamma!) });

/**
 * Maximum-likelihood (p, q, γ) by Nelder–Mead on log-parameters. Customers
 * without a repeat purchase or with a zero mean carry no information about
 * spend under the model and are left out (the count used is returned).
 */
export function fitGammaGamma(histories: readonly SpendHistory[]): GammaGammaFit {
  const customers = histories.filter((h) => h.x > 0 && h.meanSpend > 0);
  if (customers.length === 0) throw new RangeError("fitGammaGamma needs customers with x > 0 and a positive mean spend");
  // Start γ at the average mean spend: γ carries the currency scale, p and q do not.
  const scale = customers.reduce((sum, c) => sum + c.meanSpend, 0) / customers.length;
  const logLikelihood = compileLogLikelihood(customers);
  const result = nelderMead((logParams) => -logLikelihood(fromLog(logParams)), [0, 0, Math.log(scale)]);
  return { params: fromLog(result.x), logLikelihood: -result.value, customers: customers.length, iterations: result.iterations, converged: result.converged };
}

/**
 * E[M | p, q, γ, m_x, x] = (p (γ + x m_x)) / (p x + q − 1): a weighted average
 * of the population mean pγ/(q−1) and the customer's own mean m_x, the weight
 * on m_x growing with x. With no repeat purchase (x = 0) it is the population
 * mean. Needs q > 1 (otherwise the population mean spend is infinite).
 */
export function expectedAverageSpend({ p, q, gamma }: GammaGammaParams, history: { x: number; meanSpend: number | null }): number {
  if (!(q > 1)) throw new RangeError(`Expected spend needs q > 1, got q = ${q}`);
  const x = history.meanSpend === null ? 0 : history.x;
  const m = history.meanSpend ?? 0;
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
