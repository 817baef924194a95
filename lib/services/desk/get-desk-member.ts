import { listCouponViews } from "@/db/queries/coupons";
import { getAccountByMember } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import type { ExplainedEntry } from "@/lib/domain/ledger/explain-entry";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { effectiveStatus } from "@/lib/domain/rewards/coupon-state";
import { NotFoundError } from "@/lib/errors";
import type { LocalizedText } from "@/lib/localized-text";
import { toCouponDetails, type CouponDetails } from "@/lib/services/coupons/coupon-view";
import { listExplainedHistory } from "@/lib/services/ledger/list-explained-history";
import { listMemberRewards, type MemberRewardView } from "@/lib/services/rewards/list-rewards";
import { parseInput } from "@/lib/validation/common";
import { deskMemberRefSchema, type DeskMemberRef } from "@/lib/validation/desk-members";
import { authorizeDesk } from "./authorize-desk";

export const DESK_ACTIVITY_LIMIT = 8;

export type DeskMember = {
  /** For formatting: the program's locale and time zone. */
  program: { locale: string; timeZone: string };
  member: { id: string; name: string | null; email: string | null; phone: string | null; cardNumber: string; status: "active" | "suspended" | "anonymized"; enrolledAt: string };
  tier: { key: string; name: LocalizedText } | null;
  points: { available: number; pending: number; held: number };
  activity: ExplainedEntry[];
  /** Issued coupons not yet past their expiry, soonest expiry first. */
  coupons: CouponDetails[];
  /** Rewards the member may redeem now (tier, segment, window, stock, limits), at their price. */
  rewards: MemberRewardView[];
  /** What the counter may offer this actor at this store (each screen checks again). */
  may: { earn: boolean; redeem: boolean; adjust: boolean };
};

/**
 * The counter's member panel (members:read at the store): who they are, their
 * points, what they did lately and what they can use today. Another program's
 * member, or an anonymised one, is not found.
 */
export async function getDeskMember(db: Executor, actor: Actor, input: DeskMemberRef, now = new Date()): Promise<DeskMember> {
  const program = await authorizeDesk(db, actor, "members:read", input?.programId, input?.storeId);
  const data = parseInput(deskMemberRefSchema, input);
  const ref = { programId: program.id, memberId: data.memberId };
  const member = await getMember(db, ref);
  if (!member || member.status === "anonymized") throw new NotFoundError("member", data.memberId);

  const [account, plan, history, couponRows, offers] = await Promise.all([
    getAccountByMember(db, ref),
    getLivePlanVersion(db, { programId: program.id, at: now }),
    listExplainedHistory(db, { ...ref, limit: DESK_ACTIVITY_LIMIT }),
    listCouponViews(db, { ...ref, status: "issued", limit: 50 }),
    listMemberRewards(db, actor, ref, now),
  ]);
  const tiers = (plan?.definition as PlanDefinition | undefined)?.tiers ?? [];
  const tier = tiers.find((t) => t.key === member.tierKey);
  const coupons = couponRows
    .filter((c) => effectiveStatus(c, now) === "issued")
    .sort((a, b) => (a.expiresAt?.getTime() ?? Infinity) - (b.expiresAt?.getTime() ?? Infinity))
    .map(toCouponDetails);
  const at = (permission: Parameters<typeof can>[1]) => member.status === "active" && can(actor, permission, program, data.storeId);
  return {
    program: { locale: program.locale, timeZone: program.timeZone },
    member: { id: member.id, name: member.name, email: member.email, phone: member.phone, cardNumber: member.cardNumber, status: member.status, enrolledAt: member.enrolledAt.toISOString() },
    tier: tier ? { key: tier.key, name: tier.name } : null,
    points: { available: account?.available ?? 0, pending: account?.pending ?? 0, held: account?.held ?? 0 },
    activity: history.entries,
    coupons,
    rewards: offers.rewards,
    may: { earn: at("points:earn"), redeem: at("points:redeem"), adjust: at("points:adjust") },
  };
}
