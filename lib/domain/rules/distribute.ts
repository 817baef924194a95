/**
 * Splits an integer total across weights so the parts are integers that add up
 * exactly (largest remainder). Ties go to the earlier weight, so the split is
 * deterministic. Zero total weight gives all zeros. Allocation-light: the rules
 * engine calls it for every rule of every purchase.
 */
export function distribute(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) if (weights[i]! > 0) sum += weights[i]!;
  const parts: number[] = new Array<number>(n).fill(0);
  if (total <= 0 || sum <= 0) return parts;
  const fractions: number[] = new Array<number>(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w <= 0) {
      fractions[i] = -1;
      continue;
    }
    const exact = (w * total) / sum;
    const whole = Math.floor(exact);
    parts[i] = whole;
    fractions[i] = exact - whole;
    left -= whole;
  }
  // `left` < number of positive weights: hand out one point each to the largest remainders.
  while (left > 0) {
    let best = -1;
    for (let i = 0; i < n; i++) if (fractions[i]! >= 0 && (best < 0 || fractions[i]! > fractions[best]!)) best = i;
    parts[best]! += 1;
    fractions[best] = -1;
    left -= 1;
  }
  return parts;
}
