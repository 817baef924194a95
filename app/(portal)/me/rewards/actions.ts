"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireMember } from "@/lib/auth/session";
import { isLazoError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { redeemReward } from "@/lib/services/rewards/redeem-reward";

const REFUSALS = ["insufficient_points", "out_of_stock", "limit_reached", "reward_not_eligible", "not_found", "permission_denied", "redemption_limit_exceeded"] as const;
const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").trim();

/**
 * The member spends their own points on a reward (the service authorizes the
 * member for themselves only). The confirmation carries a key drawn when it
 * opened, so a double submit issues one coupon; success shows the coupon.
 */
export async function redeemRewardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireMember("/me/rewards");
  const t = await getTranslations("MyRewards.errors");
  let code: string;
  try {
    const result = await redeemReward(await getAppDb(), actor, {
      programId: actor.programId,
      memberId: actor.memberId,
      rewardId: text(formData, "rewardId"),
      idempotencyKey: text(formData, "idempotencyKey") || undefined,
    });
    code = result.coupon.code;
  } catch (error) {
    if (error instanceof ValidationError) return { message: { tone: "error", text: t("invalid"), code: error.code } };
    if (isLazoError(error)) {
      const known = (REFUSALS as readonly string[]).includes(error.code) ? error.code : "generic";
      return { message: { tone: "error", text: t(known as (typeof REFUSALS)[number] | "generic"), code: error.code } };
    }
    throw error;
  }
  revalidatePath("/me");
  redirect(`/me/rewards?coupon=${encodeURIComponent(code)}`);
}
