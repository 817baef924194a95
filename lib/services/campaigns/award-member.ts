import { addCampaignSpend, assignCampaignMembers, countMemberAwards, hasAward, insertAward, lockCampaign, setAwardCoupon, setAwardEntry, type CampaignRow } from "@/db/queries/campaigns";
import { insertInboxMessage } from "@/db/queries/inbox";
import type { ProgramRow } from "@/db/queries/programs";
import { getReward } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { assignGroup } from "@/lib/domain/campaigns/assignment";
import { awardCostMinor, fitsCaps, offerCostMinor, type AwardCost } from "@/lib/domain/campaigns/budget";
import { allowedChannels } from "@/lib/domain/campaigns/consent";
import { isLive, type CampaignDefinition } from "@/lib/domain/campaigns/definition";
import { languageOf, renderTemplate, templateFor, withCouponLine } from "@/lib/domain/campaigns/render";
import type { LocalizedText } from "@/db/schema/tenancy";
import { recordEvent } from "@/lib/services/events/record-event";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { sendMail } from "@/lib/services/mail/send-mail";
import { isRewardUnavailable, issueOfferCoupon, type OfferCoupon } from "./issue-offer";

export type AwardTarget = {
  id: string;
  status: "active" | "suspended" | "anonymized";
  name: string | null;
  email: string | null;
  locale: string | null;
  consentMarketing: boolean;
};

export type AwardOutcome = "awarded" | "control" | "duplicate" | "budget" | "capped" | "inactive" | "unavailable" | "no_consent";

/** The ledger's idempotency key of one award: the same award can never credit twice, even past the campaign tables. */
export const awardKey = (campaignId: string, memberId: string, periodKey: string) => `campaign:${campaignId}:${memberId}:${periodKey}`;

/** What one treatment award gives: points (trigger, grant) or the offer's reward as a coupon, and what it costs the caps. */
type Gift = { points: number; rewardId: string | null; rewardName: LocalizedText | null; cost: AwardCost | null };

async function giftOf(tx: Executor, program: ProgramRow, c: CampaignRow): Promise<Gift | "unavailable"> {
  const definition = c.definition as CampaignDefinition;
  const milli = program.settings.pointValueMilli ?? 0;
  if (c.kind !== "offer") {
    const points = definition.points ?? 0;
    return { points, rewardId: null, rewardName: null, cost: { points, moneyMinor: awardCostMinor(points, milli) } };
  }
  const reward = definition.rewardId ? await getReward(tx, { programId: program.id, rewardId: definition.rewardId }) : undefined;
  if (!reward) return "unavailable";
  const moneyMinor = offerCostMinor(reward, milli);
  // Without a money value a money cap cannot be kept: such an offer gives nothing rather than overspend.
  return { points: 0, rewardId: reward.id, rewardName: reward.name, cost: moneyMinor === null && c.budgetMoneyMinor !== null ? null : { points: 0, moneyMinor: moneyMinor ?? 0 } };
}

/**
 * Gives one member a campaign's award for one period, in one transaction:
 * the campaign row is locked (so its budget is spent exactly, and two runs
 * queue), the (campaign, member, period) award row is the once-only guard,
 * control members get a zero-point record and nothing else, points go through
 * the ledger and an offer's coupon through the coupon issuance, each with its
 * own idempotency key, and messages go only where consent allows. Points
 * never depend on consent; an offer is marketing, so it needs the member's
 * marketing consent.
 */
