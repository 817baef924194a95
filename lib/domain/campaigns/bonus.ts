/** A live bonus campaign that covers a purchase's member, in the treatment arm. */
export type ActiveBonus = { campaignId: string; name: string; multiplier: number };

export type BonusOutcome = { campaignId: string; name: string; multiplier: number; basePoints: number; extraPoints: number } | null;

/**
 * The extra points of a bonus campaign on a purchase the plan gave `basePoints`:
 * ×2 adds as much again, rounded down. Bonuses do not stack: the largest
 * multiplier applies (ties go to the first campaign id, for a stable answer).
 */
export function applyBonus(basePoints: number, bonuses: readonly ActiveBonus[]): BonusOutcome {
  if (basePoints <= 0 || bonuses.length === 0) return null;
  const best = [...bonuses].sort((a, b) => b.multiplier - a.multiplier || a.campaignId.localeCompare(b.campaignId))[0]!;
  const extraPoints = Math.floor(basePoints * (best.multiplier - 1) + 1e-9);
  if (extraPoints <= 0) return null;
  return { campaignId: best.campaignId, name: best.name, multiplier: best.multiplier, basePoints, extraPoints };
}
