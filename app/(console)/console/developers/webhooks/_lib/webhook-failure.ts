import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { isLazoError, ValidationError } from "@/lib/errors";

/** English messages of lib/validation/webhook.ts → keys of Webhooks.errors. */
const FIELD_MESSAGES: Record<string, string> = {
  "Enter a valid URL (https://…).": "url_invalid",
  "The URL may not exceed 2000 characters.": "url_invalid",
  "Use https:// (plain http only for localhost).": "url_https",
  "Do not put a user or password in the URL.": "url_credentials",
  "Pick at least one event.": "events_required",
  "The description may not exceed 200 characters.": "description_long",
};

const CODES = ["endpoint_disabled", "not_found", "forbidden"] as const;

/** A service error as the webhook forms show it, translated; unknown errors rethrow to the error boundary. */
export async function webhookFailure(error: unknown, values: Record<string, string> = {}): Promise<FormState> {
  if (!isLazoError(error)) throw error;
  const t = await getTranslations("Webhooks.errors");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(error.fields)) {
      const key = FIELD_MESSAGES[messages[0] ?? ""];
      fieldErrors[field.split(".")[0]!] = t((key ?? "invalid") as "invalid");
    }
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  const code = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : "generic";
  return { values, message: { tone: "error", text: t(code), code: error.code } };
}
