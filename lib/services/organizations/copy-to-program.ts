import { getCampaign, insertCampaign } from "@/db/queries/campaigns";
import { findProductsBySku, getCategory } from "@/db/queries/catalog";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { ProgramRow } from "@/db/queries/programs";
import { insertRewards, listRewardsWithCounts } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import type { CampaignDefinition } from "@/lib/domain/campaigns/definition";
import { NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { savePlanDraft } from "@/lib/services/plans/save-plan-draft";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { copyToProgramSchema, type CopyToProgramInput } from "@/lib/validation/organization";

const NEEDS = {
  plan: { write: "plans:write" },
  rewards: { write: "rewards:write" },
  campaign: { write: "campaigns:write" },
} as const;

export type CopyResult = { kind: "plan" | "rewards" | "campaign"; toProgramId: string; copied: number; targetId: string | null };

/**
 * Copies a plan, the reward catalog or one campaign to a sister program of the
 * same organization. The copy never goes live by itself: the plan becomes the
 * target's draft (replacing any draft there), rewards arrive as drafts and a
 * campaign as a draft without audience. Ids that only mean something in the
 * source (segments, menus, SKUs the target does not sell) are left out.
 * Audited in both programs, in one transaction with the copy.
 */
export async function copyToProgram(db: Executor, actor: Actor, input: CopyToProgramInput, now = new Date()): Promise<CopyResult> {
  const kind = (["plan", "rewards", "campaign"] as const).find((k) => k === input?.kind) ?? "plan";
  // Copying is managing that content: the write permission in the source too (an analyst reads plans but copies none).
  const from = await authorizeProgram(db, actor, NEEDS[kind].write, input?.fromProgramId);
  const data = parseInput(copyToProgramSchema, input);
  const to = await authorizeProgram(db, actor, NEEDS[kind].write, data.toProgramId);
  if (to.organizationId !== from.organizationId) throw new NotFoundError("program", to.id);
  if (to.id === from.id) throw new ValidationError({ toProgramId: ["Pick another program of the organization."] });
  return db.transaction(async (tx) => {
    const result = kind === "plan" ? await copyPlan(tx, actor, from, to, now) : kind === "rewards" ? await copyRewards(tx, from, to) : await copyCampaign(tx, actor, from, to, data.campaignId);
    const copy = { kind, fromProgramId: from.id, toProgramId: to.id, copied: result.copied, targetId: result.targetId };
    await recordAudit(tx, actor, { program: from, action: `${kind}.copy_out`, targetType: "program", targetId: to.id, after: copy });
    await recordAudit(tx, actor, { program: to, action: `${kind}.copy_in`, targetType: kind === "rewards" ? "reward" : kind === "plan" ? "plan_version" : "campaign", targetId: result.targetId ?? undefined, after: copy });
    return { kind, toProgramId: to.id, ...result };
  });
}

async function copyPlan(tx: Executor, actor: Actor, from: ProgramRow, to: ProgramRow, now: Date) {
  const live = await getLivePlanVersion(tx, { programId: from.id, at: now });
  if (!live) throw new UnprocessableError("nothing_to_copy", `${from.name} has no live plan.`);
  const draft = await savePlanDraft(tx, actor, { programId: to.id, name: `${live.name} (${from.name})`.slice(0, 120), definition: live.definition as never }, now);
  return { copied: 1, targetId: draft.id };
}

async function copyRewards(tx: Executor, from: ProgramRow, to: ProgramRow) {
  const source = (await listRewardsWithCounts(tx, { programId: from.id })).filter((r) => r.status !== "archived");
  if (!source.length) throw new UnprocessableError("nothing_to_copy", `${from.name} has no rewards to copy.`);
  const skus = new Set((await findProductsBySku(tx, { programId: to.id, skus: source.flatMap((r) => (r.targetSku ? [r.targetSku] : [])) })).map((p) => p.sku));
  const last = (await listRewardsWithCounts(tx, { programId: to.id })).reduce((max, r) => Math.max(max, r.sortOrder), 0);
  const rows = [];
  for (const [i, r] of source.entries()) {
    const category = r.targetCategory && (await getCategory(tx, { programId: to.id, code: r.targetCategory })) ? r.targetCategory : null;
    rows.push({
      programId: to.id, kind: r.kind, status: "draft" as const, name: r.name, description: r.description, pointsPrice: r.pointsPrice, tierPrices: r.tierPrices,
      value: r.value, stock: r.stock, perMemberLimit: r.perMemberLimit, periodLimit: r.periodLimit, couponValidDays: r.couponValidDays, validFrom: r.validFrom,
      validUntil: r.validUntil, imageUrl: r.imageUrl, eligibility: r.eligibility?.tiers?.length ? { tiers: r.eligibility.tiers } : null,
      targetSku: r.targetSku && skus.has(r.targetSku) ? r.targetSku : null, targetCategory: category, sortOrder: last + i + 1,
    });
  }
  const inserted = await insertRewards(tx, rows);
  return { copied: inserted.length, targetId: null };
}

async function copyCampaign(tx: Executor, actor: Actor, from: ProgramRow, to: ProgramRow, campaignId: string | undefined) {
  const source = campaignId ? await getCampaign(tx, { programId: from.id, campaignId }) : undefined;
  if (!source) throw new NotFoundError("campaign", campaignId);
  // An offer hands out one of the source's rewards: its id means nothing in the target.
  if (source.kind === "offer") throw new UnprocessableError("offer_not_copyable", "Offer campaigns hand out a reward of their own program and cannot be copied.");
  const definition: CampaignDefinition = { ...(source.definition as CampaignDefinition), rewardId: null };
  const row = await insertCampaign(tx, {
    programId: to.id, name: source.name, kind: source.kind, status: "draft", segmentId: null, definition, controlShare: source.controlShare,
    budgetPoints: source.budgetPoints, budgetMoneyMinor: to.settings.pointValueMilli ? source.budgetMoneyMinor : null, budgetCount: source.budgetCount,
    frequencyCap: source.frequencyCap, startsAt: source.startsAt, endsAt: source.endsAt, createdBy: actor.kind === "user" ? actorRef(actor).actorId : null,
  });
  return { copied: 1, targetId: row.id };
}
