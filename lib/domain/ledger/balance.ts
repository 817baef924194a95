/** The cached balances of a points account, all integers and never negative. */
export type Balance = {
  available: number;
  pending: number;
  held: number;
  lifetimeEarned: number;
  lifetimeRedeemed: number;
  lifetimeExpired: number;
};

export type BalanceDelta = Partial<Balance>;

export const ZERO_BALANCE: Balance = {
  available: 0,
  pending: 0,
  held: 0,
  lifetimeEarned: 0,
  lifetimeRedeemed: 0,
  lifetimeExpired: 0,
};

/** Applies a delta; throws if any balance would go negative (a bug: services check first). */
export function applyDelta(balance: Balance, delta: BalanceDelta): Balance {
  const next: Balance = { ...balance };
  for (const key of Object.keys(delta) as (keyof Balance)[]) {
    next[key] += delta[key] ?? 0;
    if (next[key] < 0 || !Number.isSafeInteger(next[key])) {
      throw new RangeError(`Balance ${key} would become ${next[key]}`);
    }
  }
  return next;
}

/** How much of an entry may still be reversed. */
export function reversibleRemainder(originalPoints: number, alreadyReversed: number): number {
  return Math.max(0, originalPoints - alreadyReversed);
}
