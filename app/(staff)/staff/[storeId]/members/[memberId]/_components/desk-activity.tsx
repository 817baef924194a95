"use client";

import { LedgerEntryItem } from "@/components/ledger/ledger-entry-item";
import type { ExplainedEntry } from "@/lib/domain/ledger/explain-entry";

/** The member's latest ledger entries, each explained (the shared ledger item). */
export function DeskActivity({ entries, locale, numberLocale, timeZone }: { entries: ExplainedEntry[]; locale: string; numberLocale: string; timeZone: string }) {
  return (
    <ul className="divide-y divide-line" data-testid="desk-activity">
      {entries.map((entry) => (
        <LedgerEntryItem key={entry.id} entry={entry} locale={locale} numberLocale={numberLocale} timeZone={timeZone} compact />
      ))}
    </ul>
  );
}
