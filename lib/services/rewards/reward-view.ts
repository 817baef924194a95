import type { RewardRow } from "@/db/queries/rewards";
import type { RewardTarget } from "@/lib/domain/rewards/reward-target";

/** A reward as members, staff and integrations see it (no internal counters). */
export type RewardView = {
  id: string;
  kind: RewardRow["kind"];
  name: { es: string; en: string };
  description: { es: string; en: string } | null;
  pointsPrice: number;
  value: number | null;
  stock: number | null;
  menuId: string | null;
  imageUrl: string | null;
  validFrom: string | null;
  validUntil: string | null;
  couponValidDays: number;
  /** What it is valid on (a SKU or a catalog category, with its name); null = the whole ticket. */
  target: RewardTarget | null;
};

/** `target`: the reward's resolved target (resolveRewardTargets), when it has one. */
export function toRewardView(r: RewardRow, target: RewardTarget | null = null): RewardView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    description: r.description ?? null,
    pointsPrice: r.pointsPrice,
    value: r.value ?? null,
    stock: r.stock ?? null,
    menuId: r.menuId ?? null,
    imageUrl: r.imageUrl ?? null,
    validFrom: r.validFrom?.toISOString() ?? null,
    validUntil: r.validUntil?.toISOString() ?? null,
    couponValidDays: r.couponValidDays,
    target,
  };
}

/** The reward's terms for the pure eligibility check. */
export function termsOf(r: RewardRow) {
  return {
    status: r.status,
    pointsPrice: r.pointsPrice,
    tierPrices: r.tierPrices ?? null,
    stock: r.stock ?? null,
    perMemberLimit: r.perMemberLimit ?? null,
    periodLimit: r.periodLimit ?? null,
    validFrom: r.validFrom ?? null,
    validUntil: r.validUntil ?? null,
    eligibility: r.eligibility ?? null,
  };
}
