/**
 * Display formatting shared by server and client components. Pure: no I/O,
 * no clock, everything it depends on is passed in.
 */

/** Whole points with the locale's grouping ("12,345" / "12.345"). */
export function formatPoints(points: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(points);
}

/** Plain counts (members, purchases) — same rules as points, separate name for intent. */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/**
 * How many minor units a currency has (USD 2, JPY 0, KWD 3), from Intl's
 * ISO 4217 data so we keep no table of our own.
 */
export function currencyMinorDigits(currency: string): number {
  const options = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions();
  return options.maximumFractionDigits ?? 2;
}

/** Money stored in minor units (cents) shown in major units: 123456 USD → "$1,234.56". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyMinorDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** A share in [0, 1] as a rounded percentage ("42 %" / "42%"). */
export function formatPercent(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}

/** A calendar date as seen in the program's time zone, not the server's. */
export function formatDate(date: Date | string | number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(date));
}

/**
 * Locale used for numbers and dates. Plain "es" follows Spain (1.234,50 US$);
 * Latin American readers expect es-419 (USD 1,234.50). A program whose locale
 * shares the UI language (es-MX under "es") is more precise still.
 */
export function numberLocale(uiLocale: string, programLocale?: string): string {
  if (programLocale && programLocale.split("-")[0] === uiLocale) return programLocale;
  return uiLocale === "es" ? "es-419" : uiLocale;
}

/** Date and time as seen in the program's time zone (audit log, outbox, API keys). */
export function formatDateTime(date: Date | string | number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(date));
}

/** A calendar month as seen in the program's time zone ("junio de 2026", "June 2026"). */
export function formatMonth(date: Date | string | number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone }).format(new Date(date));
}
