import type { TierDefinition } from "./plan-definition";

export type TierProgress = {
  current: TierDefinition | null;
  next: TierDefinition | null;
  /** Qualifying points (or spend) still missing to reach `next`; 0 at the top. */
  missing: number;
  /** Share of the way from the current tier's threshold to the next one's, in [0, 1]. */
  ratio: number;
};

/**
 * Where a member stands on the tier ladder: the tier they hold (which may come from
 * an override, so it is not recomputed from points) and how far the qualifying total
 * is from the next tier up.
 */
export function tierProgress(tiers: readonly TierDefinition[], currentKey: string | null, qualifying: number): TierProgress {
  const ladder = [...tiers].sort((a, b) => a.threshold - b.threshold);
  const current = ladder.find((t) => t.key === currentKey) ?? null;
  const floor = current?.threshold ?? 0;
  const next = ladder.find((t) => t.threshold > floor && t.key !== current?.key && (current ? true : t.threshold > 0)) ?? null;
  if (!next) return { current, next: null, missing: 0, ratio: 1 };
  const span = next.threshold - floor;
  const ratio = span <= 0 ? 1 : Math.min(1, Math.max(0, (qualifying - floor) / span));
  return { current, next, missing: Math.max(0, next.threshold - qualifying), ratio };
}
