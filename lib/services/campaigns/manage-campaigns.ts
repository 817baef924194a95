import { assignCampaignMembers, getCampaign, insertCampaign, listAudiencePage, updateCampaignRow, type CampaignRow, type NewCampaign } from "@/db/queries/campaigns";
import type { ProgramRow } from "@/db/queries/programs";
import { getSegment } from "@/db/queries/segments";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { assignGroup } from "@/lib/domain/campaigns/assignment";
import type { CampaignDefinition } from "@/lib/domain/campaigns/definition";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { campaignRefSchema, createCampaignSchema, setCampaignStatusSchema, testSendCampaignSchema, updateCampaignSchema, type CreateCampaignInput, type SetCampaignStatusInput, type TestSendCampaignInput, type UpdateCampaignInput } from "@/lib/validation/campaigns";
import { renderTemplate } from "@/lib/domain/campaigns/render";
import { offerCostMinor } from "@/lib/domain/campaigns/budget";
import { getReward } from "@/db/queries/rewards";
import { sendMail } from "@/lib/services/mail/send-mail";
import { runProgramCampaigns, type CampaignRunCounts } from "./run-campaigns";

type Parsed = ReturnType<typeof createCampaignSchema.parse>;

/** The code a test send shows where a real offer shows the member's coupon. */
export const SAMPLE_COUPON_CODE = "LZ-7KQ4M-9XPAB";

const audited = (row: CampaignRow | undefined) =>
  row ? { name: row.name, kind: row.kind, status: row.status, segmentId: row.segmentId, definition: row.definition, controlShare: row.controlShare, budgetPoints: row.budgetPoints, budgetMoneyMinor: row.budgetMoneyMinor, budgetCount: row.budgetCount, frequencyCap: row.frequencyCap, startsAt: row.startsAt, endsAt: row.endsAt } : null;

/** An offer's reward must exist in this program and not be archived; a money cap needs the coupon's money value. */
async function checkOffer(db: Executor, program: ProgramRow, c: Parsed): Promise<void> {
  const reward = c.rewardId ? await getReward(db, { programId: program.id, rewardId: c.rewardId }) : undefined;
  if (!reward || reward.status === "archived") throw new ValidationError({ rewardId: ["Unknown reward."] });
  if (c.budgetMoneyMinor && offerCostMinor(reward, program.settings.pointValueMilli) === null) throw new ValidationError({ budgetMoneyMinor: ["This reward has no money value: set the point's value in the program settings, or cap by coupons."] });
}

async function columnsOf(db: Executor, program: ProgramRow, c: Parsed): Promise<Omit<NewCampaign, "programId">> {
  if (c.segmentId && !(await getSegment(db, { programId: program.id, segmentId: c.segmentId }))) throw new ValidationError({ segmentId: ["Unknown segment."] });
  if (c.kind === "offer") await checkOffer(db, program, c);
  else if (c.budgetMoneyMinor && !program.settings.pointValueMilli) throw new ValidationError({ budgetMoneyMinor: ["Set the point's value in the program settings first."] });
  const definition: CampaignDefinition = {
    trigger: c.kind === "trigger" ? c.trigger : null,
    points: c.kind === "trigger" || c.kind === "grant" ? (c.points ?? undefined) : undefined,
    multiplier: c.kind === "bonus" ? (c.multiplier ?? undefined) : undefined,
    rewardId: c.kind === "offer" ? c.rewardId : null,
    channels: [...new Set(c.channels)],
    templates: c.templates,
  };
  return {
    name: c.name,
    kind: c.kind,
    segmentId: c.segmentId ?? null,
    definition,
    controlShare: c.controlSharePct,
    budgetPoints: c.budgetPoints ?? null,
    budgetMoneyMinor: c.budgetMoneyMinor ?? null,
    budgetCount: c.budgetCount ?? null,
    frequencyCap: c.frequencyCap ?? null,
    startsAt: c.startsAt ?? null,
    endsAt: c.endsAt ?? null,
  };
}

/** Saves a new campaign as a draft (audited). Nothing is sent or awarded until it is activated. */
export async function createCampaign(db: Executor, actor: Actor, input: CreateCampaignInput): Promise<CampaignRow> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  const data = parseInput(createCampaignSchema, input);
  const columns = await columnsOf(db, program, data);
  return db.transaction(async (tx) => {
    const createdBy = actor.kind === "user" ? actorRef(actor).actorId : null;
    const row = await insertCampaign(tx, { ...columns, programId: program.id, status: "draft", createdBy });
    await recordAudit(tx, actor, { program, action: "campaign.create", targetType: "campaign", targetId: row.id, after: audited(row) });
    return row;
  });
}

