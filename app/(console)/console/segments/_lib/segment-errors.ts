import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { SEGMENT_ERROR_KEYS } from "@/lib/domain/segments/definition";
import { isLazoError, ValidationError } from "@/lib/errors";

const KNOWN = new Set<string>(SEGMENT_ERROR_KEYS);
const CODES = ["forbidden", "not_found"] as const;

/**
 * A service error → translated messages keyed by the schema's path
 * ("definition.items.1.items.0.days" → "items.1.items.0.days", "name"), so the
 * builder can show each one next to its value. Unknown errors rethrow.
 */
export async function segmentFailure(error: unknown, values: Record<string, string> = {}): Promise<FormState> {
  if (!isLazoError(error)) throw error;
  const ts = await getTranslations("Segments");
  const t = (key: string) => ts(`errors.${key}` as "errors.invalid");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [path, messages] of Object.entries(error.fields)) {
      const key = messages[0] && KNOWN.has(messages[0]) ? messages[0] : "invalid";
      fieldErrors[path.replace(/^definition\.?/, "") || "items"] ??= t(key);
    }
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  const code = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : "generic";
  return { values, message: { tone: "error", text: t(`codes.${code}`), code: error.code } };
}
