import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { InsufficientPointsError, isLazoError, ValidationError } from "@/lib/errors";

/** English messages of the shared schemas and services → keys of MemberForms.errors. */
const FIELD_MESSAGES: Record<string, string> = {
  "Points must be a number.": "pointsNumber",
  "Points must be a whole number.": "pointsNumber",
  "An adjustment may not be zero.": "pointsZero",
  "Points may not exceed 100,000,000.": "pointsTooLarge",
  "A reason is required.": "reasonRequired",
  "The reason must be at least 3 characters.": "reasonRequired",
  "The reason may not exceed 500 characters.": "reasonLong",
  "Pick a tier.": "tierRequired",
  "Pick a tier of the live plan.": "tierRequired",
  "Pick the date the override ends.": "untilRequired",
  "The override must end in the future.": "untilPast",
};

/** A service error as the member forms show it, in the UI language; unknown errors rethrow to the error boundary. */
export async function memberFormFailure(error: unknown, values: Record<string, string>): Promise<FormState> {
  if (!isLazoError(error)) throw error;
  const t = await getTranslations("MemberForms.errors");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(error.fields)) {
      const key = FIELD_MESSAGES[messages[0] ?? ""] ?? "generic";
      fieldErrors[field] = t(key as "generic");
    }
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  if (error instanceof InsufficientPointsError) {
    return { values, fieldErrors: { points: t("insufficient", { available: error.available }) }, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  const key = error.code === "forbidden" ? "forbidden" : error.code === "not_found" ? "notFound" : "generic";
  return { values, message: { tone: "error", text: t(key), code: error.code } };
}