/** Edits a draft or paused campaign (a running one is paused first, so nobody is judged by two versions at once). */
export async function updateCampaign(db: Executor, actor: Actor, input: UpdateCampaignInput): Promise<CampaignRow> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  const data = parseInput(updateCampaignSchema, input);
  const columns = await columnsOf(db, program, data);
  return db.transaction(async (tx) => {
    const before = await getCampaign(tx, { programId: program.id, campaignId: data.campaignId });
    if (!before) throw new NotFoundError("campaign", data.campaignId);
    if (before.status === "running" || before.status === "ended") throw new ConflictError("campaign_not_editable", "Pause the campaign before editing it; an ended campaign cannot change.");
    if (before.kind !== data.kind && before.status !== "draft") throw new ConflictError("campaign_not_editable", "The kind of a launched campaign cannot change.");
    const row = (await updateCampaignRow(tx, { programId: program.id, campaignId: data.campaignId }, columns))!;
    await recordAudit(tx, actor, { program, action: "campaign.update", targetType: "campaign", targetId: row.id, before: audited(before), after: audited(row) });
    return row;
  });
}

const TRANSITIONS: Record<CampaignRow["status"], CampaignRow["status"][]> = {
  draft: ["running", "ended"],
  scheduled: ["running", "paused", "ended"],
  running: ["paused", "ended"],
  paused: ["running", "ended"],
  ended: [],
};

/**
 * Activates (running), pauses or ends a campaign (audited). Activating a bonus,
 * grant or offer campaign fixes its audience then: every member of the segment is
 * assigned to treatment or control, so results compare like with like.
 */
export async function setCampaignStatus(db: Executor, actor: Actor, input: SetCampaignStatusInput): Promise<CampaignRow> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  const data = parseInput(setCampaignStatusSchema, input);
  return db.transaction(async (tx) => {
    const before = await getCampaign(tx, { programId: program.id, campaignId: data.campaignId });
    if (!before) throw new NotFoundError("campaign", data.campaignId);
    if (!TRANSITIONS[before.status].includes(data.status)) throw new ConflictError("campaign_status_invalid", `A ${before.status} campaign cannot become ${data.status}.`);
    if (data.status === "running" && before.kind !== "trigger") await assignAudience(tx, program, before);
    const row = (await updateCampaignRow(tx, { programId: program.id, campaignId: before.id }, { status: data.status }))!;
    await recordAudit(tx, actor, { program, action: `campaign.${data.status === "running" ? "activate" : data.status === "paused" ? "pause" : "end"}`, targetType: "campaign", targetId: row.id, before: { status: before.status }, after: { status: row.status } });
    return row;
  });
}

/** Assigns the whole audience to an arm, a page at a time (the arm is a hash, so re-assigning changes nothing). */
async function assignAudience(tx: Executor, program: ProgramRow, c: CampaignRow): Promise<number> {
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const ids = await listAudiencePage(tx, { programId: program.id, segmentId: c.segmentId, after, limit: 1_000 });
    if (!ids.length) return total;
    await assignCampaignMembers(tx, ids.map((memberId) => ({ programId: program.id, campaignId: c.id, memberId, group: assignGroup(c.id, memberId, c.controlShare) })));
    total += ids.length;
    after = ids.at(-1)!;
  }
}

/** Sends the campaign's message in one language to one address through the outbox, with sample values (audited). */
export async function testSendCampaign(db: Executor, actor: Actor, input: TestSendCampaignInput): Promise<{ subject: string }> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  const data = parseInput(testSendCampaignSchema, input);
  return db.transaction(async (tx) => {
    const c = await getCampaign(tx, { programId: program.id, campaignId: data.campaignId });
    if (!c) throw new NotFoundError("campaign", data.campaignId);
    const definition = c.definition as CampaignDefinition;
    const reward = c.kind === "offer" && definition.rewardId ? await getReward(tx, { programId: program.id, rewardId: definition.rewardId }) : undefined;
    const sample = { name: data.locale === "en" ? "Alex" : "Ana", points: definition.points ?? 100, program: program.name, reward: reward ? reward.name[data.locale] || reward.name.es : null, code: reward ? SAMPLE_COUPON_CODE : null };
    const mail = renderTemplate(definition.templates[data.locale], sample);
    await sendMail(tx, { programId: program.id, to: data.to, subject: `[TEST] ${mail.subject}`, text: mail.body });
    await recordAudit(tx, actor, { program, action: "campaign.test_send", targetType: "campaign", targetId: c.id, after: { to: data.to, locale: data.locale } });
    return { subject: mail.subject };
  });
}

/** "Run now" from the console: the campaigns-run job for this one campaign, on the real clock (campaigns:write). */
export async function runCampaignNow(db: Executor, actor: Actor, input: { programId: string; campaignId: string }, now = new Date()): Promise<CampaignRunCounts> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  const { campaignId } = parseInput(campaignRefSchema, input);
  if (!(await getCampaign(db, { programId: program.id, campaignId }))) throw new NotFoundError("campaign", campaignId);
  return runProgramCampaigns(db, { programId: program.id, now, campaignId });
}
