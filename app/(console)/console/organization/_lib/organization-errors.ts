import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { isLazoError, ValidationError } from "@/lib/errors";

const CODES = ["forbidden", "not_found", "slug_taken", "nothing_to_copy", "offer_not_copyable"] as const;

/** A service refusal as the organization forms show it: one translated line per field, or one message. Unknown errors rethrow. */
export async function organizationFailure(error: unknown, values: Record<string, string> = {}): Promise<FormState> {
  if (!isLazoError(error)) throw error;
  const t = await getTranslations("Organization.errors");
  if (error instanceof ValidationError) {
    const fieldErrors = Object.fromEntries(Object.keys(error.fields).map((field) => [field.split(".")[0]!, t(FIELD_KEYS[field] ?? "invalid")]));
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  const code = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : "generic";
  const fieldErrors = error.code === "slug_taken" ? { slug: t("slug_taken") } : undefined;
  return { fieldErrors, values, message: { tone: "error", text: t(code), code: error.code } };
}

const FIELD_KEYS: Record<string, "rate" | "slug" | "name" | "program" | "invalid"> = {
  rate: "rate",
  slug: "slug",
  name: "name",
  toProgramId: "program",
  programId: "program",
};
