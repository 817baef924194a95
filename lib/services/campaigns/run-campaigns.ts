import { countAudience, countPeriodAwards, endFinishedCampaigns, listAudiencePage, listRunningCampaigns, loadMemberFacts, setCampaignProgress, updateCampaignRow, type CampaignRow, type FactsRow } from "@/db/queries/campaigns";
import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import { isLive, type CampaignDefinition } from "@/lib/domain/campaigns/definition";
import { OFFER_PERIOD } from "@/lib/domain/campaigns/offer";
import { evaluateTrigger, type MemberFacts } from "@/lib/domain/campaigns/triggers";
import { NotFoundError } from "@/lib/errors";
import { awardMember, type AwardOutcome, type AwardTarget } from "./award-member";

export type CampaignRunCounts = { campaigns: number; evaluated: number; awarded: number; control: number; duplicate: number; budget: number; capped: number; unavailable: number; noConsent: number };

export const ZERO_RUN_COUNTS: CampaignRunCounts = { campaigns: 0, evaluated: 0, awarded: 0, control: 0, duplicate: 0, budget: 0, capped: 0, unavailable: 0, noConsent: 0 };
const PAGE = 500;

function count(counts: CampaignRunCounts, outcome: AwardOutcome): void {
  if (outcome === "no_consent") counts.noConsent += 1;
  else if (outcome !== "inactive") counts[outcome] += 1;
}

export function factsOf(r: FactsRow): MemberFacts & AwardTarget {
  return {
    memberId: r.id,
    id: r.id,
    status: r.status,
    name: r.name,
    email: r.email,
    locale: r.locale,
    consentMarketing: r.consent_marketing,
    enrolledAt: new Date(r.enrolled_ms),
    birthday: r.birthday,
    purchaseTimes: (r.purchase_ms ?? []).map((t) => new Date(Number(t))),
    lifetimeEarned: Number(r.lifetime_earned),
    lastActivityAt: r.last_activity_ms === null ? null : new Date(r.last_activity_ms),
    lastUpgrade: r.upgrade_tier && r.upgrade_ms !== null ? { toTier: r.upgrade_tier, at: new Date(r.upgrade_ms) } : null,
    nextExpiry: r.expiry_points && r.expiry_ms !== null ? { points: Number(r.expiry_points), at: new Date(r.expiry_ms) } : null,
  };
}

/**
 * Evaluates one trigger campaign over its audience on the given clock and
 * awards each member whose trigger fires, once per period. Safe to run twice,
 * or twice at once: the award row and the ledger key refuse a second award.
 */
export async function runTriggerCampaign(db: Executor, program: ProgramRow, c: CampaignRow, now: Date): Promise<CampaignRunCounts> {
  const counts = { ...ZERO_RUN_COUNTS, campaigns: 1 };
  const trigger = (c.definition as CampaignDefinition).trigger;
  if (!trigger || !isLive(c, now)) return counts;
  const purchases = trigger.type === "nth_purchase" ? trigger.n : 1;
  let after: string | null = null;
  for (;;) {
    const page = await loadMemberFacts(db, { programId: program.id, segmentId: c.segmentId, after, limit: PAGE, purchases });
    if (!page.length) return counts;
    for (const row of page) {
      counts.evaluated += 1;
      const facts = factsOf(row);
      const hit = evaluateTrigger(trigger, facts, { now, timeZone: program.timeZone, startsAt: c.startsAt });
      if (hit) count(counts, await awardMember(db, program, c.id, facts, hit.periodKey, now));
    }
    after = page.at(-1)!.id;
  }
}

/**
 * One sweep of a campaign's audience, a page at a time, each member in their
 * own transaction (awardMember), writing its progress after every page so the
 * console can show how far it got. `pending` reads only members without an
 * award for the period yet (a later sweep of a running offer), and the
 * progress counts the members reached before as done. Stops at the first
 * member the budget or the reward refuses: nobody after them could be served.
 */
