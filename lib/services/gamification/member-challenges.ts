import { listMemberChallenges } from "@/db/queries/gamification";
import { getMember } from "@/db/queries/members";
import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import { getReward } from "@/db/queries/rewards";
import type { LocalizedText } from "@/db/schema/tenancy";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { challengeProgress, isChallengeLive, type ChallengeRule } from "@/lib/domain/gamification/challenge";
import { leaderboardEnabled } from "@/lib/domain/gamification/leaderboard";
import { NotFoundError } from "@/lib/errors";
import { selfRef } from "@/lib/services/members/self-ref";
import { advanceProfileChallenges, memberFacts } from "./advance-challenges";

export type MemberChallengeState = "upcoming" | "in_progress" | "completed";

export type MemberChallenge = {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  kind: ChallengeRule["kind"];
  rule: ChallengeRule;
  badge: { name: LocalizedText; icon: string };
  reward: { points: number; rewardName: LocalizedText | null };
  startsAt: string;
  endsAt: string | null;
  state: MemberChallengeState;
  progress: { current: number; target: number; streak: number };
  completedAt: string | null;
  pointsAwarded: number;
};

/**
 * A member's challenges: the completed ones (their badges stay, whatever
 * became of the challenge) and the active ones running or about to start,
 * with progress computed now from their purchases and profile (a rolling
 * window empties as days pass, whatever was stored at the last purchase).
 */
export async function memberChallenges(db: Executor, program: ProgramRow, memberId: string, now: Date): Promise<MemberChallenge[]> {
  const rows = await listMemberChallenges(db, { programId: program.id, memberId });
  const visible = rows.filter(({ challenge: c, progress }) => progress?.completedAt || isChallengeLive(c, now) || (c.status === "active" && c.startsAt > now));
  const open = visible.filter(({ progress }) => !progress?.completedAt).map((r) => r.challenge);
  const facts = open.length ? await memberFacts(db, program, memberId, open) : null;
  const rewardNames = new Map<string, LocalizedText>();
  for (const id of new Set(visible.flatMap((r) => (r.challenge.rewardId ? [r.challenge.rewardId] : [])))) {
    const reward = await getReward(db, { programId: program.id, rewardId: id });
    if (reward) rewardNames.set(id, reward.name);
  }
  return visible.map(({ challenge: c, progress: stored }) => {
    const completed = Boolean(stored?.completedAt);
    const live = !completed && facts ? challengeProgress(c.rule, { startsAt: c.startsAt, endsAt: c.endsAt, timeZone: program.timeZone }, facts, now) : null;
    const state: MemberChallengeState = completed ? "completed" : c.startsAt > now ? "upcoming" : "in_progress";
    const target = live?.target ?? stored?.target ?? 0;
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      kind: c.kind,
      rule: c.rule,
      badge: { name: c.badgeName, icon: c.badgeIcon },
      reward: { points: c.rewardPoints, rewardName: c.rewardId ? (rewardNames.get(c.rewardId) ?? null) : null },
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt?.toISOString() ?? null,
      state,
      progress: completed ? { current: stored!.target, target: stored!.target, streak: stored!.streak } : { current: state === "upcoming" ? 0 : (live?.current ?? 0), target, streak: state === "upcoming" ? 0 : (live?.streak ?? 0) },
      completedAt: stored?.completedAt?.toISOString() ?? null,
      pointsAwarded: stored?.pointsAwarded ?? 0,
    };
  });
}

/**
 * The signed-in member's challenges for the portal. Profile challenges are
 * brought up to date first (a member whose profile was already complete when
 * the challenge started completes it here), idempotent like every evaluation.
 */
export async function getMyChallenges(db: Executor, actor: Actor, now = new Date()): Promise<{ challenges: MemberChallenge[]; program: ProgramRow; leaderboard: boolean }> {
  const ref = selfRef(actor);
  const program = await getProgramById(db, ref.programId);
  if (!program) throw new NotFoundError("program", ref.programId);
  await advanceProfileChallenges(db, { ...ref, now });
  return { challenges: await memberChallenges(db, program, ref.memberId, now), program, leaderboard: leaderboardEnabled(program.settings) };
}

/** A member's challenges for the integration API (members:read); another program's member is not found. */
export async function getMemberChallenges(db: Executor, actor: Actor, input: { programId: string; memberId: string }, now = new Date()): Promise<{ memberId: string; data: MemberChallenge[] }> {
  const program = await getProgramById(db, input.programId);
  if (!program) throw new NotFoundError("program", input.programId);
  authorize(actor, "members:read", program);
  const member = await getMember(db, { programId: program.id, memberId: input.memberId });
  if (!member) throw new NotFoundError("member", input.memberId);
  return { memberId: member.id, data: await memberChallenges(db, program, member.id, now) };
}
