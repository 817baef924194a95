/**
 * Points as payment: a point is worth `pointValueMilli` / 1,000 minor units
 * (programs.settings.pointValueMilli). Pure integer arithmetic.
 */

/** The points that pay for `amountMinor`, rounded up so the points always cover the amount. */
export function pointsForAmount(amountMinor: number, pointValueMilli: number): number {
  if (pointValueMilli <= 0) throw new RangeError("A point must be worth something");
  return Math.ceil((amountMinor * 1000) / pointValueMilli);
}

/** What `points` are worth in minor units (rounded down), or null when the program sets no value. */
export function pointsValueMinor(points: number, pointValueMilli: number | null | undefined): number | null {
  if (!pointValueMilli || pointValueMilli <= 0) return null;
  return Math.floor((points * pointValueMilli) / 1000);
}
