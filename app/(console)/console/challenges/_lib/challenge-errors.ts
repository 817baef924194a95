import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { isLazoError, ValidationError } from "@/lib/errors";

const CODES = ["forbidden", "not_found"] as const;

/** Schema paths → the form's field names ("name.es" stays; "minAmountMinor" → "minAmount"). */
function fieldOf(path: string): string {
  if (path === "minAmountMinor") return "minAmount";
  if (/^(name|description|badgeName)\.(es|en)$/.test(path)) return path;
  return path.split(".")[0]!;
}

function errorKey(message: string): "required" | "afterStart" | "unknownReward" | "kindLocked" | "invalid" {
  if (message === "Required." || message.startsWith("Too small: expected string")) return "required";
  if (message.startsWith("Must be after")) return "afterStart";
  if (message === "Unknown reward.") return "unknownReward";
  if (message.startsWith("The kind of a launched")) return "kindLocked";
  return "invalid";
}

/** A service error → translated field errors and a form message; unknown errors rethrow. */
export async function challengeFailure(error: unknown, values: Record<string, string> = {}): Promise<FormState> {
  if (!isLazoError(error)) throw error;
  const t = await getTranslations("Challenges");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [path, messages] of Object.entries(error.fields)) fieldErrors[fieldOf(path)] ??= t(`errors.${errorKey(messages[0] ?? "")}`);
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  const code = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : "generic";
  return { values, message: { tone: "error", text: t(`codes.${code}`), code: error.code } };
}
