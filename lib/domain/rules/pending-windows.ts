const DAY_MS = 86_400_000;

/**
 * When each part of a purchase's points leaves its return window: the
 * evaluation's parts (a rule's own pending period, or the plan's), with extra
 * points from outside the plan (a bonus campaign) added to the plan's part.
 * `pendingUntil` is null for points available at once.
 */
export function pendingWindows(
  parts: readonly { days: number; points: number }[],
  p: { planDays: number; extraPoints: number; occurredAt: Date },
): { points: number; pendingUntil: Date | null }[] {
  const byDays = new Map(parts.map((part) => [part.days, part.points]));
  if (p.extraPoints > 0) byDays.set(p.planDays, (byDays.get(p.planDays) ?? 0) + p.extraPoints);
  return [...byDays]
    .filter(([, points]) => points > 0)
    .sort(([a], [b]) => a - b)
    .map(([days, points]) => ({ points, pendingUntil: days > 0 ? new Date(p.occurredAt.getTime() + days * DAY_MS) : null }));
}