export async function awardMember(db: Executor, program: ProgramRow, campaignId: string, member: AwardTarget, periodKey: string, now: Date): Promise<AwardOutcome> {
  return db.transaction(async (tx) => {
    const c = await lockCampaign(tx, { programId: program.id, campaignId });
    if (!c || !isLive(c, now)) return "inactive";
    const group = assignGroup(c.id, member.id, c.controlShare);
    await assignCampaignMembers(tx, [{ programId: program.id, campaignId: c.id, memberId: member.id, group }]);
    const ref = { programId: program.id, campaignId: c.id, memberId: member.id, periodKey };
    if (await hasAward(tx, ref)) return "duplicate";
    if (c.kind === "offer" && (member.status !== "active" || !member.consentMarketing)) return "no_consent";
    if (group === "control") {
      await insertAward(tx, { ...ref, isControl: true, points: 0, createdAt: now });
      return "control";
    }
    if (c.frequencyCap !== null && (await countMemberAwards(tx, ref)) >= c.frequencyCap) return "capped";
    const gift = await giftOf(tx, program, c);
    if (gift === "unavailable") return "unavailable";
    const caps = { points: c.budgetPoints, moneyMinor: c.budgetMoneyMinor, count: c.budgetCount };
    if (!gift.cost || !fitsCaps(caps, { points: c.spentPoints, moneyMinor: c.spentMoneyMinor, count: c.spentCount }, gift.cost)) return "budget";
    if (c.kind === "offer") return giveOffer(tx, program, c, member, ref, gift, now);
    if (!(await insertAward(tx, { ...ref, isControl: false, points: gift.points, createdAt: now }))) return "duplicate";
    if (gift.points > 0) {
      const earned = await earnPoints(
        tx,
        {
          programId: program.id,
          memberId: member.id,
          points: gift.points,
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
    }
    await addCampaignSpend(tx, { programId: program.id, campaignId: c.id, ...gift.cost, count: 1 });
    await deliverMessages(tx, program, c, member, { points: gift.points, periodKey }, now);
    return "awarded";
  });
}

/** The offer's award, coupon, spend and messages in one savepoint: a reward that cannot be issued leaves no award behind. */
async function giveOffer(tx: Executor, program: ProgramRow, c: CampaignRow, member: AwardTarget, ref: { programId: string; campaignId: string; memberId: string; periodKey: string }, gift: Gift, now: Date): Promise<AwardOutcome> {
  try {
    return await tx.transaction(async (sp) => {
      if (!(await insertAward(sp, { ...ref, isControl: false, points: 0, createdAt: now }))) return "duplicate";
      const coupon = await issueOfferCoupon(sp, { programId: program.id, campaignId: c.id, rewardId: gift.rewardId!, memberId: member.id, now });
      await setAwardCoupon(sp, { ...ref, couponId: coupon.id });
      await addCampaignSpend(sp, { programId: program.id, campaignId: c.id, ...gift.cost!, count: 1 });
      await deliverMessages(sp, program, c, member, { points: 0, periodKey: ref.periodKey, offer: { coupon, rewardName: gift.rewardName! } }, now);
      return "awarded" as const;
    });
  } catch (error) {
    if (isRewardUnavailable(error)) return "unavailable";
    throw error;
  }
}

type Delivered = { points: number; periodKey: string; offer?: { coupon: OfferCoupon; rewardName: LocalizedText } };

/** A day as the member reads it in an email ("2026-07-15" in the program's zone). */
const dayIn = (iso: string, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

/** Inbox, email (outbox) and webhook, each only if the campaign uses it and the member's consent allows it. */
export async function deliverMessages(tx: Executor, program: ProgramRow, c: CampaignRow, member: AwardTarget, award: Delivered, now: Date): Promise<string[]> {
  const definition = c.definition as CampaignDefinition;
  const channels = allowedChannels(definition.channels ?? [], member);
  const offer = award.offer;
  const values = (lang: "es" | "en") => ({ name: member.name, points: award.points, program: program.name, reward: offer ? offer.rewardName[lang] || offer.rewardName.es || offer.rewardName.en : null, code: offer?.coupon.code ?? null });
  const es = renderTemplate(definition.templates.es, values("es"));
  const en = renderTemplate(definition.templates.en, values("en"));
  for (const channel of channels) {
    if (channel === "inbox") {
      await insertInboxMessage(tx, { programId: program.id, memberId: member.id, campaignId: c.id, couponId: offer?.coupon.id ?? null, rewardId: offer?.coupon.rewardId ?? null, title: { es: es.subject, en: en.subject }, body: { es: es.body, en: en.body }, createdAt: now });
    } else if (channel === "email" && member.email) {
      const lang = languageOf(member.locale);
      const rendered = templateFor({ es, en }, member.locale);
      const mail = offer ? withCouponLine(rendered, { code: offer.coupon.code, expiresOn: dayIn(offer.coupon.expiresAt, program.timeZone) }, lang) : rendered;
      await sendMail(tx, { programId: program.id, to: member.email, subject: mail.subject, text: mail.body });
    } else if (channel === "webhook") {
      const extra = offer ? { couponId: offer.coupon.id, couponCode: offer.coupon.code, rewardId: offer.coupon.rewardId } : {};
      await recordEvent(tx, program.id, "campaign.awarded", { campaignId: c.id, campaignName: c.name, memberId: member.id, points: award.points, periodKey: award.periodKey, ...extra }, now);
    }
  }
  return channels;
}