async function sweepAudience(db: Executor, program: ProgramRow, c: CampaignRow, periodKey: string, now: Date, pending: boolean): Promise<CampaignRunCounts & { interrupted: boolean }> {
  const counts = { ...ZERO_RUN_COUNTS, campaigns: 1 };
  const base = { programId: program.id, segmentId: c.segmentId };
  const scope = pending ? { ...base, pending: { campaignId: c.id, periodKey } } : base;
  const [total, left, before] = await Promise.all([
    countAudience(db, base),
    pending ? countAudience(db, scope) : null,
    pending ? countPeriodAwards(db, { programId: program.id, campaignId: c.id, periodKey }) : { awarded: 0, control: 0 },
  ]);
  const startedAt = now.toISOString();
  let done = left === null ? 0 : Math.max(0, total - left);
  const save = (finishedAt: string | null) => {
    const awarded = before.awarded + counts.awarded;
    const control = before.control + counts.control;
    return setCampaignProgress(db, { programId: program.id, campaignId: c.id, progress: { startedAt, finishedAt, total, done, awarded, control, skipped: Math.max(0, done - awarded - control) } });
  };
  await save(null);
  let after: string | null = null;
  let stopped: AwardOutcome | null = null;
  while (!stopped) {
    const ids = await listAudiencePage(db, { ...scope, after, limit: PAGE });
    if (!ids.length) break;
    for (const id of ids) {
      const m = await getMember(db, { programId: program.id, memberId: id });
      if (!m) continue;
      counts.evaluated += 1;
      done += 1;
      const outcome = await awardMember(db, program, c.id, { id, status: m.status, name: m.name, email: m.email, locale: m.locale, consentMarketing: m.consentMarketing }, periodKey, now);
      count(counts, outcome);
      if (outcome === "budget" || outcome === "unavailable" || outcome === "inactive") {
        stopped = outcome;
        break;
      }
    }
    after = ids.at(-1)!;
    await save(null);
  }
  await save(new Date().toISOString());
  // Paused or ended meanwhile: the sweep stopped halfway and the next one goes on from there.
  return { ...counts, interrupted: stopped === "inactive" };
}

/** A one-off grant: every member of the audience once (period "grant"); the campaign ends when the sweep completes. */
export async function runGrantCampaign(db: Executor, program: ProgramRow, c: CampaignRow, now: Date): Promise<CampaignRunCounts> {
  if (!isLive(c, now)) return { ...ZERO_RUN_COUNTS, campaigns: 1 };
  const { interrupted, ...counts } = await sweepAudience(db, program, c, "grant", now, false);
  if (!interrupted) await updateCampaignRow(db, { programId: program.id, campaignId: c.id }, { status: "ended" });
  return counts;
}

/**
 * An offer: the reward's coupon to every consenting member of the audience,
 * once each. The campaign keeps running until its end date, so later runs
 * (the hourly job, "run now") reach members who joined the segment since —
 * reading only the members who have no award yet.
 */
export async function runOfferCampaign(db: Executor, program: ProgramRow, c: CampaignRow, now: Date): Promise<CampaignRunCounts> {
  if (!isLive(c, now)) return { ...ZERO_RUN_COUNTS, campaigns: 1 };
  const { interrupted: _, ...counts } = await sweepAudience(db, program, c, OFFER_PERIOD, now, true);
  return counts;
}

const RUNNERS: Partial<Record<CampaignRow["kind"], (db: Executor, program: ProgramRow, c: CampaignRow, now: Date) => Promise<CampaignRunCounts>>> = {
  trigger: runTriggerCampaign,
  grant: runGrantCampaign,
  offer: runOfferCampaign,
};

/** The `campaigns-run` job for one program: every running trigger, grant and offer campaign. */
export async function runProgramCampaigns(db: Executor, p: { programId: string; now: Date; campaignId?: string }): Promise<CampaignRunCounts> {
  const program = await getProgramById(db, p.programId);
  if (!program) throw new NotFoundError("program", p.programId);
  const total = { ...ZERO_RUN_COUNTS };
  for (const c of await listRunningCampaigns(db, { programId: program.id, kinds: ["trigger", "grant", "offer"] })) {
    if (p.campaignId && c.id !== p.campaignId) continue;
    const done = await RUNNERS[c.kind]!(db, program, c, p.now);
    for (const key of Object.keys(total) as (keyof CampaignRunCounts)[]) total[key] += done[key];
  }
  // Campaigns past their end date stop showing as running (after their last sweep above).
  await endFinishedCampaigns(db, { programId: program.id, now: p.now });
  return total;
}
