import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { currencyDigits } from "@/lib/domain/money";
import { localToInstant } from "@/lib/domain/rules/local-time";
import { isLazoError, ValidationError } from "@/lib/errors";
import { REWARD_MESSAGES } from "@/lib/validation/rewards";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** "" → null; anything else → a number (NaN and decimals are left for the schema to name). */
function optionalNumber(form: FormData, name: string): number | null {
  const raw = text(form, name).replace(",", ".");
  return raw === "" ? null : Number(raw);
}

/**
 * A date field (YYYY-MM-DD) as an instant in the program's zone: "from" is the
 * start of that day, "until" the end of it (the next midnight; the window is exclusive).
 */
function optionalDate(form: FormData, name: string, timeZone: string, endOfDay = false): Date | null {
  const raw = text(form, name);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw ? new Date(Number.NaN) : null;
  const day = endOfDay ? new Date(Date.parse(`${raw}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : raw;
  return localToInstant(`${day}T00:00`, timeZone);
}

/** The reward form → the service's input: amounts to minor units, percentages × 100. */
export function rewardInputFromForm(form: FormData, currency: string, timeZone: string) {
  const kind = text(form, "kind");
  const rawValue = optionalNumber(form, "value");
  const scale = kind === "percent_discount" ? 100 : 10 ** currencyDigits(currency);
  const value = rawValue === null || Number.isNaN(rawValue) ? rawValue : Math.round(rawValue * scale);
  const periodCount = optionalNumber(form, "periodCount");
  const periodDays = optionalNumber(form, "periodDays");
  const tierPrices: Record<string, number> = {};
  for (const [key, v] of form.entries()) {
    if (key.startsWith("tierPrice.") && String(v).trim() !== "") tierPrices[key.slice("tierPrice.".length)] = Number(String(v).trim());
  }
  const menuId = text(form, "menuId");
  const targetKind = text(form, "targetKind");
  return {
    kind,
    status: text(form, "status") || "active",
    name: { es: text(form, "nameEs"), en: text(form, "nameEn") },
    description: { es: text(form, "descriptionEs"), en: text(form, "descriptionEn") },
    pointsPrice: optionalNumber(form, "pointsPrice") ?? Number.NaN,
    tierPrices: Object.keys(tierPrices).length ? tierPrices : null,
    value: kind === "amount_discount" || kind === "percent_discount" ? value : null,
    stock: optionalNumber(form, "stock"),
    perMemberLimit: optionalNumber(form, "perMemberLimit"),
    periodLimit: periodCount === null && periodDays === null ? null : { count: periodCount ?? Number.NaN, days: periodDays ?? Number.NaN },
    couponValidDays: optionalNumber(form, "couponValidDays") ?? 30,
    validFrom: optionalDate(form, "validFrom", timeZone),
    validUntil: optionalDate(form, "validUntil", timeZone, true),
    imageUrl: text(form, "imageUrl") || null,
    tiers: form.getAll("tiers").map(String),
    segmentIds: form.getAll("segmentIds").map(String),
    menuId: menuId || null,
    target: targetKind === "sku" ? { kind: "sku", sku: text(form, "targetSku") } : targetKind === "category" ? { kind: "category", code: text(form, "targetCategory") } : null,
  };
}

/** The form's own values, echoed back after a refusal. */
export function echo(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, v] of form.entries()) if (typeof v === "string" && !key.startsWith("$")) values[key] = key === "tiers" || key === "segmentIds" ? [values[key], v].filter(Boolean).join(",") : v;
  return values;
}

const KEY_BY_MESSAGE = new Map<string, string>(Object.entries(REWARD_MESSAGES).map(([key, message]) => [message, key]));
KEY_BY_MESSAGE.set("The reason must be at least 3 characters.", "reasonShort");
KEY_BY_MESSAGE.set("A reason is required.", "reasonShort");
KEY_BY_MESSAGE.set("No codes found: paste one code a line.", "noCodes");

/** Where the schema's paths land in the form (nested paths → the field that shows them). */
function fieldOf(path: string): string {
  if (path.startsWith("name")) return "nameEs";
  if (path.startsWith("periodLimit")) return "periodCount";
  if (path.startsWith("tierPrices.")) return `tierPrice.${path.split(".")[1]}`;
  if (path === "target.sku") return "targetSku";
  if (path === "target.code") return "targetCategory";
  if (path.startsWith("target")) return "targetKind";
  return path;
}

/** A service error → translated field messages and one form message; unknown errors rethrow to the error boundary. */
export async function rewardFormFailure(error: unknown, values: Record<string, string> = {}): Promise<FormState> {
  if (!isLazoError(error)) throw error;
  const t = await getTranslations("RewardErrors");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [path, messages] of Object.entries(error.fields)) {
      const key = KEY_BY_MESSAGE.get(messages[0] ?? "") ?? "invalid";
      fieldErrors[fieldOf(path)] ??= t(`fields.${key}` as "fields.invalid");
    }
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  const known = ["forbidden", "not_found", "reward_archived", "coupon_already_redeemed", "coupon_voided", "coupon_expired"] as const;
  const code = (known as readonly string[]).includes(error.code) ? (error.code as (typeof known)[number]) : "generic";
  return { values, message: { tone: "error", text: t(`codes.${code}`), code: error.code } };
}
