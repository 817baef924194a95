import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { isLazoError, ValidationError } from "@/lib/errors";

/** English messages of the shared zod schemas → keys of AdminErrors.fields (the UI speaks Spanish first). */
const FIELD_MESSAGES: Record<string, string> = {
  "Enter a valid email address.": "email",
  "Pick a role.": "role",
  "Staff need at least one store.": "storesRequired",
  "Pick stores of this program.": "storesUnknown",
  "A name is required.": "nameRequired",
  "The name must be at least 2 characters.": "nameShort",
  "Pick at least one scope.": "scopesRequired",
  "The rate limit is a whole number of requests a minute, from 1 to 1,000,000.": "rateLimit",
};

const CODES = ["already_member", "own_access", "forbidden", "not_found", "unauthorized"] as const;

/**
 * Maps a service error to the form's state, translated: per-field messages for
 * validation errors, one message for known refusals. Unknown errors rethrow
 * (the error boundary shows them; nothing is swallowed).
 */
export async function formFailure(error: unknown, values: Record<string, string> = {}): Promise<FormState> {
  if (!isLazoError(error)) throw error;
  const t = await getTranslations("AdminErrors");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(error.fields)) {
      const key = FIELD_MESSAGES[messages[0] ?? ""];
      fieldErrors[field] = key ? t(`fields.${key}` as "fields.email") : t("fields.invalid");
    }
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  const code = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : "generic";
  return { values, message: { tone: "error", text: t(`codes.${code}`), code: error.code } };
}
