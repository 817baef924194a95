import type { CampaignChannel } from "./definition";

export type Reachable = { status: "active" | "suspended" | "anonymized"; consentMarketing: boolean; email: string | null };

/**
 * The channels a campaign may use for this member. Inbox and email messages are
 * marketing and need the member's marketing consent (and an email address);
 * the webhook tells the program's own systems, not the member. Points are never
 * gated here: a grant or a trigger award does not depend on consent.
 */
export function allowedChannels(channels: readonly CampaignChannel[], m: Reachable): CampaignChannel[] {
  if (m.status !== "active") return channels.filter((c) => c === "webhook");
  return channels.filter((c) => {
    if (c === "webhook") return true;
    if (!m.consentMarketing) return false;
    return c === "email" ? Boolean(m.email) : true;
  });
}
