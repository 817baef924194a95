import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { readScannedCode } from "@/lib/domain/desk/scanned-code";
import { UnprocessableError, ValidationError } from "@/lib/errors";
import type { RewardTarget } from "@/lib/domain/rewards/reward-target";
import type { CouponDetails } from "@/lib/services/coupons/coupon-view";
import { redeemCoupon, validateCoupon } from "@/lib/services/coupons/validate-coupon";
import { authorizeAtStore, requireProgram } from "@/lib/services/rewards/reward-access";

export type DeskCouponView = {
  /** With what its reward is valid on, when the lookup found it usable. */
  coupon: CouponDetails & { target?: RewardTarget | null };
  member: { id: string; name: string | null; cardNumber: string } | null;
  /** Why it cannot be redeemed now (coupon_already_redeemed, coupon_expired, coupon_voided), or null. */
  refusal: string | null;
};

type Input = { programId: string; storeId: string; code: string };
type Options = { ip?: string; now?: Date };

/** The code in what was typed or scanned; a member card's QR is refused with its own code. */
function codeOf(raw: string): string {
  const read = readScannedCode(typeof raw === "string" ? raw : "");
  if (read.kind === "member_card") throw new UnprocessableError("member_card_scanned", "This is a member card, not a coupon.");
  if (read.kind === "empty") throw new ValidationError({ code: ["A coupon code is required."] });
  return read.code;
}

async function memberOf(db: Executor, programId: string, memberId: string | null) {
  const member = memberId ? await getMember(db, { programId, memberId }) : undefined;
  return member ? { id: member.id, name: member.name, cardNumber: member.cardNumber } : null;
}

/**
 * Looks a typed or scanned code up at the counter (coupons:validate at this
 * store): what it is, whose, its state and expiry. A coupon that cannot be
 * used is still shown, with the reason; an unknown code is "not found" and
 * counts toward the guessing limit. Changes nothing.
 */
export async function lookupDeskCoupon(db: Executor, actor: Actor, input: Input, options: Options = {}): Promise<DeskCouponView> {
  const program = await requireProgram(db, input?.programId ?? "");
  await authorizeAtStore(db, actor, "coupons:validate", program, typeof input?.storeId === "string" ? input.storeId : "-");
  const code = codeOf(input.code);
  try {
    const coupon = await validateCoupon(db, actor, { programId: program.id, storeId: input.storeId, code }, options);
    return { coupon, member: await memberOf(db, program.id, coupon.memberId), refusal: null };
  } catch (error) {
    if (!(error instanceof UnprocessableError)) throw error;
    const coupon = (error.details as { coupon?: CouponDetails } | undefined)?.coupon;
    if (!coupon) throw error;
    return { coupon, member: await memberOf(db, program.id, coupon.memberId), refusal: error.code };
  }
}

/**
 * Redeems the code once at this store. A second try (or a coupon that expired
 * or was voided meanwhile) is refused by the coupon service under its row
 * lock; the answer then carries the refusal and the coupon as it is now, so
 * the counter can say when and where it was used.
 */
export async function redeemDeskCoupon(db: Executor, actor: Actor, input: Input, options: Options = {}): Promise<DeskCouponView> {
  const program = await requireProgram(db, input?.programId ?? "");
  await authorizeAtStore(db, actor, "coupons:validate", program, typeof input?.storeId === "string" ? input.storeId : "-");
  const code = codeOf(input.code);
  try {
    const coupon = await redeemCoupon(db, actor, { programId: program.id, storeId: input.storeId, code }, options);
    return { coupon, member: await memberOf(db, program.id, coupon.memberId), refusal: null };
  } catch (error) {
    if (!(error instanceof UnprocessableError) || !error.code.startsWith("coupon_")) throw error;
    const now = await lookupDeskCoupon(db, actor, { programId: program.id, storeId: input.storeId, code }, options);
    return { ...now, refusal: error.code };
  }
}
