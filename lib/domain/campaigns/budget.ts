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

/** An award's cost against every cap: its points, its money and one award of the count. */
export type AwardCost = { points: number; moneyMinor: number };

/**
 * Whether one more award of `cost` fits every cap: points, money and the
 * count of awards (`countCap`, e.g. "at most 500 coupons"). Like fitsBudget,
 * an award is whole: the campaign stops before passing any cap.
 */
export function fitsCaps(caps: Budget & { count: number | null }, spent: Spent & { count: number }, cost: AwardCost): boolean {
  if (caps.count !== null && spent.count + 1 > caps.count) return false;
  if (caps.points !== null && spent.points + cost.points > caps.points) return false;
  if (caps.moneyMinor !== null && spent.moneyMinor + cost.moneyMinor > caps.moneyMinor) return false;
  return true;
}

export type OfferReward = { kind: "amount_discount" | "percent_discount" | "free_product" | "experience" | "partner_perk"; value: number | null; pointsPrice: number };

/**
 * What one offer coupon costs the program in money (minor units): an amount
 * discount is worth its amount; anything else is worth its points price at
 * the point's value (rounded up, never under-counted). Null when there is no
 * way to tell (no point value set), so a money cap cannot be kept.
 */
export function offerCostMinor(reward: OfferReward, pointValueMilli: number | null | undefined): number | null {
  if (reward.kind === "amount_discount" && reward.value !== null) return reward.value;
  if (!pointValueMilli || pointValueMilli <= 0) return null;
  return awardCostMinor(reward.pointsPrice, pointValueMilli);
}
