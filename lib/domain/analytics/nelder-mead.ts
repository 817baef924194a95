/**
 * Nelder–Mead downhill simplex minimiser (Nelder & Mead 1965, with the
 * standard coefficients of Lagarias et al. 1998: reflection 1, expansion 2,
 * contraction ½, shrink ½). Derivative-free, so it suits likelihoods whose
 * gradients are tedious; the models fit on log-parameters so the search is
 * unconstrained.
 */
export type NelderMeadOptions = {
  /** Initial simplex edge, in the units of x (for log-parameters, 0.5 ≈ a factor of 1.6). */
  step?: number;
  /** Stop when the simplex's function values and vertices agree to these tolerances. */
  fTolerance?: number;
  xTolerance?: number;
  maxIterations?: number;
  /** Restart from the best point this many times: a collapsed simplex can stall short of the optimum. */
  restarts?: number;
};

export type NelderMeadResult = { x: number[]; value: number; iterations: number; converged: boolean };

type Vertex = { x: number[]; value: number };

export function nelderMead(f: (x: number[]) => number, start: number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const { restarts = 2, ...rest } = options;
  let result = minimiseOnce(f, start, rest);
  let iterations = result.iterations;
  for (let i = 0; i < restarts; i++) {
    const next = minimiseOnce(f, result.x, rest);
    iterations += next.iterations;
    const improved = next.value < result.value - (rest.fTolerance ?? 1e-10);
    if (next.value <= result.value) result = next;
    if (!improved) break;
  }
  return { ...result, iterations };
}

/** f, with NaN treated as +∞ so the simplex steps away from invalid regions. */
function safe(f: (x: number[]) => number): (x: number[]) => number {
  return (x) => {
    const value = f(x);
    return Number.isNaN(value) ? Infinity : value;
  };
}

function minimiseOnce(objective: (x: number[]) => number, start: number[], options: Omit<NelderMeadOptions, "restarts">): NelderMeadResult {
  const { step = 0.5, fTolerance = 1e-10, xTolerance = 1e-8, maxIterations = 5000 } = options;
  const f = safe(objective);
  const n = start.length;
  let simplex: Vertex[] = [{ x: [...start], value: f(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = x[i]! + step;
    simplex.push({ x, value: f(x) });
  }
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    simplex.sort((p, q) => p.value - q.value);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (hasConverged(simplex, fTolerance, xTolerance)) return { x: best.x, value: best.value, iterations: iteration, converged: true };
    const centroid = centroidOf(simplex.slice(0, n));
    const at = (t: number): Vertex => {
      const x = centroid.map((c, i) => c + t * (worst.x[i]! - c));
      return { x, value: f(x) };
    };
    const reflected = at(-1);
    if (reflected.value < best.value) {
      const expanded = at(-2);
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[n - 1]!.value) {
      simplex[n] = reflected;
    } else {
      // Contract outside (towards the reflected point) or inside (towards the worst).
      const outside = reflected.value < worst.value;
      const contracted = at(outside ? -0.5 : 0.5);
      if (contracted.value < (outside ? reflected.value : worst.value)) simplex[n] = contracted;
      else simplex = shrink(simplex, f);
    }
  }
  simplex.sort((p, q) => p.value - q.value);
  return { x: simplex[0]!.x, value: simplex[0]!.value, iterations: maxIterations, converged: false };
}

function centroidOf(vertices: Vertex[]): number[] {
  const sum = vertices[0]!.x.map(() => 0);
  for (const v of vertices) v.x.forEach((xi, i) => (sum[i] = sum[i]! + xi));
  return sum.map((s) => s / vertices.length);
}

function shrink(simplex: Vertex[], f: (x: number[]) => number): Vertex[] {
  const best = simplex[0]!;
  return simplex.map((v, k) => {
    if (k === 0) return v;
    const x = best.x.map((b, i) => b + 0.5 * (v.x[i]! - b));
    return { x, value: f(x) };
  });
}

function hasConverged(sorted: Vertex[], fTolerance: number, xTolerance: number): boolean {
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  if (!Number.isFinite(best.value)) return false;
  const fSpread = Math.abs(worst.value - best.value);
  if (fSpread > fTolerance * (1 + Math.abs(best.value))) return false;
  return sorted.every((v) => v.x.every((xi, i) => Math.abs(xi - best.x[i]!) <= xTolerance * (1 + Math.abs(best.x[i]!))));
}
