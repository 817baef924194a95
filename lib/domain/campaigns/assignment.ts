/** 32-bit FNV-1a with a murmur3 finaliser: stable across processes and versions (no Math.random). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export type CampaignGroup = "treatment" | "control";

/**
 * The member's arm in a campaign: a hash of (campaign, member) below the
 * control share (whole percent) means control. Deterministic, so a re-run, a
 * second instance or the results page all agree without storing anything first.
 */
export function assignGroup(campaignId: string, memberId: string, controlSharePct: number): CampaignGroup {
  if (controlSharePct <= 0) return "treatment";
  const bucket = stableHash(`${campaignId}:${memberId}`) % 10_000;
  return bucket < controlSharePct * 100 ? "control" : "treatment";
}
