/** Text a program stores in both UI languages (tier names, point names). */
export type LocalizedText = { es: string; en: string };

/** Picks the UI language's variant, falling back to the other one when empty. */
export function localizedText(text: LocalizedText, locale: string): string {
  const preferred = locale === "en" ? text.en : text.es;
  return preferred || text.es || text.en;
}
