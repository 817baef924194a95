import { listCouponViews } from "@/db/queries/coupons";
import type { Executor } from "@/db/types";
import { authorize, authorizeSelf, type Actor } from "@/lib/auth/actor";
import { effectiveStatus } from "@/lib/domain/rewards/coupon-state";
import { normalizeCouponCode } from "@/lib/domain/rewards/coupon-code";
import { requireProgram } from "@/lib/services/rewards/reward-access";
import { parseInput } from "@/lib/validation/common";
import { listCouponsSchema } from "@/lib/validation/rewards";
import type { z } from "zod";
import { toCouponDetails, type CouponDetails } from "./coupon-view";

/** The console's coupons view: search by the start of a code, filter by status. */
export async function listCoupons(db: Executor, actor: Actor, input: z.input<typeof listCouponsSchema>): Promise<CouponDetails[]> {
  const data = parseInput(listCouponsSchema, input);
  const program = await requireProgram(db, data.programId);
  authorize(actor, "rewards:read", program);
  const code = data.code ? normalizeCouponCode(data.code) : undefined;
  const rows = await listCouponViews(db, { programId: program.id, code, status: data.status, limit: data.limit });
  return rows.map(toCouponDetails);
}

/** A member's own coupons, newest first, with the status they really have now (past-due ones read as expired). */
export async function listMyCoupons(db: Executor, actor: Actor, input: { programId: string; memberId: string }, now = new Date()): Promise<CouponDetails[]> {
  authorizeSelf(actor, input);
  const rows = await listCouponViews(db, { programId: input.programId, memberId: input.memberId, limit: 100 });
  return rows.map((c) => ({ ...toCouponDetails(c), status: effectiveStatus(c, now) }));
}
