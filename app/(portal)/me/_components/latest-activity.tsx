import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { LedgerEntryItem } from "@/components/ledger/ledger-entry-item";
import type { ExplainedEntry } from "@/lib/domain/ledger/explain-entry";

type LatestActivityProps = { entries: ExplainedEntry[]; locale: string; numberLocale: string; timeZone: string };

/** The member's three latest ledger entries, explained, with the way to the full history. */
export function LatestActivity({ entries, locale, numberLocale, timeZone }: LatestActivityProps) {
  const t = useTranslations("MyHome.latest");
  return (
    <section aria-labelledby="latest-title" className="rounded-card border border-line bg-surface shadow-card" data-testid="latest-activity">
      <header className="flex items-center justify-between gap-3 border-b border-line px-5 py-4">
        <h2 id="latest-title" className="text-base font-semibold text-ink">{t("title")}</h2>
        {entries.length ? (
          <Link href="/me/history" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:text-brand-800" data-testid="latest-see-all">
            {t("seeAll")}
          </Link>
        ) : null}
      </header>
      {entries.length === 0 ? (
        <p className="px-5 py-4 text-sm text-ink-muted" data-testid="latest-none">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-line">
          {entries.map((entry) => (
            <LedgerEntryItem key={entry.id} entry={entry} locale={locale} numberLocale={numberLocale} timeZone={timeZone} compact />
          ))}
        </ul>
      )}
    </section>
  );
}
