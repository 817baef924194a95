/**
 * Draws from the models' own generative stories, for parameter-recovery
 * tests and demo data: pure, driven by a caller-supplied uniform generator
 * (e.g. seededRandom from lib/domain/generate) so results are reproducible.
 */
import type { BgNbdParams, RepeatHistory } from "./bg-nbd";
import type { GammaGammaParams, SpendHistory } from "./gamma-gamma";

type Uniform = () => number;

/** A uniform in (0, 1): never exactly 0, so logs stay finite. */
const open = (random: Uniform) => {
  let u = random();
  while (u <= 0) u = random();
  return u;
};

function standardNormal(random: Uniform): number {
  // Box–Muller; one of the pair is enough here.
  return Math.sqrt(-2 * Math.log(open(random))) * Math.cos(2 * Math.PI * random());
}

/**
 * Gamma(shape, rate) by Marsaglia & Tsang (2000); for shape < 1 draw with
 * shape + 1 and scale by U^(1/shape).
 */
export function sampleGamma(shape: number, rate: number, random: Uniform): number {
  if (shape < 1) return sampleGamma(shape + 1, rate, random) * Math.pow(open(random), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = open(random);
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

export function sampleBeta(a: number, b: number, random: Uniform): number {
  const x = sampleGamma(a, 1, random);
  const y = sampleGamma(b, 1, random);
  return x / (x + y);
}

/**
 * One BG/NBD customer observed for T weeks after the first purchase:
 * exponential gaps at rate λ, and after each repeat purchase a coin with
 * probability p decides whether they drop out for good.
 */
export function simulateBgNbdCustomer({ r, alpha, a, b }: BgNbdParams, T: number, random: Uniform): RepeatHistory {
  const lambda = sampleGamma(r, alpha, random);
  const p = sampleBeta(a, b, random);
  let t = 0;
  let x = 0;
  let tx = 0;
  for (;;) {
    t += -Math.log(open(random)) / lambda;
    if (t > T) break;
    x += 1;
    tx = t;
    if (random() < p) break;
  }
  return { x, tx, T };
}

/** A customer with x transactions: ν ~ Gamma(q, γ), each value ~ Gamma(p, ν); returns their mean. */
export function simulateGammaGammaCustomer({ p, q, gamma }: GammaGammaParams, x: number, random: Uniform): SpendHistory {
  const nu = sampleGamma(q, gamma, random);
  let sum = 0;
  for (let i = 0; i < x; i++) sum += sampleGamma(p, nu, random);
  return { x, meanSpend: sum / x };
}
