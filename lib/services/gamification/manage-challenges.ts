import { getChallenge, insertChallenge, listChallengesWithCounts, updateChallengeRow, type ChallengeRow, type NewChallenge } from "@/db/queries/gamification";
import type { ProgramRow } from "@/db/queries/programs";
import { getReward, listRewardsWithCounts } from "@/db/queries/rewards";
import type { LocalizedText } from "@/db/schema/tenancy";
import type { Executor } from "@/db/types";
import { actorRef, can, type Actor } from "@/lib/auth/actor";
import type { ChallengeRule } from "@/lib/domain/gamification/challenge";
import { leaderboardEnabled } from "@/lib/domain/gamification/leaderboard";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { createChallengeSchema, setChallengeStatusSchema, updateChallengeSchema, type ChallengeFields, type CreateChallengeInput, type SetChallengeStatusInput, type UpdateChallengeInput } from "@/lib/validation/gamification";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const audited = (row: ChallengeRow | undefined) =>
  row ? { name: row.name, description: row.description, kind: row.kind, status: row.status, rule: row.rule, badgeName: row.badgeName, badgeIcon: row.badgeIcon, rewardPoints: row.rewardPoints, rewardId: row.rewardId, startsAt: row.startsAt, endsAt: row.endsAt } : null;

/** The form's fields → the stored rule of the chosen kind (fields of other kinds are dropped). */
export function ruleOf(c: ChallengeFields): ChallengeRule {
  switch (c.kind) {
    case "purchases":
      return { kind: "purchases", count: c.count!, windowDays: c.windowDays ?? null, category: c.category ?? null, minAmountMinor: c.minAmountMinor ?? null };
    case "stores":
      return { kind: "stores", count: c.count!, windowDays: c.windowDays ?? null };
    case "profile":
      return { kind: "profile", fields: [...new Set(c.fields)] };
    case "streak":
      return { kind: "streak", weeks: c.weeks!, category: c.category ?? null, minAmountMinor: c.minAmountMinor ?? null };
  }
}

async function columnsOf(db: Executor, program: ProgramRow, c: ChallengeFields): Promise<Omit<NewChallenge, "programId">> {
  if (c.rewardId) {
    const reward = await getReward(db, { programId: program.id, rewardId: c.rewardId });
    if (!reward || reward.status === "archived") throw new ValidationError({ rewardId: ["Unknown reward."] });
  }
  return {
    name: c.name,
    description: c.description,
    kind: c.kind,
    rule: ruleOf(c),
    badgeName: c.badgeName,
    badgeIcon: c.badgeIcon,
    rewardPoints: c.rewardPoints,
    rewardId: c.rewardId ?? null,
    startsAt: c.startsAt,
    endsAt: c.endsAt ?? null,
  };
}

/** Saves a new challenge as a draft (campaigns:write, audited): nobody progresses until it is activated. */
export async function createChallenge(db: Executor, actor: Actor, input: CreateChallengeInput, now = new Date()): Promise<ChallengeRow> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  const data = parseInput(createChallengeSchema, input);
  const columns = await columnsOf(db, program, data);
  return db.transaction(async (tx) => {
    const createdBy = actor.kind === "user" ? actorRef(actor).actorId : null;
    const row = await insertChallenge(tx, { ...columns, programId: program.id, status: "draft", createdBy, createdAt: now, updatedAt: now });
    await recordAudit(tx, actor, { program, action: "challenge.create", targetType: "challenge", targetId: row.id, after: audited(row) });
    return row;
  });
}

/**
 * Edits a challenge (audited). Its kind is fixed once it has been active:
 * members' progress was measured against it. Progress already stored is
 * recomputed at the member's next purchase or profile change; completions stand.
 */
export async function updateChallenge(db: Executor, actor: Actor, input: UpdateChallengeInput, now = new Date()): Promise<ChallengeRow> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  const data = parseInput(updateChallengeSchema, input);
  const columns = await columnsOf(db, program, data);
  return db.transaction(async (tx) => {
    const before = await getChallenge(tx, { programId: program.id, challengeId: data.challengeId });
    if (!before) throw new NotFoundError("challenge", data.challengeId);
    if (before.kind !== data.kind && before.status !== "draft") throw new ValidationError({ kind: ["The kind of a launched challenge cannot change."] });
    const row = (await updateChallengeRow(tx, { programId: program.id, challengeId: before.id, now }, columns))!;
    await recordAudit(tx, actor, { program, action: "challenge.update", targetType: "challenge", targetId: row.id, before: audited(before), after: audited(row) });
    return row;
  });
}

/** Activates or pauses a challenge (audited). A paused challenge keeps progress and badges but counts nothing new. */
export async function setChallengeStatus(db: Executor, actor: Actor, input: SetChallengeStatusInput, now = new Date()): Promise<ChallengeRow> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  const data = parseInput(setChallengeStatusSchema, input);
  return db.transaction(async (tx) => {
    const before = await getChallenge(tx, { programId: program.id, challengeId: data.challengeId });
    if (!before) throw new NotFoundError("challenge", data.challengeId);
    const row = (await updateChallengeRow(tx, { programId: program.id, challengeId: before.id, now }, { status: data.status }))!;
    await recordAudit(tx, actor, { program, action: data.status === "active" ? "challenge.activate" : "challenge.pause", targetType: "challenge", targetId: row.id, before: { status: before.status }, after: { status: row.status } });
    return row;
  });
}

export type ChallengeListItem = ChallengeRow & { participants: number; completions: number };
export type RewardChoice = { id: string; name: LocalizedText; status: string };

/** The console's challenge list (campaigns:read) with participation counts, and whether the portal shows the leaderboard. */
export async function listProgramChallenges(db: Executor, actor: Actor, input: { programId: string }): Promise<{ challenges: ChallengeListItem[]; canWrite: boolean; timeZone: string; currency: string; rewards: RewardChoice[]; leaderboardEnabled: boolean }> {
  const program = await authorizeProgram(db, actor, "campaigns:read", input?.programId);
  const [challenges, rewards] = await Promise.all([listChallengesWithCounts(db, { programId: program.id }), listRewardsWithCounts(db, { programId: program.id })]);
  return { challenges, canWrite: can(actor, "campaigns:write", program), timeZone: program.timeZone, currency: program.currency, rewards: rewards.map((r) => ({ id: r.id, name: r.name, status: r.status })), leaderboardEnabled: leaderboardEnabled(program.settings) };
}

/** What the new/edit form needs (campaigns:write): the rewards to pick from and, when editing, the challenge. */
export async function getChallengeFormContext(db: Executor, actor: Actor, input: { programId: string; challengeId?: string }) {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  let challenge: ChallengeRow | undefined;
  if (input.challengeId !== undefined) {
    challenge = UUID.test(input.challengeId) ? await getChallenge(db, { programId: program.id, challengeId: input.challengeId }) : undefined;
    if (!challenge) throw new NotFoundError("challenge", input.challengeId);
  }
  const rewards = await listRewardsWithCounts(db, { programId: program.id, status: ["active", "draft"] });
  return { challenge, rewards: rewards.map((r) => ({ id: r.id, name: r.name, status: r.status })), timeZone: program.timeZone, currency: program.currency };
}
