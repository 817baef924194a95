import "server-only";
import { getTranslations } from "next-intl/server";
import { isLazoError, ValidationError } from "@/lib/errors";
import type { DeskActionResult } from "./desk-action-result";

/** English messages of the shared schemas and services → keys of DeskSales.errors. */
const FIELD_MESSAGES: Record<string, string> = {
  "An order reference is required.": "orderRequired",
  "The order reference is too long.": "orderLong",
  "The amount must be a number.": "amountNumber",
  "The amount must be greater than zero.": "amountPositive",
  "The amount is too large.": "amountLarge",
  "The amount must equal the sum of the lines.": "amountLines",
  "Return an amount or lines, not both.": "amountOrLines",
  "Give a SKU or a category.": "lineProduct",
  "Quantity must be a number.": "lineQuantity",
  "Quantity must be greater than zero.": "lineQuantity",
  "The unit price must be a number.": "linePrice",
  "The unit price may not be negative.": "linePrice",
  "This SKU is not in the purchase.": "lineUnknown",
  "Points must be a number.": "pointsNumber",
  "Points must be a whole number.": "pointsNumber",
  "An adjustment may not be zero.": "pointsZero",
  "Points may not exceed 100,000,000.": "pointsLarge",
  "A reason is required.": "reasonRequired",
  "The reason must be at least 3 characters.": "reasonRequired",
  "The reason may not exceed 500 characters.": "reasonLong",
};

const CODES = ["order_reference_used", "purchase_not_found", "refund_exceeds_purchase", "forbidden", "not_found"] as const;

/**
 * A service refusal as the counter shows it, in the UI language: field
 * messages for validation errors, one message for known refusals. Anything
 * else (a bug) rethrows to the error boundary.
 */
export async function deskFailure(error: unknown, context: { refund?: boolean } = {}): Promise<Extract<DeskActionResult<never>, { ok: false }>> {
  if (!isLazoError(error) || error.status >= 500) throw error;
  const t = await getTranslations("DeskSales.errors");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(error.fields)) {
      const key = FIELD_MESSAGES[messages[0] ?? ""] ?? "invalid";
      // Lines report per field (lines.0.quantity); the row shows one message.
      fieldErrors[field] = t(key as "invalid");
      const row = /^lines\.(\d+)/.exec(field);
      if (row) fieldErrors[`lines.${row[1]}`] ??= t(key as "invalid");
    }
    return { ok: false, code: error.code, message: t("checkFields"), fieldErrors };
  }
  const details = (error.details ?? {}) as Record<string, unknown>;
  if (error.code === "insufficient_points") {
    const message = context.refund ? t("insufficient_points_refund") : t("insufficient_points", { available: Number(details.available ?? 0) });
    return { ok: false, code: error.code, message, fieldErrors: context.refund ? undefined : { points: message } };
  }
  if (error.code === "purchase_other_store") {
    const store = typeof details.store === "string" ? details.store : null;
    return { ok: false, code: error.code, message: store ? t("purchase_other_store", { store }) : t("purchase_other_store_unknown") };
  }
  if (error.code === "not_found" && String(details.resource ?? "").includes("plan")) return { ok: false, code: error.code, message: t("no_plan") };
  const key = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : "generic";
  return { ok: false, code: error.code, message: t(key), fieldErrors: error.code === "order_reference_used" ? { orderId: t(key) } : undefined };
}
