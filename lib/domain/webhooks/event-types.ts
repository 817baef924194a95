/** The events integrations can subscribe to (webhooks); names are part of the public contract. */
export const EVENT_TYPES = [
  "member.created",
  "points.earned",
  "points.redeemed",
  "points.reversed",
  "points.expiring",
  "points.expired",
  "tier.changed",
  "coupon.issued",
  "coupon.redeemed",
  "campaign.awarded",
  "referral.created",
  "referral.completed",
  "referral.cancelled",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Sent only by "Send test event" in the console, to one endpoint; nobody subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";
