import { addCampaignSpend, assignCampaignMembers, insertAward, listMemberBonusCampaigns, lockCampaign } from "@/db/queries/campaigns";
import type { ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { assignGroup } from "@/lib/domain/campaigns/assignment";
import { applyBonus, type ActiveBonus, type BonusOutcome } from "@/lib/domain/campaigns/bonus";
import { awardCostMinor, fitsBudget } from "@/lib/domain/campaigns/budget";
import type { CampaignDefinition } from "@/lib/domain/campaigns/definition";

/**
 * The bonus campaign points of one purchase, inside the purchase's ledger
 * transaction: live bonus campaigns whose segment holds the member, treatment
 * arm only (control members are recorded in their arm and get nothing), the
 * largest multiplier, within the campaign's budget (its row is locked, so two
 * purchases cannot both spend its last points). The award row is keyed by the
 * order, so the purchase's own idempotency and this agree.
 */
export async function applyCampaignBonus(tx: Executor, p: { program: ProgramRow; memberId: string; orderId: string; basePoints: number; at: Date; now: Date }): Promise<BonusOutcome> {
  if (p.basePoints <= 0) return null;
  const live = await listMemberBonusCampaigns(tx, { programId: p.program.id, memberId: p.memberId, at: p.at });
  if (!live.length) return null;
  const treated: ActiveBonus[] = [];
  for (const c of live) {
    const group = c.group ?? assignGroup(c.id, p.memberId, c.controlShare);
    if (!c.group) await assignCampaignMembers(tx, [{ programId: p.program.id, campaignId: c.id, memberId: p.memberId, group }]);
    const multiplier = (c.definition as CampaignDefinition).multiplier ?? 1;
    if (group === "treatment" && multiplier > 1) treated.push({ campaignId: c.id, name: c.name, multiplier });
  }
  const bonus = applyBonus(p.basePoints, treated);
  if (!bonus) return null;
  const c = (await lockCampaign(tx, { programId: p.program.id, campaignId: bonus.campaignId }))!;
  const milli = p.program.settings.pointValueMilli ?? 0;
  if (!fitsBudget({ points: c.budgetPoints, moneyMinor: c.budgetMoneyMinor }, { points: c.spentPoints, moneyMinor: c.spentMoneyMinor }, bonus.extraPoints, milli)) return null;
  await insertAward(tx, { programId: p.program.id, campaignId: c.id, memberId: p.memberId, periodKey: `order:${p.orderId}`, isControl: false, points: bonus.extraPoints, createdAt: p.now });
  await addCampaignSpend(tx, { programId: p.program.id, campaignId: c.id, points: bonus.extraPoints, moneyMinor: awardCostMinor(bonus.extraPoints, milli) });
  return bonus;
}
