import type { LocalizedText } from "@/lib/localized-text";
import type { BasketLine, Channel } from "@/lib/domain/rules/types";

/** Which of the two plans a figure belongs to: the candidate (usually the draft) or the live plan. */
export type SimulatedPlan = "candidate" | "baseline";
export const SIMULATED_PLANS: readonly SimulatedPlan[] = ["candidate", "baseline"];

/**
 * A recorded purchase as the simulator replays it. Lines are the quantities the
 * member kept (refunded quantities removed), since a refund takes its points back.
 */
export type ReplayedPurchase = {
  memberId: string;
  occurredAt: Date;
  channel: Channel;
  storeId?: string;
  lines: BasketLine[];
  /** Spend that counts toward tiers by spend: the amount net of refunds, minor units. */
  netAmountMinor: number;
  /** The member's tier when the window opened (tier history), the start of their ladder in both plans. */
  startTier: string | null;
  /** The member's saved segments (today's membership: history is not kept). */
  segmentIds: string[];
  /** No purchase of the member before this one, in or before the window. */
  isFirstPurchase: boolean;
};

/** What one plan gives over the window, all integers (points, minor units); money is null without a point value. */
export type PlanOutcome = {
  pointsIssued: number;
  /** pointsIssued × the observed redemption rate. */
  expectedRedeemedPoints: number;
  expectedRedemptionCostMinor: number | null;
  /** Points of the window past their expiry by its end that would not have been redeemed. */
  expiredPoints: number;
  /** Window points still owed at its end: issued − expected redeemed − expired. */
  outstandingPoints: number;
  liabilityMinor: number | null;
  costPerMemberMinor: number | null;
};

export type SimulationResults = {
  assumptions: {
    /** Redeemed ÷ (issued − reversed) over the program's whole history; 0 when nothing was ever issued. */
    redemptionRate: number;
    pointValueMilli: number | null;
    currency: string;
    timeZone: string;
  };
  purchases: number;
  members: number;
  outcomes: Record<SimulatedPlan, PlanOutcome>;
  /** Points issued per local month of the window. */
  months: { month: string; candidate: number; baseline: number }[];
  /** Members (who bought in the window) per tier at its end; key null = no tier. */
  tiers: { key: string | null; name: LocalizedText | null; candidate: number; baseline: number }[];
  segments: { segmentId: string; name: string; members: number; candidate: SegmentOutcome; baseline: SegmentOutcome }[];
};

export type SegmentOutcome = { pointsIssued: number; expectedRedemptionCostMinor: number | null; costPerMemberMinor: number | null };

export type ReplayedPurchaseLine = BasketLine;
