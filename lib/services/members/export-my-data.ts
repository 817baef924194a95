import { getAccountByMember, listEntriesForMember } from "@/db/queries/ledger";
import { listTierHistory } from "@/db/queries/member-directory";
import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { listMemberBadges } from "@/db/queries/gamification";
import { getLeaderboardEntry } from "@/db/queries/leaderboard";
import { listMyCoupons } from "@/lib/services/coupons/list-coupons";
import { balanceOf } from "@/lib/services/ledger/run-ledger-operation";
import { exportMyReferrals } from "@/lib/services/referrals/export-my-referrals";
import { selfRef } from "./self-ref";

const PAGE = 1000;

/**
 * "Download my data": everything Lazo keeps about the signed-in member — the
 * profile, consents, balance, every ledger entry, coupons, tier changes, badges
 * referrals (code, referrer, friends referred and the points they earned) and
 * their place on the challenges leaderboard, if they joined it.
 * Only ever the caller's own rows (every query is keyed by their program and id).
 */
export async function exportMyData(db: Executor, actor: Actor, now = new Date()) {
  const ref = selfRef(actor);
  const [member, account] = await Promise.all([getMember(db, ref), getAccountByMember(db, ref)]);
  if (!member || member.status !== "active" || !account) throw new NotFoundError("member", ref.memberId);
  const entries = [];
  for (let before: number | undefined; ; ) {
    const page = await listEntriesForMember(db, { ...ref, before, limit: PAGE });
    entries.push(...page);
    if (page.length < PAGE) break;
    before = page.at(-1)!.id;
  }
  const [coupons, tierHistory, badges, leaderboard] = await Promise.all([listMyCoupons(db, actor, ref, now), listTierHistory(db, { ...ref, limit: 1000 }), listMemberBadges(db, ref), getLeaderboardEntry(db, ref)]);
  const referrals = await exportMyReferrals(db, member);
  return {
    exportedAt: now.toISOString(),
    profile: {
      id: member.id,
      cardNumber: member.cardNumber,
      externalId: member.externalId,
      name: member.name,
      email: member.email,
      phone: member.phone,
      birthday: member.birthday,
      city: member.city,
      locale: member.locale,
      tier: member.tierKey,
      enrolledAt: member.enrolledAt.toISOString(),
      enrolmentChannel: member.enrolmentChannel,
    },
    consents: { termsAcceptedAt: member.consentTermsAt?.toISOString() ?? null, marketing: member.consentMarketing, personalization: member.consentPersonalization },
    balance: balanceOf(account),
    ledgerEntries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      points: e.points,
      availableDelta: e.availableDelta,
      pendingDelta: e.pendingDelta,
      reason: e.reason,
      orderRef: e.orderRef,
      occurredAt: e.occurredAt.toISOString(),
      explanation: e.explanation,
    })),
    coupons,
    tierHistory: tierHistory.map((h) => ({ from: h.fromTier, to: h.toTier, reason: h.reason, at: h.createdAt.toISOString() })),
    referrals,
    badges: badges.map((b) => ({ challengeId: b.challengeId, challenge: b.challengeName, badge: b.badgeName, badgeIcon: b.badgeIcon, earnedAt: b.completedAt!.toISOString(), pointsAwarded: b.pointsAwarded, couponId: b.couponId })),
    leaderboard: leaderboard ? { displayName: leaderboard.displayName, joinedAt: leaderboard.joinedAt.toISOString() } : null,
  };
}

export type MyDataExport = Awaited<ReturnType<typeof exportMyData>>;
