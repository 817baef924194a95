import { getAccountByMember, getHold } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { pointsForAmount, pointsValueMinor } from "@/lib/domain/desk/points-payment";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { redeemCoupon } from "@/lib/services/coupons/validate-coupon";
import type { CouponDetails } from "@/lib/services/coupons/coupon-view";
import { placeHold, settleMemberHold, type HoldView, type SettledHoldView } from "@/lib/services/ledger/manage-holds";
import { listMemberRewardMenus, type MemberRewardGroup } from "@/lib/services/rewards/list-member-reward-menus";
import { redeemReward, type RedeemRewardResult } from "@/lib/services/rewards/redeem-reward";
import { authorizeAtStore, requireProgram } from "@/lib/services/rewards/reward-access";
import { parseInput } from "@/lib/validation/common";
import { deskHoldSchema, deskRewardSchema, deskSettleSchema, type DeskHoldInput, type DeskRewardInput, type DeskSettleInput } from "@/lib/validation/desk-redeem";

export type DeskRedeemContext = {
  member: { id: string; name: string | null; cardNumber: string; tierKey: string | null; status: string };
  balance: { available: number; pending: number; held: number };
  groups: MemberRewardGroup[];
  program: { currency: string; locale: string; timeZone: string; pointValueMilli: number | null };
};

/** Authorizes a counter action at a store of the program (the store must be one the staff member works at). */
async function atStore(db: Executor, actor: Actor, permission: "members:read" | "points:redeem", input: { programId?: unknown; storeId?: unknown }) {
  const program = await requireProgram(db, typeof input?.programId === "string" ? input.programId : "");
  await authorizeAtStore(db, actor, permission, program, typeof input?.storeId === "string" ? input.storeId : "-");
  return program;
}

/** What the redeem screen shows: the member, their balance and the rewards they may take now. */
export async function getDeskRedeemContext(db: Executor, actor: Actor, input: { programId: string; storeId: string; memberId: string }, now = new Date()): Promise<DeskRedeemContext> {
  const program = await atStore(db, actor, "members:read", input);
  const member = /^[0-9a-f-]{36}$/i.test(input.memberId) ? await getMember(db, { programId: program.id, memberId: input.memberId }) : undefined;
  if (!member) throw new NotFoundError("member", input.memberId);
  const [account, menus] = await Promise.all([getAccountByMember(db, { programId: program.id, memberId: member.id }), listMemberRewardMenus(db, actor, { programId: program.id, memberId: member.id }, now)]);
  return {
    member: { id: member.id, name: member.name, cardNumber: member.cardNumber, tierKey: member.tierKey, status: member.status },
    balance: { available: account?.available ?? 0, pending: account?.pending ?? 0, held: account?.held ?? 0 },
    groups: menus.groups,
    program: { currency: program.currency, locale: program.locale, timeZone: program.timeZone, pointValueMilli: program.settings.pointValueMilli ?? null },
  };
}

export type DeskRewardResult = RedeemRewardResult & { usedCoupon: CouponDetails | null };

/**
 * Issues the reward's coupon for the member at this store; with `useNow` the
 * coupon is then redeemed on the spot (it is handed over otherwise). The two
 * steps are separate transactions: if marking it used fails, the member keeps
 * a valid coupon and the points are not lost.
 */
export async function redeemRewardAtDesk(db: Executor, actor: Actor, input: DeskRewardInput, now = new Date()): Promise<DeskRewardResult> {
  const program = await atStore(db, actor, "points:redeem", input);
  const data = parseInput(deskRewardSchema, input);
  const { useNow, ...request } = data;
  const issued = await redeemReward(db, actor, { ...request, programId: program.id, idempotencyKey: `desk:${data.idempotencyKey}` }, now);
  const usedCoupon = useNow ? await markUsedIfIssued(db, actor, { programId: program.id, storeId: data.storeId, code: issued.coupon.code }, now) : null;
  return { ...issued, usedCoupon };
}

async function markUsedIfIssued(db: Executor, actor: Actor, input: { programId: string; storeId: string; code: string }, now: Date): Promise<CouponDetails | null> {
  try {
    return await redeemCoupon(db, actor, input, { now });
  } catch (error) {
    // A retry of the same click finds the coupon already used: that is the answer we wanted.
    if (error instanceof UnprocessableError && error.code === "coupon_already_redeemed") return null;
    throw error;
  }
}

export type DeskHoldResult = HoldView & { valueMinor: number | null };

/** Points as payment, step one: reserve N points (or the points worth an amount) at this store. */
export async function placeDeskHold(db: Executor, actor: Actor, input: DeskHoldInput, now = new Date()): Promise<DeskHoldResult> {
  const program = await atStore(db, actor, "points:redeem", input);
  const data = parseInput(deskHoldSchema, input);
  const milli = program.settings.pointValueMilli ?? null;
  let points = data.points;
  if (points === undefined) {
    if (!milli) throw new UnprocessableError("point_value_unknown", "This program does not set what a point is worth.");
    points = pointsForAmount(data.amountMinor!, milli);
  }
  const hold = await placeHold(db, actor, { programId: program.id, memberId: data.memberId, storeId: data.storeId, points, reference: data.reference, idempotencyKey: `desk-hold:${data.idempotencyKey}` }, now);
  return { ...hold, valueMinor: pointsValueMinor(hold.points, milli) };
}

/** Step two: capture the hold when the sale completes, or void it when it is cancelled. */
export async function settleDeskHold(db: Executor, actor: Actor, input: DeskSettleInput, now = new Date()): Promise<SettledHoldView> {
  const program = await atStore(db, actor, "points:redeem", input);
  const data = parseInput(deskSettleSchema, input);
  // The hold must be this member's: a hold id from another counter's screen is "not found".
  const hold = await getHold(db, { programId: program.id, holdId: data.holdId });
  if (!hold || hold.memberId !== data.memberId) throw new NotFoundError("hold", data.holdId);
  return settleMemberHold(db, actor, { programId: program.id, holdId: data.holdId, storeId: data.storeId, action: data.action, idempotencyKey: `desk-${data.action}:${data.idempotencyKey}` }, now);
}
