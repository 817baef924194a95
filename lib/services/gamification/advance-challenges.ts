import { claimCompletion, listLiveChallenges, listMemberProgress, listMemberPurchaseFacts, saveProgress, setCompletionReward, type ChallengeRow } from "@/db/queries/gamification";
import { lockAccountByMember } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import { getProgramById } from "@/db/queries/programs";
import { loadCategoryPaths } from "@/db/queries/purchases";
import { lockReward } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { offerRefusal } from "@/lib/domain/campaigns/offer";
import { challengeKey, challengeProgress, ONCE, profileFactsOf, type ChallengeKind, type MemberFacts, type PurchaseFact } from "@/lib/domain/gamification/challenge";
import { localizedText } from "@/lib/localized-text";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { issueCoupon } from "@/lib/services/rewards/issue-coupon";
import type { Balance } from "@/lib/domain/ledger/balance";

export type ChallengeCompletion = { challengeId: string; points: number; entryId: number | null; couponId: string | null; balance: Balance | null };

/** Kinds a purchase can move; the profile kind moves when the profile changes. */
export const PURCHASE_KINDS: ChallengeKind[] = ["purchases", "stores", "streak"];
export const PROFILE_KINDS: ChallengeKind[] = ["profile"];

type ProgramClock = { id: string; timeZone: string; locale: string };

/** The member's purchases since the earliest challenge started, each with its line categories and their ancestors, and their profile. */
export async function memberFacts(tx: Executor, program: ProgramClock, memberId: string, open: ChallengeRow[]): Promise<MemberFacts | null> {
  const member = await getMember(tx, { programId: program.id, memberId });
  if (!member || member.status !== "active") return null;
  const needsPurchases = open.some((c) => c.kind !== "profile");
  let purchases: PurchaseFact[] = [];
  if (needsPurchases) {
    const since = new Date(Math.min(...open.map((c) => c.startsAt.getTime())));
    purchases = await listMemberPurchaseFacts(tx, { programId: program.id, memberId, since });
    if (open.some((c) => "category" in c.rule && c.rule.category)) {
      const paths = await loadCategoryPaths(tx, program.id);
      purchases = purchases.map((p) => ({ ...p, categories: [...new Set(p.categories.flatMap((c) => paths.get(c) ?? [c]))] }));
    }
  }
  return { purchases, profile: profileFactsOf(member) };
}

/**
 * Moves a member's live challenges of the given kinds forward, inside the
 * caller's transaction (the purchase's, whose account lock already queues a
 * member's purchases): progress is recomputed from the member's purchases and
 * profile, stored, and a challenge reached for the first time pays its reward
 * there and then. The progress row's completed_at (claimed under its row lock)
 * and the ledger key challenge:<id>:<member>:<period> make sure a retried or
 * concurrent evaluation never pays twice. Refunds do not undo a completion:
 * the badge and its reward stay (a refunded purchase only stops counting
 * toward challenges not yet completed).
 */
export async function advanceChallenges(tx: Executor, p: { program: ProgramClock; memberId: string; kinds: ChallengeKind[]; now: Date }): Promise<ChallengeCompletion[]> {
  const live = await listLiveChallenges(tx, { programId: p.program.id, now: p.now, kinds: p.kinds });
  if (!live.length) return [];
  const existing = new Map((await listMemberProgress(tx, { programId: p.program.id, memberId: p.memberId, challengeIds: live.map((c) => c.id) })).map((r) => [r.challengeId, r]));
  const open = live.filter((c) => !existing.get(c.id)?.completedAt);
  if (!open.length) return [];
  const facts = await memberFacts(tx, p.program, p.memberId, open);
  if (!facts) return [];
  const completions: ChallengeCompletion[] = [];
  for (const c of open) {
    const progress = challengeProgress(c.rule, { startsAt: c.startsAt, endsAt: c.endsAt, timeZone: p.program.timeZone }, facts, p.now);
    // Members who have not started a challenge get no row: the table holds participants only.
    if (!progress.completed && progress.current === 0 && progress.streak === 0 && !existing.has(c.id)) continue;
    const ref = { programId: p.program.id, challengeId: c.id, memberId: p.memberId, periodKey: ONCE };
    await saveProgress(tx, { ...ref, progress: progress.current, target: progress.target, streak: progress.streak, now: p.now });
    if (!progress.completed || !(await claimCompletion(tx, { ...ref, now: p.now }))) continue;
    completions.push(await payCompletion(tx, p.program, c, p.memberId, p.now));
  }
  return completions;
}

/** The completion's points through the ledger (with its once-only key) and its catalog reward as a free coupon, when it can still be issued. */
async function payCompletion(tx: Executor, program: ProgramClock, c: ChallengeRow, memberId: string, now: Date): Promise<ChallengeCompletion> {
  const ref = { programId: program.id, challengeId: c.id, memberId, periodKey: ONCE };
  let entryId: number | null = null;
  let balance: Balance | null = null;
  if (c.rewardPoints > 0) {
    const es = program.locale.toLowerCase().startsWith("es");
    const earned = await earnPoints(
      tx,
      {
        programId: program.id,
        memberId,
        points: c.rewardPoints,
        reason: `${es ? "Reto completado" : "Challenge completed"}: ${localizedText(c.name, es ? "es" : "en")}`,
        idempotencyKey: challengeKey(c.id, memberId, ONCE),
        actor: { type: "system", id: `challenge:${c.id}` },
        channel: "system",
        explanation: { challenge: { id: c.id, name: c.name, kind: c.kind, periodKey: ONCE } },
        occurredAt: now,
      },
      now,
    );
    entryId = earned.entryId;
    balance = earned.balance;
  }
  const couponId = c.rewardId ? await issueRewardCoupon(tx, program.id, c.rewardId, memberId, now) : null;
  await setCompletionReward(tx, { ...ref, pointsAwarded: c.rewardPoints, entryId, couponId });
  return { challengeId: c.id, points: c.rewardPoints, entryId, couponId, balance };
}

/**
 * The reward's coupon, in a savepoint: a reward that can no longer be issued
 * (archived, out of its dates or stock) gives no coupon, and the completion and
 * its points stand.
 */
async function issueRewardCoupon(tx: Executor, programId: string, rewardId: string, memberId: string, now: Date): Promise<string | null> {
  try {
    return await tx.transaction(async (sp) => {
      const reward = await lockReward(sp, { programId, rewardId });
      if (!reward || offerRefusal(reward, now)) return null;
      const coupon = await issueCoupon(sp, { programId, reward, memberId, pointsSpent: 0, redeemEntryId: null, now });
      return coupon.id;
    });
  } catch (error) {
    console.error(`Lazo: challenge reward ${rewardId} could not be issued`, error);
    return null;
  }
}

/**
 * After a profile change (or when the member opens their challenges): the
 * profile challenges, in a transaction of their own that locks the member's
 * account first, the order a purchase takes, so the two queue instead of deadlocking.
 */
export async function advanceProfileChallenges(db: Executor, p: { programId: string; memberId: string; now?: Date }): Promise<ChallengeCompletion[]> {
  const now = p.now ?? new Date();
  return db.transaction(async (tx) => {
    const program = await getProgramById(tx, p.programId);
    if (!program) return [];
    if (!(await listLiveChallenges(tx, { programId: program.id, now, kinds: PROFILE_KINDS })).length) return [];
    if (!(await lockAccountByMember(tx, { programId: program.id, memberId: p.memberId }))) return [];
    return advanceChallenges(tx, { program, memberId: p.memberId, kinds: PROFILE_KINDS, now });
  });
}
