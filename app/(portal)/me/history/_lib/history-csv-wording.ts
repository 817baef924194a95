import "server-only";
import { getTranslations } from "next-intl/server";
import { entryTitle, partText, type Words, type WordsContext } from "@/components/ledger/entry-words";
import type { CsvWording } from "@/lib/services/members/my-history-csv";

/** The CSV's header and rows in the member's language, worded like the page (same parts, same order). */
export async function historyCsvWording(locale: string, numberLocale: string, timeZone: string): Promise<CsvWording> {
  const [t, words] = await Promise.all([getTranslations("MemberHistory.csv"), getTranslations("LedgerWords")]);
  const context: WordsContext = { t: words as unknown as Words, locale, numberLocale, timeZone };
  return {
    header: [t("date"), t("type"), t("points"), t("details"), t("id")],
    // Plain integers in the points column so spreadsheets can add them up.
    row: (entry) => [entry.occurredAt, entryTitle(entry, context), entry.change !== 0 ? entry.change : entry.points, entry.parts.map((p) => partText(p, context)).join(" · "), entry.id],
  };
}
