import { endFinishedCampaigns, listAudiencePage, listRunningCampaigns, loadMemberFacts, updateCampaignRow, type CampaignRow, type FactsRow } from "@/db/queries/campaigns";
import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import { isLive, type CampaignDefinition } from "@/lib/domain/campaigns/definition";
import { evaluateTrigger, type MemberFacts } from "@/lib/domain/campaigns/triggers";
import { NotFoundError } from "@/lib/errors";
import { awardMember, type AwardOutcome, type AwardTarget } from "./award-member";

export type CampaignRunCounts = { campaigns: number; evaluated: number; awarded: number; control: number; duplicate: number; budget: number; capped: number };

const ZERO: CampaignRunCounts = { campaigns: 0, evaluated: 0, awarded: 0, control: 0, duplicate: 0, budget: 0, capped: 0 };
const PAGE = 500;

function count(counts: CampaignRunCounts, outcome: AwardOutcome): void {
  if (outcome !== "inactive") counts[outcome] += 1;
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
  const counts = { ...ZERO, campaigns: 1 };
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

/** A one-off grant: every member of the audience once (period "grant"); the campaign ends when the sweep completes. */
export async function runGrantCampaign(db: Executor, program: ProgramRow, c: CampaignRow, now: Date): Promise<CampaignRunCounts> {
  const counts = { ...ZERO, campaigns: 1 };
  if (!isLive(c, now)) return counts;
  let after: string | null = null;
  for (;;) {
    const ids = await listAudiencePage(db, { programId: program.id, segmentId: c.segmentId, after, limit: PAGE });
    if (!ids.length) break;
    for (const id of ids) {
      const m = await getMember(db, { programId: program.id, memberId: id });
      if (!m) continue;
      counts.evaluated += 1;
      const outcome = await awardMember(db, program, c.id, { id, status: m.status, name: m.name, email: m.email, locale: m.locale, consentMarketing: m.consentMarketing }, "grant", now);
      count(counts, outcome);
      if (outcome === "budget") break;
    }
    after = ids.at(-1)!;
  }
  await updateCampaignRow(db, { programId: program.id, campaignId: c.id }, { status: "ended" });
  return counts;
}

/** The `campaigns-run` job for one program: every running trigger and grant campaign. */
export async function runProgramCampaigns(db: Executor, p: { programId: string; now: Date; campaignId?: string }): Promise<CampaignRunCounts> {
  const program = await getProgramById(db, p.programId);
  if (!program) throw new NotFoundError("program", p.programId);
  const total = { ...ZERO };
  for (const c of await listRunningCampaigns(db, { programId: program.id, kinds: ["trigger", "grant"] })) {
    if (p.campaignId && c.id !== p.campaignId) continue;
    const done = c.kind === "trigger" ? await runTriggerCampaign(db, program, c, p.now) : await runGrantCampaign(db, program, c, p.now);
    for (const key of Object.keys(total) as (keyof CampaignRunCounts)[]) total[key] += done[key];
  }
  // Campaigns past their end date stop showing as running (after their last sweep above).
  await endFinishedCampaigns(db, { programId: program.id, now: p.now });
  return total;
}
