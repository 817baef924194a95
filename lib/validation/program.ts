import { z } from "zod";
import { isKnownCurrency, isKnownTimeZone } from "@/lib/domain/money";

export const SUPPORTED_LANGUAGES = ["es", "en"] as const;

/** A BCP 47 tag of a language the UI speaks (es-MX, es-419, en-US…): it formats the program's numbers, dates and money. */
export function isProgramLocale(tag: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return SUPPORTED_LANGUAGES.some((lang) => canonical === lang || canonical?.startsWith(`${lang}-`));
  } catch {
    return false;
  }
}

export const createProgramSchema = z
  .object({
    slug: z
      .string({ error: "A slug is required." })
      .trim()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, { error: "Use 1–48 lowercase letters, digits and dashes (not at the ends)." }),
    name: z.string({ error: "A name is required." }).trim().min(2, { error: "The name must be at least 2 characters." }).max(120),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isKnownCurrency, { error: "Unknown ISO 4217 currency code." })
      .default("MXN"),
    locale: z
      .string()
      .trim()
      .refine(isProgramLocale, { error: "Use a Spanish or English locale such as es-MX, es-CL or en-US." })
      .default("es-MX"),
    timeZone: z.string().trim().refine(isKnownTimeZone, { error: "Unknown IANA time zone." }).default("America/Mexico_City"),
    organizationSlug: z.string().trim().min(1).max(48).optional(),
    pointName: z.object({ es: z.string().trim().min(1).max(30), en: z.string().trim().min(1).max(30) }).strict().optional(),
  })
  .strict();

export type CreateProgramInput = z.input<typeof createProgramSchema>;
