import { getCampaign, listCampaigns, type CampaignRow } from "@/db/queries/campaigns";
import { getReward, listRewardsWithCounts, type RewardRow } from "@/db/queries/rewards";
import { listSegments } from "@/db/queries/segments";
import type { LocalizedText } from "@/db/schema/tenancy";
import { offerCostMinor } from "@/lib/domain/campaigns/budget";
import type { CampaignDefinition } from "@/lib/domain/campaigns/definition";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed campaign id in a URL is simply "not found", like another program's. */
function campaignIdOf(id: unknown): string {
  if (typeof id !== "string" || !UUID.test(id)) throw new NotFoundError("campaign", String(id));
  return id;
}

export type CampaignList = { campaigns: CampaignRow[]; segmentNames: Record<string, string>; canWrite: boolean; currency: string; timeZone: string };

/** The console's campaign list (campaigns:read), with the segment names it mentions. */
export async function listProgramCampaigns(db: Executor, actor: Actor, input: { programId: string }): Promise<CampaignList> {
  const program = await authorizeProgram(db, actor, "campaigns:read", input?.programId);
  const [campaigns, segments] = await Promise.all([listCampaigns(db, { programId: program.id }), listSegments(db, { programId: program.id })]);
  return { campaigns, segmentNames: Object.fromEntries(segments.map((s) => [s.id, s.name])), canWrite: can(actor, "campaigns:write", program), currency: program.currency, timeZone: program.timeZone };
}

export type ProgramCampaign = CampaignRow & { canWrite: boolean; segmentName: string | null; currency: string; reward: { id: string; name: LocalizedText; status: RewardRow["status"] } | null };

/** One campaign for its page (campaigns:read), with its segment's name and, for an offer, its reward. */
export async function getProgramCampaign(db: Executor, actor: Actor, input: { programId: string; campaignId: string }): Promise<ProgramCampaign> {
  const program = await authorizeProgram(db, actor, "campaigns:read", input?.programId);
  const campaignId = campaignIdOf(input.campaignId);
  const row = await getCampaign(db, { programId: program.id, campaignId });
  if (!row) throw new NotFoundError("campaign", campaignId);
  const segment = row.segmentId ? (await listSegments(db, { programId: program.id })).find((s) => s.id === row.segmentId) : undefined;
  const rewardId = row.kind === "offer" ? (row.definition as CampaignDefinition).rewardId : null;
  const reward = rewardId ? await getReward(db, { programId: program.id, rewardId }) : undefined;
  return { ...row, canWrite: can(actor, "campaigns:write", program), segmentName: segment?.name ?? null, currency: program.currency, reward: reward ? { id: reward.id, name: reward.name, status: reward.status } : null };
}

export type RewardOption = { id: string; name: LocalizedText; kind: RewardRow["kind"]; status: RewardRow["status"]; costMinor: number | null };

export type CampaignFormContext = { segments: { id: string; name: string; memberCount: number | null }[]; rewards: RewardOption[]; currency: string; timeZone: string; programName: string; campaign: CampaignRow | null };

/** What the new/edit form needs (campaigns:write): the segment and reward pickers (each offer's money value), currency and clock, and the campaign being edited. */
export async function getCampaignFormContext(db: Executor, actor: Actor, input: { programId: string; campaignId?: string }): Promise<CampaignFormContext> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  let campaign: CampaignRow | null = null;
  if (input.campaignId !== undefined) {
    const campaignId = campaignIdOf(input.campaignId);
    campaign = (await getCampaign(db, { programId: program.id, campaignId })) ?? null;
    if (!campaign) throw new NotFoundError("campaign", campaignId);
  }
  const [segments, rewards] = await Promise.all([listSegments(db, { programId: program.id }), listRewardsWithCounts(db, { programId: program.id, status: ["active", "draft"] })]);
  const milli = program.settings.pointValueMilli;
  return {
    segments: segments.map((s) => ({ id: s.id, name: s.name, memberCount: s.memberCount })),
    rewards: rewards.map((r) => ({ id: r.id, name: r.name, kind: r.kind, status: r.status, costMinor: offerCostMinor(r, milli) })),
    currency: program.currency, timeZone: program.timeZone, programName: program.name, campaign };
}
export type { CampaignRow };
export type { CampaignRunProgress } from "@/db/schema/engagement";
