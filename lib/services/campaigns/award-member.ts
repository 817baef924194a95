import { addCampaignSpend, assignCampaignMembers, countMemberAwards, hasAward, insertAward, insertInboxMessage, lockCampaign, setAwardEntry, type CampaignRow } from "@/db/queries/campaigns";
import type { ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { assignGroup } from "@/lib/domain/campaigns/assignment";
import { awardCostMinor, fitsBudget } from "@/lib/domain/campaigns/budget";
import { allowedChannels } from "@/lib/domain/campaigns/consent";
import { isLive, type CampaignDefinition } from "@/lib/domain/campaigns/definition";
import { renderTemplate, templateFor } from "@/lib/domain/campaigns/render";
import { recordEvent } from "@/lib/services/events/record-event";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { sendMail } from "@/lib/services/mail/send-mail";

export type AwardTarget = {
  id: string;
  status: "active" | "suspended" | "anonymized";
  name: string | null;
  email: string | null;
  locale: string | null;
  consentMarketing: boolean;
};

export type AwardOutcome = "awarded" | "control" | "duplicate" | "budget" | "capped" | "inactive";

/** The ledger's idempotency key of one award: the same award can never credit twice, even past the campaign tables. */
export const awardKey = (campaignId: string, memberId: string, periodKey: string) => `campaign:${campaignId}:${memberId}:${periodKey}`;

/**
 * Gives one member a campaign's award for one period, in one transaction:
 * the campaign row is locked (so its budget is spent exactly, and two runs
 * queue), the (campaign, member, period) award row is the once-only guard,
 * control members get a zero-point record and nothing else, the points go
 * through the ledger with their own idempotency key, and messages go only
 * where consent allows. Points never depend on consent.
 */
export async function awardMember(db: Executor, program: ProgramRow, campaignId: string, member: AwardTarget, periodKey: string, now: Date): Promise<AwardOutcome> {
  return db.transaction(async (tx) => {
    const c = await lockCampaign(tx, { programId: program.id, campaignId });
    if (!c || !isLive(c, now)) return "inactive";
    const group = assignGroup(c.id, member.id, c.controlShare);
    await assignCampaignMembers(tx, [{ programId: program.id, campaignId: c.id, memberId: member.id, group }]);
    const ref = { programId: program.id, campaignId: c.id, memberId: member.id, periodKey };
    if (await hasAward(tx, ref)) return "duplicate";
    if (group === "control") {
      await insertAward(tx, { ...ref, isControl: true, points: 0, createdAt: now });
      return "control";
    }
    if (c.frequencyCap !== null && (await countMemberAwards(tx, ref)) >= c.frequencyCap) return "capped";
    const definition = c.definition as CampaignDefinition;
    const points = definition.points ?? 0;
    const milli = program.settings.pointValueMilli ?? 0;
    const budget = { points: c.budgetPoints, moneyMinor: c.budgetMoneyMinor };
    if (!fitsBudget(budget, { points: c.spentPoints, moneyMinor: c.spentMoneyMinor }, points, milli)) return "budget";
    if (!(await insertAward(tx, { ...ref, isControl: false, points, createdAt: now }))) return "duplicate";
    if (points > 0) {
      const earned = await earnPoints(
        tx,
        {
          programId: program.id,
          memberId: member.id,
          points,
          reason: `campaign: ${c.name}`,
          idempotencyKey: awardKey(c.id, member.id, periodKey),
          actor: { type: "system", id: `campaign:${c.id}` },
          channel: "system",
          explanation: { campaign: { id: c.id, name: c.name, kind: c.kind, periodKey } },
          occurredAt: now,
        },
        now,
      );
      await setAwardEntry(tx, { ...ref, entryId: earned.entryId });
      await addCampaignSpend(tx, { programId: program.id, campaignId: c.id, points, moneyMinor: awardCostMinor(points, milli) });
    }
    await deliverMessages(tx, program, c, member, { points, periodKey }, now);
    return "awarded";
  });
}

/** Inbox, email (outbox) and webhook, each only if the campaign uses it and the member's consent allows it. */
export async function deliverMessages(tx: Executor, program: ProgramRow, c: CampaignRow, member: AwardTarget, award: { points: number; periodKey: string }, now: Date): Promise<string[]> {
  const definition = c.definition as CampaignDefinition;
  const channels = allowedChannels(definition.channels ?? [], member);
  const values = { name: member.name, points: award.points, program: program.name };
  const es = renderTemplate(definition.templates.es, values);
  const en = renderTemplate(definition.templates.en, values);
  for (const channel of channels) {
    if (channel === "inbox") {
      await insertInboxMessage(tx, { programId: program.id, memberId: member.id, campaignId: c.id, title: { es: es.subject, en: en.subject }, body: { es: es.body, en: en.body }, createdAt: now });
    } else if (channel === "email" && member.email) {
      const mail = templateFor({ es, en }, member.locale);
      await sendMail(tx, { programId: program.id, to: member.email, subject: mail.subject, text: mail.body });
    } else if (channel === "webhook") {
      await recordEvent(tx, program.id, "campaign.awarded", { campaignId: c.id, campaignName: c.name, memberId: member.id, points: award.points, periodKey: award.periodKey }, now);
    }
  }
  return channels;
}
