import { campaignArmMetrics, getCampaign, type ArmMetricsRow, type CampaignRow } from "@/db/queries/campaigns";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { computeLift, type ArmSummary, type Lift } from "@/lib/domain/campaigns/lift";
import { NotFoundError } from "@/lib/errors";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { campaignRefSchema } from "@/lib/validation/campaigns";

export const RESULT_METRICS = ["participation", "purchases", "revenue", "redemptions"] as const;
export type ResultMetric = (typeof RESULT_METRICS)[number];

/** Per arm: members, awards and points given; for offers, coupons issued and redeemed (control members get none, by design). */
export type ArmTotals = { members: number; awarded: number; points: number; offersIssued: number; offersRedeemed: number };
export type CampaignResults = {
  campaign: CampaignRow;
  window: { from: Date; to: Date };
  treatment: ArmTotals;
  control: ArmTotals;
  metrics: Record<ResultMetric, Lift>;
};

function summaries(row: ArmMetricsRow | undefined): Record<ResultMetric, ArmSummary> {
  const r = row ?? { n: 0, participants: 0, purchases: 0, purchases_sq: 0, revenue: 0, revenue_sq: 0, redemptions: 0, redemptions_sq: 0 };
  return {
    // Participation is 0 or 1 per member, so Σx² = Σx.
    participation: { n: r.n, sum: r.participants, sumSquares: r.participants },
    purchases: { n: r.n, sum: r.purchases, sumSquares: r.purchases_sq },
    revenue: { n: r.n, sum: r.revenue, sumSquares: r.revenue_sq },
    redemptions: { n: r.n, sum: r.redemptions, sumSquares: r.redemptions_sq },
  };
}

/**
 * Treatment versus control over the campaign's window (start → end or now):
 * per member participation, purchases, revenue (minor units) and redemptions,
 * each with the difference and its 95 % interval.
 */
export async function getCampaignResults(db: Executor, actor: Actor, input: { programId: string; campaignId: string }, now = new Date()): Promise<CampaignResults> {
  const program = await authorizeProgram(db, actor, "campaigns:read", input?.programId);
  const { campaignId } = parseInput(campaignRefSchema, { programId: program.id, campaignId: input.campaignId });
  const campaign = await getCampaign(db, { programId: program.id, campaignId });
  if (!campaign) throw new NotFoundError("campaign", campaignId);
  const from = campaign.startsAt ?? campaign.createdAt;
  const to = campaign.endsAt && campaign.endsAt < now ? campaign.endsAt : now;
  const rows = await campaignArmMetrics(db, { programId: program.id, campaignId, from, to });
  const t = rows.find((r) => r.group === "treatment");
  const c = rows.find((r) => r.group === "control");
  const st = summaries(t);
  const sc = summaries(c);
  const totals = (r: ArmMetricsRow | undefined): ArmTotals => ({ members: r?.n ?? 0, awarded: r?.awarded ?? 0, points: r?.points ?? 0, offersIssued: r?.offers_issued ?? 0, offersRedeemed: r?.offers_redeemed ?? 0 });
  return {
    campaign,
    window: { from, to },
    treatment: totals(t),
    control: totals(c),
    metrics: Object.fromEntries(RESULT_METRICS.map((m) => [m, computeLift(st[m], sc[m])])) as Record<ResultMetric, Lift>,
  };
}
