import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { isLazoError, ValidationError } from "@/lib/errors";
import { programSettingsMessageKey } from "@/lib/validation/program-settings";

const CODES = ["forbidden", "not_found"] as const;

/** Schema paths → the form's field names ("pointName.es" → "pointNameEs"). */
function fieldOf(path: string): string {
  if (path === "pointName" || path === "pointName.es") return "pointNameEs";
  if (path === "pointName.en") return "pointNameEn";
  return path.split(".")[0]!;
}

/** A service error → translated field errors and a form message, with the posted values echoed; unknown errors rethrow. */
export async function settingsFailure(error: unknown, values: Record<string, string>): Promise<FormState> {
  if (!isLazoError(error)) throw error;
  const t = await getTranslations("ProgramSettings");
  if (error instanceof ValidationError) {
    const locale = await getLocale();
    const fieldErrors: Record<string, string> = {};
    for (const [path, messages] of Object.entries(error.fields)) {
      const known = programSettingsMessageKey(messages[0] ?? "");
      const max = known?.values.max ? new Intl.NumberFormat(locale).format(Number(known.values.max)) : "";
      fieldErrors[fieldOf(path)] ??= known ? t(`errors.${known.key}`, { decimals: known.values.decimals ?? "", max }) : t("errors.invalid");
    }
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  const code = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : "generic";
  return { values, message: { tone: "error", text: t(`codes.${code}`), code: error.code } };
}
