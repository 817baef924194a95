import { randomBytes } from "node:crypto";
import { countMemberCoupons, insertCoupon, type CouponRow } from "@/db/queries/coupons";
import { getMember } from "@/db/queries/members";
import { claimPartnerCode, addRewardStock, listMemberSegmentIds, lockReward } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { applyDelta, type Balance } from "@/lib/domain/ledger/balance";
import { couponCodeFrom } from "@/lib/domain/rewards/coupon-code";
import { checkEligibility, couponExpiry, periodStart, refusalCode } from "@/lib/domain/rewards/eligibility";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { redeemRewardSchema, type RedeemRewardInput } from "@/lib/validation/rewards";
import { recordEvent } from "@/lib/services/events/record-event";
import { debitLots } from "@/lib/services/ledger/debit-lots";
import { runLedgerOperation, type OperationContext, type Replayable } from "@/lib/services/ledger/run-ledger-operation";
import { authorizeForMember, requireProgram } from "./reward-access";

export type IssuedCoupon = { id: string; code: string; status: CouponRow["status"]; expiresAt: string; partnerCode: string | null };
export type RedeemRewardResult = { entryId: number | null; rewardId: string; pointsRedeemed: number; balance: Balance; coupon: IssuedCoupon };

const CHANNEL = { member: "portal", user: "pos", api_key: "api", system: "system" } as const;

/**
 * Spends a member's points on a reward, in one ledger transaction: the
 * member's account and then the reward are locked, eligibility, stock and
 * limits are checked under those locks, the points are debited, the stock
 * goes down, a coupon (or the next free partner code) is issued and
 * `coupon.issued` is recorded. A retry with the same idempotency key returns
 * the first coupon.
 */
export async function redeemReward(db: Executor, actor: Actor, input: RedeemRewardInput, now = new Date()): Promise<Replayable<RedeemRewardResult>> {
  const data = parseInput(redeemRewardSchema, input);
  const program = await requireProgram(db, data.programId);
  authorizeForMember(actor, "points:redeem", program, data.memberId, data.storeId);
  const { idempotencyKey, ...request } = data;
  return runLedgerOperation(
    db,
    { operation: "redeem-reward", programId: program.id, locate: async () => ({ memberId: data.memberId }), idempotencyKey: idempotencyKey && `reward:${idempotencyKey}`, request, now },
    (ctx) => issue(ctx, actor, data, now),
  );
}

async function issue(ctx: OperationContext, actor: Actor, data: ReturnType<typeof redeemRewardSchema.parse>, now: Date): Promise<RedeemRewardResult> {
  const { tx } = ctx;
  const programId = data.programId;
  const reward = await lockReward(tx, { programId, rewardId: data.rewardId });
  if (!reward) throw new NotFoundError("reward", data.rewardId);
  const member = (await getMember(tx, { programId, memberId: data.memberId }))!;
  const segmentIds = await listMemberSegmentIds(tx, { programId, memberId: member.id });
  const usage = await countMemberCoupons(tx, { programId, rewardId: reward.id, memberId: member.id, since: periodStart(reward, now) });
  const verdict = checkEligibility({ ...reward, tierPrices: reward.tierPrices ?? null }, { tierKey: member.tierKey, segmentIds }, usage, now);
  if (!verdict.eligible) throw new UnprocessableError(refusalCode(verdict.reason), `This reward cannot be redeemed: ${verdict.reason.replace(/_/g, " ")}.`, { reason: verdict.reason });

  const { actorType, actorId } = actorRef(actor);
  const price = verdict.price;
  let entryId: number | null = null;
  let balance = ctx.balance;
  if (price > 0) {
    const { entry } = await debitLots(ctx, price, {
      memberId: member.id,
      kind: "redeem",
      availableDelta: -price,
      channel: CHANNEL[actor.kind],
      storeId: data.storeId,
      actorType,
      actorId,
      idempotencyKey: data.idempotencyKey && `reward:${data.idempotencyKey}`,
      reason: `Canje: ${reward.name.es || reward.name.en}`,
      explanation: { reward: { id: reward.id, name: reward.name, kind: reward.kind } },
      occurredAt: now,
    });
    entryId = entry.id;
    balance = applyDelta(ctx.balance, { available: -price, lifetimeRedeemed: price });
    await ctx.saveBalance(balance);
  }
  if (reward.stock !== null) await addRewardStock(tx, { programId, rewardId: reward.id, delta: -1 });

  const coupon = await insertUniqueCoupon(tx, {
    programId,
    rewardId: reward.id,
    memberId: member.id,
    redeemEntryId: entryId,
    pointsSpent: price,
    issuedAt: now,
    expiresAt: couponExpiry(now, reward.couponValidDays, reward.validUntil),
  });
  let partnerCode: string | null = null;
  if (reward.kind === "partner_perk") {
    partnerCode = await claimPartnerCode(tx, { programId, rewardId: reward.id, couponId: coupon.id });
    if (!partnerCode) throw new UnprocessableError("out_of_stock", "This partner perk has no codes left.", { reason: "out_of_stock" });
  }
  const issued: IssuedCoupon = { id: coupon.id, code: coupon.code, status: coupon.status, expiresAt: coupon.expiresAt!.toISOString(), partnerCode };
  await recordEvent(tx, programId, "coupon.issued", { couponId: coupon.id, code: coupon.code, memberId: member.id, rewardId: reward.id, pointsSpent: price, expiresAt: issued.expiresAt, entryId });
  return { entryId, rewardId: reward.id, pointsRedeemed: price, balance, coupon: issued };
}

/** Draws codes until one is free: with 50 random bits a second draw practically never happens. */
async function insertUniqueCoupon(tx: Executor, values: Omit<CouponRow, "id" | "code" | "status" | "usedAt" | "usedStoreId" | "usedBy" | "campaignId" | "voidedAt" | "voidReason">): Promise<CouponRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await insertCoupon(tx, { ...values, code: couponCodeFrom(randomBytes(10)) });
    if (row) return row;
  }
  throw new Error("Could not draw a free coupon code in 5 attempts");
}
