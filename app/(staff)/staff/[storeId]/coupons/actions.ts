"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { lookupDeskCoupon, redeemDeskCoupon, type DeskCouponView } from "@/lib/services/desk/desk-coupons";
import type { DeskActionResult } from "../_lib/desk-action-result";
import { deskProgramId } from "../_lib/desk-call";
import { couponFailure } from "../_lib/desk-redeem-errors";

/** Looks a typed or scanned code up (coupons:validate at the store; wrong codes count toward the guessing limit). */
export async function checkCouponAction(storeId: string, code: string): Promise<DeskActionResult<DeskCouponView>> {
  try {
    const actor = await requireUser("/staff");
    const programId = await deskProgramId(actor);
    const ip = clientIp(await headers());
    return { ok: true, data: await lookupDeskCoupon(await getAppDb(), actor, { programId, storeId, code }, { ip }) };
  } catch (error) {
    return couponFailure(error);
  }
}

/** Redeems the code once at the store; a refused second try comes back with the coupon as it is now. */
export async function redeemCouponAction(storeId: string, code: string): Promise<DeskActionResult<DeskCouponView>> {
  try {
    const actor = await requireUser("/staff");
    const programId = await deskProgramId(actor);
    const ip = clientIp(await headers());
    return { ok: true, data: await redeemDeskCoupon(await getAppDb(), actor, { programId, storeId, code }, { ip }) };
  } catch (error) {
    return couponFailure(error);
  }
}
