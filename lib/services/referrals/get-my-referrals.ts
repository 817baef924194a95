import { getProgramById } from "@/db/queries/programs";
import { countReferralsByStatus, listReferralsByReferrer, type ReferralStatus } from "@/db/queries/referrals";
import type { LocalizedText } from "@/db/schema/tenancy";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { formatReferralCode } from "@/lib/domain/referrals/referral-code";
import { referralSettingsOf, type ReferralSettings } from "@/lib/domain/referrals/referral-rules";
import { NotFoundError } from "@/lib/errors";
import { selfRef } from "@/lib/services/members/self-ref";
import { ensureReferralCode } from "./ensure-referral-code";

/** What a friend's line says: waiting for a purchase, waiting for its return window, or how it ended. */
export type FriendStatus = "awaiting_purchase" | "awaiting_release" | Exclude<ReferralStatus, "pending">;

export type MyReferrals = {
  code: string;
  displayCode: string;
  settings: ReferralSettings;
  currency: string;
  program: { slug: string; pointName: LocalizedText };
  counts: { total: number; pending: number; rewarded: number; notRewarded: number; cancelled: number };
  pointsEarned: number;
  friends: { id: string; name: string; status: FriendStatus; reason: string | null; points: number; joinedAt: string }[];
};

/** A friend as the referrer sees them: first name and the initial of the last ("Beto N."), never the address. */
export function friendName(name: string | null): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (!words.length) return "—";
  return words.length === 1 ? words[0]! : `${words[0]} ${words.at(-1)![0]!.toUpperCase()}.`;
}

/** The signed-in member's code (made on first visit), the program's referral terms and the friends they referred. */
export async function getMyReferrals(db: Executor, actor: Actor): Promise<MyReferrals> {
  const ref = selfRef(actor);
  const program = await getProgramById(db, ref.programId);
  if (!program) throw new NotFoundError("program", ref.programId);
  const code = await ensureReferralCode(db, ref);
  const [counts, rows] = await Promise.all([countReferralsByStatus(db, { programId: ref.programId, referrerId: ref.memberId }), listReferralsByReferrer(db, { programId: ref.programId, referrerId: ref.memberId, limit: 100 })]);
  const friends = rows.map((r) => ({
    id: r.id,
    name: friendName(r.name),
    status: (r.status === "pending" ? (r.qualified ? "awaiting_release" : "awaiting_purchase") : r.status) as FriendStatus,
    reason: r.reason,
    points: r.referrerPoints,
    joinedAt: r.createdAt.toISOString(),
  }));
  return {
    code,
    displayCode: formatReferralCode(code),
    settings: referralSettingsOf(program.settings.referrals),
    currency: program.currency,
    program: { slug: program.slug, pointName: program.pointName },
    counts: { total: counts.pending + counts.rewarded + counts.not_rewarded + counts.cancelled, pending: counts.pending, rewarded: counts.rewarded, notRewarded: counts.not_rewarded, cancelled: counts.cancelled },
    pointsEarned: rows.reduce((sum, r) => sum + r.referrerPoints, 0),
    friends,
  };
}
