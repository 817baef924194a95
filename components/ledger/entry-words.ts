import type { ExplainedEntry, ExplanationPart } from "@/lib/domain/ledger/explain-entry";
import { formatDate, formatPoints } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";

/** A translator for the "LedgerWords" messages (next-intl's `t`, loosely typed so server, client and CSV share this). */
export type Words = (key: string, values?: Record<string, string | number>) => string;

export type WordsContext = { t: Words; locale: string; numberLocale: string; timeZone: string };

/** The title of an entry ("Purchase", "Redemption", "Points expired"…). */
export function entryTitle(entry: ExplainedEntry, { t }: WordsContext): string {
  const imported = entry.parts.some((p) => p.type === "imported");
  const purchase = entry.kind === "earn" && entry.parts.some((p) => p.type === "order" || p.type === "base");
  if (entry.kind === "earn") return t(imported ? "titles.imported" : purchase ? "titles.purchase" : "titles.earn");
  if (entry.kind === "adjust") return t(entry.change >= 0 ? "titles.adjustCredit" : "titles.adjustDebit");
  if (entry.kind === "reverse") return t(entry.change <= 0 ? "titles.refund" : "titles.reverseRedemption");
  return t(`titles.${entry.kind}`);
}

/** One part in words; rules read "Double points weekend +120". */
export function partText(part: ExplanationPart, c: WordsContext): string {
  const points = (n: number) => formatPoints(n, c.numberLocale);
  const date = (at: string) => formatDate(at, c.numberLocale, c.timeZone);
  switch (part.type) {
    case "store":
      return c.t("parts.store", { name: part.name });
    case "order":
      return c.t("parts.order", { ref: part.ref });
    case "imported":
      return c.t("parts.imported");
    case "base":
      return c.t("parts.base", { points: points(part.points) });
    case "tierMultiplier":
      return c.t("parts.tierMultiplier", { factor: new Intl.NumberFormat(c.numberLocale, { maximumFractionDigits: 2 }).format(part.factor) });
    case "rule": {
      const name = part.name ? localizedText(part.name, c.locale) : c.t("parts.unnamedRule");
      const text = `${name} +${points(part.points)}`;
      return part.cappedBy ? `${text} (${c.t("parts.capped", { cap: c.t(`caps.${part.cappedBy}`) })})` : text;
    }
    case "pendingUntil":
      return c.t("parts.pendingUntil", { date: date(part.at) });
    case "expires":
      return c.t("parts.expires", { date: date(part.at) });
    case "released":
      return c.t("parts.released");
    case "reverses":
      return c.t("parts.reverses", { id: part.entryId });
    case "unrecovered":
      return c.t("parts.unrecovered", { points: points(part.points) });
    case "expiredLots":
      return part.policy === "inactivity" ? c.t("parts.expiredInactivity") : c.t("parts.expiredLots", { count: part.lots });
    case "reason":
      return c.t("parts.reason", { reason: part.text });
  }
}

/** The signed change shown for an entry ("+250", "−80"), or the moved amount when the total did not change. */
export function changeText(entry: ExplainedEntry, c: WordsContext): string {
  if (entry.change > 0) return `+${formatPoints(entry.change, c.numberLocale)}`;
  if (entry.change < 0) return `−${formatPoints(-entry.change, c.numberLocale)}`;
  return formatPoints(entry.points, c.numberLocale);
}
