import { listCouponViews, lockCoupon, updateCoupon } from "@/db/queries/coupons";
import { addRewardStock } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { transition } from "@/lib/domain/rewards/coupon-state";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { reverseEntry } from "@/lib/services/ledger/reverse-entry";
import { parseInput } from "@/lib/validation/common";
import { voidCouponSchema } from "@/lib/validation/rewards";
import type { z } from "zod";
import { toCouponDetails, type CouponDetails } from "./coupon-view";

export type VoidCouponResult = { coupon: CouponDetails; refunded: number; refundEntryId: number | null };

/**
 * Cancels an unused coupon: the points it cost go back through a ledger
 * reversal of its redemption entry, its unit returns to stock, and the
 * change is audited with the reason. A second void is refused (`coupon_voided`).
 */
export async function voidCoupon(db: Executor, actor: Actor, input: z.input<typeof voidCouponSchema>, now = new Date()): Promise<VoidCouponResult> {
  const program = await authorizeProgram(db, actor, "rewards:write", input?.programId);
  const data = parseInput(voidCouponSchema, input);
  const { actorType, actorId } = actorRef(actor);
  return db.transaction(async (tx) => {
    const before = await lockCoupon(tx, { programId: program.id, couponId: data.couponId });
    if (!before) throw new NotFoundError("coupon", data.couponId);
    const verdict = transition(before, "void", now);
    if (!verdict.ok) throw new UnprocessableError(verdict.code, `This coupon cannot be voided (${verdict.code}).`);
    let refundEntryId: number | null = null;
    if (before.redeemEntryId) {
      const reversal = await reverseEntry(
        tx,
        { programId: program.id, entryId: before.redeemEntryId, reason: `Cupón anulado: ${data.reason}`, idempotencyKey: `coupon-void:${before.id}`, actor: { type: actorType, id: actorId }, channel: "console" },
        now,
      );
      refundEntryId = reversal.entryId;
    }
    if (before.rewardId) await addRewardStock(tx, { programId: program.id, rewardId: before.rewardId, delta: 1 });
    const after = await updateCoupon(tx, { programId: program.id, couponId: before.id }, { status: verdict.next, voidedAt: now, voidReason: data.reason });
    await recordAudit(tx, actor, {
      program,
      action: "coupon.void",
      targetType: "coupon",
      targetId: before.id,
      before: { status: before.status, code: before.code },
      after: { status: after.status, reason: data.reason, refunded: before.pointsSpent, refundEntryId },
    });
    const [view] = await listCouponViews(tx, { programId: program.id, couponId: before.id, limit: 1 });
    return { coupon: toCouponDetails(view!), refunded: before.redeemEntryId ? before.pointsSpent : 0, refundEntryId };
  });
}
