"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { placeDeskHold, redeemRewardAtDesk, settleDeskHold, type DeskHoldResult, type DeskRewardResult } from "@/lib/services/desk/desk-redemption";
import type { SettledHoldView } from "@/lib/services/ledger/manage-holds";
import type { DeskActionResult } from "../../../_lib/desk-action-result";
import { deskProgramId } from "../../../_lib/desk-call";
import { redeemFailure } from "../../../_lib/desk-redeem-errors";

const path = (storeId: string, memberId: string) => `/staff/${storeId}/members/${memberId}`;

/** Spends the member's points on a reward (points:redeem at the store); `useNow` marks its coupon used on the spot. */
export async function redeemRewardAction(storeId: string, input: { memberId: string; rewardId: string; useNow: boolean; idempotencyKey: string }): Promise<DeskActionResult<DeskRewardResult>> {
  try {
    const actor = await requireUser("/staff");
    const programId = await deskProgramId(actor);
    const result = await redeemRewardAtDesk(await getAppDb(), actor, { ...input, programId, storeId });
    revalidatePath(path(storeId, input.memberId), "layout");
    return { ok: true, data: result };
  } catch (error) {
    return redeemFailure(error);
  }
}

/** Points as payment, step one: hold N points, or the points an amount (minor units) is worth. */
export async function placeHoldAction(
  storeId: string,
  input: { memberId: string; points?: number; amountMinor?: number; reference?: string; idempotencyKey: string },
): Promise<DeskActionResult<DeskHoldResult>> {
  try {
    const actor = await requireUser("/staff");
    const programId = await deskProgramId(actor);
    return { ok: true, data: await placeDeskHold(await getAppDb(), actor, { ...input, programId, storeId }) };
  } catch (error) {
    return redeemFailure(error);
  }
}

/** Step two: capture the hold when the sale completes, or void it when it is cancelled. */
export async function settleHoldAction(storeId: string, input: { memberId: string; holdId: string; action: "capture" | "void"; idempotencyKey: string }): Promise<DeskActionResult<SettledHoldView>> {
  try {
    const actor = await requireUser("/staff");
    const programId = await deskProgramId(actor);
    const result = await settleDeskHold(await getAppDb(), actor, { ...input, programId, storeId });
    revalidatePath(path(storeId, input.memberId), "layout");
    return { ok: true, data: result };
  } catch (error) {
    return redeemFailure(error);
  }
}
