import { defaultLocale, isAppLocale, type AppLocale } from "./config";

type LocaleSources = {
  /** Value of the NEXT_LOCALE cookie, if any. */
  cookie?: string | null;
  /** Raw Accept-Language header, if any. */
  acceptLanguage?: string | null;
};

/**
 * Picks the UI locale: an explicit choice (cookie) wins, then the browser's
 * preferences in q order, then Spanish. Pure so it can be unit-tested.
 */
export function resolveLocale({ cookie, acceptLanguage }: LocaleSources): AppLocale {
  if (isAppLocale(cookie)) return cookie;
  for (const tag of parseAcceptLanguage(acceptLanguage ?? "")) {
    // "es-MX" and "en-GB" map to their base language; we ship no regional variants.
    const base = tag.split("-")[0]?.toLowerCase();
    if (isAppLocale(base)) return base;
  }
  return defaultLocale;
}

/** Language tags ordered by quality, highest first; `q=0` means "not this one". */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.q > 0)
    // Stable on ties: the browser's own order decides between equal weights.
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
