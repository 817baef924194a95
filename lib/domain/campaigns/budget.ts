/** A campaign's budget: caps in points and in money (minor units), each optional. */
export type Budget = { points: number | null; moneyMinor: number | null };
export type Spent = { points: number; moneyMinor: number };

/** Money an award costs: points × the point's value in thousandths of a minor unit, rounded up (never under-counted). */
export function awardCostMinor(points: number, pointValueMilli: number): number {
  return Math.ceil((points * pointValueMilli) / 1000);
}

/**
 * Whether one more award of `points` fits the budget. Awards are whole (a
 * member never gets 137 of 500 birthday points); the campaign stops when the
 * next award would pass a cap, so spending never exceeds it and reaches it
 * exactly when awards divide it.
 */
export function fitsBudget(budget: Budget, spent: Spent, points: number, pointValueMilli: number): boolean {
  if (budget.points !== null && spent.points + points > budget.points) return false;
  if (budget.moneyMinor !== null && spent.moneyMinor + awardCostMinor(points, pointValueMilli) > budget.moneyMinor) return false;
  return true;
}

/** Spends the budget over awards in order; returns which ones are granted and the spend after. */
export function allocateBudget(budget: Budget, spent: Spent, awards: number[], pointValueMilli: number): { granted: boolean[]; spent: Spent } {
  let now = { ...spent };
  const granted = awards.map((points) => {
    if (!fitsBudget(budget, now, points, pointValueMilli)) return false;
    now = { points: now.points + points, moneyMinor: now.moneyMinor + awardCostMinor(points, pointValueMilli) };
    return true;
  });
  return { granted, spent: now };
}
