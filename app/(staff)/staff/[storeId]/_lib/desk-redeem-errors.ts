import "server-only";
import { getTranslations } from "next-intl/server";
import { isLazoError, ValidationError } from "@/lib/errors";
import type { DeskActionResult } from "./desk-action-result";

/** English messages of the desk's redeem schemas → keys of DeskRedeemErrors. */
const FIELD_MESSAGES: Record<string, string> = {
  "Points must be a number.": "pointsNumber",
  "Points must be a whole number.": "pointsNumber",
  "Points must be greater than zero.": "pointsNumber",
  "Points may not exceed 100,000,000.": "pointsLarge",
  "Enter an amount greater than zero.": "amountNumber",
  "Enter points or an amount.": "pointsOrAmount",
};

const CODES = [
  "reward_not_eligible",
  "out_of_stock",
  "limit_reached",
  "hold_not_active",
  "hold_expired",
  "point_value_unknown",
  "forbidden",
  "not_found",
  "idempotency_conflict",
] as const;

/** A refusal of a reward redemption or a points payment, in the UI language; anything else (a bug) rethrows. */
export async function redeemFailure(error: unknown): Promise<Extract<DeskActionResult<never>, { ok: false }>> {
  if (!isLazoError(error) || error.status >= 500) throw error;
  const t = await getTranslations("DeskRedeemErrors");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(error.fields)) {
      const key = FIELD_MESSAGES[messages[0] ?? ""] ?? "invalid";
      fieldErrors[field === "amountMinor" ? "amount" : field] = t(key as "invalid");
    }
    return { ok: false, code: error.code, message: t("checkFields"), fieldErrors };
  }
  if (error.code === "insufficient_points") {
    const available = Number((error.details as { available?: number } | undefined)?.available ?? 0);
    const message = t("insufficient_points", { available });
    return { ok: false, code: error.code, message, fieldErrors: { points: message } };
  }
  const key = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : "generic";
  return { ok: false, code: error.code, message: t(key) };
}

/** A refusal at the coupon box, in the UI language. */
export async function couponFailure(error: unknown): Promise<Extract<DeskActionResult<never>, { ok: false }>> {
  if (!isLazoError(error) || error.status >= 500) throw error;
  const t = await getTranslations("DeskCoupons.refused");
  const known = ["coupon_already_redeemed", "coupon_expired", "coupon_voided", "coupon_not_found", "member_card_scanned", "rate_limited", "forbidden", "not_found", "validation_failed"] as const;
  const key = (known as readonly string[]).includes(error.code) ? (error.code as (typeof known)[number]) : "generic";
  return { ok: false, code: error.code, message: t(key) };
}
