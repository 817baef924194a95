/**
 * Offer campaigns issue a reward's coupon for free. The campaign's audience
 * and caps decide who gets one, so the reward's price, tier and segment
 * eligibility and per-member limits do not apply; what the reward can still
 * refuse is being issued at all: archived, outside its dates, or out of stock.
 */
export type OfferRewardTerms = { status: "draft" | "active" | "archived"; validFrom: Date | null; validUntil: Date | null; stock: number | null };

export type OfferRefusal = "reward_archived" | "not_started" | "ended" | "out_of_stock";

/** Why the reward cannot be issued now, or null when it can. */
export function offerRefusal(reward: OfferRewardTerms, now: Date): OfferRefusal | null {
  if (reward.status === "archived") return "reward_archived";
  if (reward.validFrom && now < reward.validFrom) return "not_started";
  if (reward.validUntil && now >= reward.validUntil) return "ended";
  if (reward.stock !== null && reward.stock <= 0) return "out_of_stock";
  return null;
}

/** The period of an offer's award: one coupon per member and campaign, whatever the number of runs. */
export const OFFER_PERIOD = "offer";

/** The idempotency key of one member's offer coupon: re-running a campaign can never issue twice. */
export const offerKey = (campaignId: string, memberId: string) => `campaign:${campaignId}:member:${memberId}`;
