/** Locales Lazo ships; Spanish first because most programs run in Latin America. */
export const locales = ["es", "en"] as const;

export type AppLocale = (typeof locales)[number];

export const defaultLocale: AppLocale = "es";

/** Cookie the language switcher writes; read before Accept-Language. */
export const localeCookieName = "NEXT_LOCALE";

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
