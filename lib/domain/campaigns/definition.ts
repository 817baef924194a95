/** What a campaign does, stored as `campaigns.definition` (validated by lib/validation/campaigns). */
export const TRIGGER_TYPES = [
  "first_purchase",
  "nth_purchase",
  "points_milestone",
  "tier_upgrade",
  "birthday",
  "anniversary",
  "inactivity",
  "points_expiring",
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export type CampaignTrigger =
  | { type: "first_purchase" }
  | { type: "nth_purchase"; n: number }
  | { type: "points_milestone"; points: number }
  | { type: "tier_upgrade"; toTier?: string | null }
  | { type: "birthday"; windowDays?: number }
  | { type: "anniversary"; windowDays?: number }
  | { type: "inactivity"; days: number }
  | { type: "points_expiring"; withinDays: number; minPoints?: number };

export const CAMPAIGN_CHANNELS = ["inbox", "email", "webhook"] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export type MessageTemplate = { subject: string; body: string };
export type CampaignTemplates = { es: MessageTemplate; en: MessageTemplate };

export type CampaignDefinition = {
  trigger?: CampaignTrigger | null;
  /** Points per award (trigger and grant campaigns). */
  points?: number;
  /** Bonus campaigns: the extra multiplier on a purchase's points, e.g. 2 for "double points". */
  multiplier?: number;
  /** Offer campaigns: the reward issued as a coupon. */
  rewardId?: string | null;
  channels: CampaignChannel[];
  templates: CampaignTemplates;
};

export type CampaignKind = "trigger" | "bonus" | "grant" | "offer";
/** `running` is what the console calls "active". */
export type CampaignStatus = "draft" | "scheduled" | "running" | "paused" | "ended";

/** Is the campaign live at `now` (running and inside its dates)? */
export function isLive(c: { status: CampaignStatus; startsAt: Date | null; endsAt: Date | null }, now: Date): boolean {
  if (c.status !== "running") return false;
  if (c.startsAt && now < c.startsAt) return false;
  if (c.endsAt && now >= c.endsAt) return false;
  return true;
}
