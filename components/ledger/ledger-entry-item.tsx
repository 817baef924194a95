"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { ExplainedEntry } from "@/lib/domain/ledger/explain-entry";
import { formatDateTime } from "@/lib/format";
import { changeText, entryTitle, partText, type Words, type WordsContext } from "./entry-words";

type LedgerEntryItemProps = { entry: ExplainedEntry; locale: string; numberLocale: string; timeZone: string; compact?: boolean };

/**
 * One ledger entry in words, shared by the member's history and the console's
 * member page: title, date, signed points, and each part of its explanation.
 */
export function LedgerEntryItem({ entry, locale, numberLocale, timeZone, compact = false }: LedgerEntryItemProps) {
  const t = useTranslations("LedgerWords") as unknown as Words;
  const context: WordsContext = { t, locale, numberLocale, timeZone };
  const rules = entry.parts.filter((p) => p.type === "rule");
  const others = entry.parts.filter((p) => p.type !== "rule");
  return (
    <li className={clsx("flex gap-3", compact ? "px-5 py-3" : "px-4 py-4 sm:px-5")} data-testid="history-entry" data-kind={entry.kind} data-entry-id={entry.id}>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-3">
          <p className="font-medium text-ink">{entryTitle(entry, context)}</p>
          <p
            className={clsx("shrink-0 text-base font-semibold tabular-nums", entry.change > 0 ? "text-brand-700" : entry.change < 0 ? "text-accent-700" : "text-ink-muted")}
            data-testid="history-entry-points"
          >
            {changeText(entry, context)}
          </p>
        </div>
        <p className="mt-0.5 text-xs text-ink-subtle">
          <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, numberLocale, timeZone)}</time>
        </p>
        {rules.length ? (
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {rules.map((part, i) => (
              <li key={i} className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-800 ring-1 ring-brand-200 ring-inset" data-testid="history-rule">
                {partText(part, context)}
              </li>
            ))}
          </ul>
        ) : null}
        {others.length ? (
          <ul className="mt-2 space-y-0.5 text-sm text-ink-muted">
            {others.map((part, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">{partText(part, context)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
