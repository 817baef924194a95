/**
 * Whether a member may redeem a reward right now, and at what price. Pure:
 * the caller loads the reward, the member's tier and segments, and how many
 * coupons of this reward the member already holds, then passes `now`.
 */
export type RewardTerms = {
  status: "draft" | "active" | "archived";
  pointsPrice: number;
  /** Tier key → price, overriding pointsPrice for members of that tier. */
  tierPrices?: Record<string, number> | null;
  /** Units left; null = unlimited. */
  stock: number | null;
  perMemberLimit: number | null;
  periodLimit?: { count: number; days: number } | null;
  validFrom: Date | null;
  validUntil: Date | null;
  eligibility?: { tiers?: string[]; segmentIds?: string[] } | null;
};

export type MemberStanding = { tierKey: string | null; segmentIds: readonly string[] };

/** Coupons of this reward the member holds (voided ones excluded): ever, and since `now - periodLimit.days`. */
export type MemberUsage = { total: number; inPeriod: number };

export type IneligibleReason =
  | "reward_inactive"
  | "not_started"
  | "ended"
  | "tier_not_eligible"
  | "segment_not_eligible"
  | "out_of_stock"
  | "limit_reached"
  | "period_limit_reached";

export type Eligibility = { eligible: true; price: number } | { eligible: false; reason: IneligibleReason; price: number };

/** The stable API code of a refusal: stock and limits have their own, everything else is `reward_not_eligible`. */
export function refusalCode(reason: IneligibleReason): "reward_not_eligible" | "out_of_stock" | "limit_reached" {
  if (reason === "out_of_stock") return "out_of_stock";
  if (reason === "limit_reached" || reason === "period_limit_reached") return "limit_reached";
  return "reward_not_eligible";
}

/** The member's price: the tier's override when there is one, otherwise the base price. */
export function priceFor(reward: Pick<RewardTerms, "pointsPrice" | "tierPrices">, tierKey: string | null): number {
  const override = tierKey ? reward.tierPrices?.[tierKey] : undefined;
  return override ?? reward.pointsPrice;
}

/** Checks in the order a member would want to hear about them: availability, who may, then what is left. */
export function checkEligibility(reward: RewardTerms, member: MemberStanding, usage: MemberUsage, now: Date): Eligibility {
  const price = priceFor(reward, member.tierKey);
  const refuse = (reason: IneligibleReason): Eligibility => ({ eligible: false, reason, price });
  if (reward.status !== "active") return refuse("reward_inactive");
  if (reward.validFrom && now < reward.validFrom) return refuse("not_started");
  if (reward.validUntil && now >= reward.validUntil) return refuse("ended");
  const tiers = reward.eligibility?.tiers ?? [];
  if (tiers.length > 0 && (!member.tierKey || !tiers.includes(member.tierKey))) return refuse("tier_not_eligible");
  const segments = reward.eligibility?.segmentIds ?? [];
  if (segments.length > 0 && !segments.some((s) => member.segmentIds.includes(s))) return refuse("segment_not_eligible");
  if (reward.stock !== null && reward.stock <= 0) return refuse("out_of_stock");
  if (reward.perMemberLimit !== null && usage.total >= reward.perMemberLimit) return refuse("limit_reached");
  if (reward.periodLimit && usage.inPeriod >= reward.periodLimit.count) return refuse("period_limit_reached");
  return { eligible: true, price };
}

/** Start of the rolling window a period limit counts coupons in. */
export function periodStart(reward: Pick<RewardTerms, "periodLimit">, now: Date): Date | null {
  return reward.periodLimit ? new Date(now.getTime() - reward.periodLimit.days * 86_400_000) : null;
}

/** When a coupon issued at `issuedAt` stops being valid: its own validity, never past the reward's end. */
export function couponExpiry(issuedAt: Date, validDays: number, rewardEnds: Date | null): Date {
  const own = new Date(issuedAt.getTime() + validDays * 86_400_000);
  return rewardEnds && rewardEnds < own ? rewardEnds : own;
}
