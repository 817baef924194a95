import { getCouponByCode, listCouponViews, updateCoupon } from "@/db/queries/coupons";
import { getReward } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { normalizeCouponCode } from "@/lib/domain/rewards/coupon-code";
import { transition } from "@/lib/domain/rewards/coupon-state";
import { qualifyingLines, targetOf, type RewardTarget } from "@/lib/domain/rewards/reward-target";
import { LazoError, UnprocessableError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { basketLines } from "@/lib/services/purchases/record-purchase";
import { authorizeAtStore, requireProgram } from "@/lib/services/rewards/reward-access";
import { resolveRewardTargets } from "@/lib/services/rewards/reward-targets";
import { parseInput } from "@/lib/validation/common";
import { couponAttemptSchema, validateCouponSchema } from "@/lib/validation/rewards";
import type { z } from "zod";
import { withCouponAttemptLimit } from "./coupon-attempts";
import { toCouponDetails, type CouponDetails } from "./coupon-view";

type AttemptInput = z.input<typeof couponAttemptSchema>;
type ValidateInput = z.input<typeof validateCouponSchema>;

/**
 * A coupon checked at the counter: what it is worth and what its reward is
 * valid on. With basket lines, whether the basket holds a qualifying line
 * (`applies`) and which ones (0-based indexes of the lines sent); a reward
 * without a target applies to any basket.
 */
export type CouponValidation = CouponDetails & { target: RewardTarget | null; applies?: boolean; qualifyingLines?: number[] };
type Options = { ip?: string; now?: Date };

export class CouponNotFoundError extends LazoError {
  constructor() {
    super("coupon_not_found", "No coupon with this code in this program.", 404);
  }
}

const REFUSALS = { coupon_already_redeemed: "This coupon was already redeemed.", coupon_expired: "This coupon has expired.", coupon_voided: "This coupon was voided.", coupon_not_due: "" } as const;

/** Looks a code up for the counter: what it is worth and on what, or why it cannot be used. Changes nothing. */
export async function validateCoupon(db: Executor, actor: Actor, input: ValidateInput, options: Options = {}): Promise<CouponValidation> {
  const data = parseInput(validateCouponSchema, input);
  const program = await requireProgram(db, data.programId);
  await authorizeAtStore(db, actor, "coupons:validate", program, data.storeId);
  const now = options.now ?? new Date();
  return withCouponAttemptLimit(db, actor, options.ip, async () => {
    const [coupon] = await listCouponViews(db, { programId: program.id, exactCode: normalizeCouponCode(data.code), limit: 1 });
    if (!coupon) throw new CouponNotFoundError();
    const verdict = transition(coupon, "redeem", now);
    if (!verdict.ok) throw new UnprocessableError(verdict.code, REFUSALS[verdict.code], { coupon: toCouponDetails(coupon) });
    return { ...toCouponDetails(coupon), ...(await basketCheck(db, program.id, coupon.rewardId, data.lines)) };
  }, now);
}

/** The reward's target, and with lines whether (and where) the basket holds it; SKU-only lines are classified from the catalog. */
async function basketCheck(db: Executor, programId: string, rewardId: string | null, lines: { sku?: string; category?: string; quantity: number }[] | undefined) {
  const reward = rewardId ? await getReward(db, { programId, rewardId }) : undefined;
  const ref = reward ? targetOf(reward) : null;
  const target = reward && ref ? ((await resolveRewardTargets(db, programId, [reward])).get(reward.id) ?? null) : null;
  if (!lines) return { target };
  const classified = await basketLines(db, programId, { amountMinor: 0, lines: lines.map((l) => ({ ...l, unitPriceMinor: 0 })) });
  const qualifying = qualifyingLines(ref, classified);
  return { target, applies: qualifying.length > 0, qualifyingLines: qualifying };
}

/** Uses a coupon at the counter: issued → redeemed exactly once, with the store recorded and `coupon.redeemed` written. */
export async function redeemCoupon(db: Executor, actor: Actor, input: AttemptInput, options: Options = {}): Promise<CouponDetails> {
  const data = parseInput(couponAttemptSchema, input);
  const program = await requireProgram(db, data.programId);
  await authorizeAtStore(db, actor, "coupons:validate", program, data.storeId);
  const now = options.now ?? new Date();
  return withCouponAttemptLimit(db, actor, options.ip, () =>
    db.transaction(async (tx) => {
      // The row lock makes two counters redeeming one code at once queue: the second sees "redeemed".
      const coupon = await getCouponByCode(tx, { programId: program.id, code: normalizeCouponCode(data.code), lock: true });
      if (!coupon) throw new CouponNotFoundError();
      const verdict = transition(coupon, "redeem", now);
      if (!verdict.ok) throw new UnprocessableError(verdict.code, REFUSALS[verdict.code]);
      const { actorType, actorId } = actorRef(actor);
      await updateCoupon(tx, { programId: program.id, couponId: coupon.id }, { status: verdict.next, usedAt: now, usedStoreId: data.storeId ?? null, usedBy: `${actorType}:${actorId}` });
      await recordEvent(tx, program.id, "coupon.redeemed", { couponId: coupon.id, code: coupon.code, memberId: coupon.memberId, rewardId: coupon.rewardId, storeId: data.storeId ?? null, usedAt: now.toISOString() });
      const [view] = await listCouponViews(tx, { programId: program.id, couponId: coupon.id, limit: 1 });
      return toCouponDetails(view!);
    }),
  now);
}
