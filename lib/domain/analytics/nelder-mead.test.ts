import { describe, expect, it } from "vitest";
import { nelderMead } from "./nelder-mead";

describe("nelderMead", () => {
  it("finds the minimum of a shifted quadratic bowl", () => {
    const result = nelderMead(([x, y]) => (x! - 3) ** 2 + 10 * (y! + 1) ** 2, [0, 0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 5);
    expect(result.x[1]).toBeCloseTo(-1, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it("follows Rosenbrock's curved valley to (1, 1)", () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it("minimises in four dimensions", () => {
    const target = [0.5, -2, 1.5, 3];
    const result = nelderMead((x) => x.reduce((s, xi, i) => s + (i + 1) * (xi - target[i]!) ** 2, 0), [0, 0, 0, 0]);
    result.x.forEach((xi, i) => expect(xi).toBeCloseTo(target[i]!, 4));
  });

  it("steps away from NaN regions as if they were infinitely bad", () => {
    // log is NaN for x < 0; the minimum of (log x − 1)² is at x = e.
    const result = nelderMead(([x]) => (Math.log(x!) - 1) ** 2, [0.2], { step: 1 });
    expect(result.x[0]).toBeCloseTo(Math.E, 4);
  });

  it("reports when it ran out of iterations", () => {
    const result = nelderMead(([x, y]) => (x! - 3) ** 2 + (y! - 4) ** 2, [0, 0], { maxIterations: 3, restarts: 0 });
    expect(result.converged).toBe(false);
  });
});
