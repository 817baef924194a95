import { z } from "zod";
import type { ProgramSettings } from "@/db/schema/tenancy";
import { isKnownTimeZone } from "@/lib/domain/money";
import { maxPointValueText, parsePointValue, type PointValueProblem } from "@/lib/domain/programs/point-value";
import { isProgramLocale } from "./program";

/** Locales the settings form offers (a program created with another es/en tag keeps it: the form adds it). */
export const PROGRAM_LOCALES = ["es-MX", "es-AR", "es-CO", "es-CL", "es-PE", "es-EC", "es-UY", "es-GT", "es-CR", "es-DO", "es-419", "es-ES", "es-US", "en-US", "en-GB", "en-CA"] as const;

export const CLAWBACK_POLICIES = ["negative_forbidden_forfeit", "strict"] as const satisfies readonly NonNullable<ProgramSettings["clawbackPolicy"]>[];
export type ClawbackPolicyChoice = (typeof CLAWBACK_POLICIES)[number];
/** What refunds do when the program never chose (lib/services/purchases/refund-purchase.ts). */
export const DEFAULT_CLAWBACK_POLICY: ClawbackPolicyChoice = "negative_forbidden_forfeit";

/** Every IANA zone the runtime knows, plus UTC (which `supportedValuesOf` leaves out), sorted. */
export function programTimeZones(): string[] {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
}

/** An IANA zone name: one the runtime lists, or an alias it accepts ("America/Buenos_Aires"); never a bare offset. */
export function isIanaTimeZone(zone: string): boolean {
  if (zone === "UTC" || Intl.supportedValuesOf("timeZone").includes(zone)) return true;
  return /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(zone) && isKnownTimeZone(zone);
}

/**
 * The schema's messages (English, for the API and the CLI). The console maps
 * each to a translated field message by its key, so the two cannot drift.
 */
export const PROGRAM_SETTINGS_MESSAGES = {
  nameShort: "The name must be at least 2 characters.",
  nameLong: "The name may not exceed 120 characters.",
  pointNameRequired: "Name the points in this language.",
  pointNameLong: "The point name may not exceed 30 characters.",
  locale: "Use a Spanish or English locale such as es-MX, es-CL or en-US.",
  timeZone: "Use an IANA time zone such as America/Mexico_City.",
  pointValueFormat: "Write the value of one point as a decimal number, such as 0.01.",
  pointValueNegative: "A point cannot be worth less than zero.",
  pointValuePrecision: "Use at most {decimals} decimals for this currency.",
  pointValueTooLarge: "A point cannot be worth more than {max}.",
  clawbackPolicy: "Pick what happens when a refund takes back points already spent.",
} as const;

export type ProgramSettingsMessageKey = keyof typeof PROGRAM_SETTINGS_MESSAGES;

const POINT_VALUE_MESSAGES: Record<PointValueProblem, ProgramSettingsMessageKey> = {
  format: "pointValueFormat",
  negative: "pointValueNegative",
  precision: "pointValuePrecision",
  too_large: "pointValueTooLarge",
};

/** A message with its {placeholders} filled in: the numbers stay readable to API callers. */
function fill(key: ProgramSettingsMessageKey, values: Record<string, string | number> = {}): string {
  return PROGRAM_SETTINGS_MESSAGES[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** The key and placeholder values behind one of the schema's messages (the inverse of `fill`), or null for a message of another schema. */
export function programSettingsMessageKey(message: string): { key: ProgramSettingsMessageKey; values: Record<string, string> } | null {
  for (const [key, template] of Object.entries(PROGRAM_SETTINGS_MESSAGES) as [ProgramSettingsMessageKey, string][]) {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    // Braces are left unescaped on purpose: they become the capture groups.
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "(.+?)");
    const match = new RegExp(`^${pattern}$`).exec(message);
    if (match) return { key, values: Object.fromEntries(names.map((n, i) => [n, match[i + 1]!])) };
  }
  return null;
}

const text = (max: number, tooLong: string, required: string, min = 1) =>
  z.string({ error: required }).trim().min(min, { error: required }).max(max, { error: tooLong });

/**
 * Program settings as the console edits them. The point value is a decimal in
 * the program's currency (its precision depends on the currency's decimals, so
 * the schema is built per currency) and comes out as `pointValueMilli`, null
 * when left empty (not set).
 */
export function updateProgramSettingsSchema(currencyDigits: number) {
  const M = PROGRAM_SETTINGS_MESSAGES;
  return z
    .object({
      programId: z.string(),
      name: text(120, M.nameLong, M.nameShort, 2),
      pointName: z.object({ es: text(30, M.pointNameLong, M.pointNameRequired), en: text(30, M.pointNameLong, M.pointNameRequired) }, { error: M.pointNameRequired }).strict(),
      locale: z
        .string({ error: M.locale })
        .trim()
        .refine(isProgramLocale, { error: M.locale })
        .transform((tag) => Intl.getCanonicalLocales(tag)[0]!),
      timeZone: z.string({ error: M.timeZone }).trim().refine(isIanaTimeZone, { error: M.timeZone }),
      pointValue: z.string({ error: M.pointValueFormat }).transform((value, ctx) => {
        const parsed = parsePointValue(value, currencyDigits);
        if (parsed.ok) return parsed.milli;
        ctx.addIssue({ code: "custom", message: fill(POINT_VALUE_MESSAGES[parsed.problem], { decimals: parsed.maxDecimals, max: maxPointValueText(currencyDigits) }) });
        return z.NEVER;
      }),
      clawbackPolicy: z.enum(CLAWBACK_POLICIES, { error: M.clawbackPolicy }),
    })
    .strict();
}

export type UpdateProgramSettingsInput = z.input<ReturnType<typeof updateProgramSettingsSchema>>;
