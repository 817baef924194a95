import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { isLazoError, ValidationError } from "@/lib/errors";

const CODES = ["forbidden", "not_found", "campaign_not_editable", "campaign_status_invalid"] as const;

/** Schema paths → the form's field names ("templates.es.subject" → "es.subject", "trigger.n" → "triggerValue"). */
function fieldOf(path: string): string {
  if (path.startsWith("templates.")) return path.slice("templates.".length);
  if (path === "trigger" || path === "trigger.type") return "triggerType";
  if (path.startsWith("trigger.")) return "triggerValue";
  return path.split(".")[0]!;
}

/** The schema's and the service's English messages → the form's message keys. */
function errorKey(message: string): "required" | "afterStart" | "unknownReward" | "noMoneyValue" | "noPointsCap" | "invalid" {
  if (message === "Required.") return "required";
  if (message.startsWith("Must be after")) return "afterStart";
  if (message === "Unknown reward.") return "unknownReward";
  if (message.startsWith("This reward has no money value")) return "noMoneyValue";
  if (message.startsWith("Offers give no points")) return "noPointsCap";
  return "invalid";
}

/** A service error → translated field errors and a form message; unknown errors rethrow. */
export async function campaignFailure(error: unknown, values: Record<string, string> = {}): Promise<FormState> {
  if (!isLazoError(error)) throw error;
  const t = await getTranslations("Campaigns");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [path, messages] of Object.entries(error.fields)) {
      const m = messages[0] ?? "";
      fieldErrors[fieldOf(path)] ??= t(`errors.${errorKey(m)}`);
    }
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  const code = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : "generic";
  return { values, message: { tone: "error", text: t(`codes.${code}`), code: error.code } };
}
