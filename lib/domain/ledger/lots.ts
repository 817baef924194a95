/**
 * Which lots pay for a debit. Pure: the services load the lots under the
 * account's row lock, ask these functions, then write what they return.
 */
export type SpendableLot = {
  id: string;
  remaining: number;
  expiresAt: Date | null;
  createdAt: Date;
};

/** A movement of points out of (negative) or back into (positive) one lot. */
export type Allocation = { lotId: string; points: number };

/** Oldest-expiring first; lots that never expire last; then oldest first. */
export function compareForSpending(a: SpendableLot, b: SpendableLot): number {
  const ea = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const eb = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  const ca = a.createdAt.getTime();
  const cb = b.createdAt.getTime();
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Draws `points` from the lots, soonest-expiring first. Returns negative
 * allocations and the part that could not be covered (0 when fully covered).
 */
export function drawFromLots(lots: readonly SpendableLot[], points: number): { allocations: Allocation[]; shortfall: number } {
  const allocations: Allocation[] = [];
  let left = points;
  for (const lot of [...lots].sort(compareForSpending)) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take <= 0) continue;
    allocations.push({ lotId: lot.id, points: -take });
    left -= take;
  }
  return { allocations, shortfall: left };
}

/**
 * Gives `points` back to the lots a debit drew from, most recently drawn first
 * (so the member keeps the points that were going to expire last).
 * `drawn` lists what the debit drew, net of earlier restorations, in draw order.
 */
export function restoreToLots(drawn: readonly Allocation[], points: number): Allocation[] {
  const restored: Allocation[] = [];
  let left = points;
  for (let i = drawn.length - 1; i >= 0 && left > 0; i--) {
    const item = drawn[i]!;
    const give = Math.min(-item.points, left);
    if (give <= 0) continue;
    restored.push({ lotId: item.lotId, points: give });
    left -= give;
  }
  if (left > 0) throw new Error(`Cannot restore ${points} points: only ${points - left} were drawn.`);
  return restored;
}

/** Net draw per lot over several allocation lists (draws negative, restores positive), in first-draw order. */
export function netDrawn(allocationLists: readonly (readonly Allocation[])[]): Allocation[] {
  const order: string[] = [];
  const net = new Map<string, number>();
  for (const list of allocationLists) {
    for (const { lotId, points } of list) {
      if (!net.has(lotId)) order.push(lotId);
      net.set(lotId, (net.get(lotId) ?? 0) + points);
    }
  }
  return order.map((lotId) => ({ lotId, points: net.get(lotId)! })).filter((a) => a.points < 0);
}
