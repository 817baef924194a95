"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { LedgerEntryItem } from "@/components/ledger/ledger-entry-item";
import { Button } from "@/components/ui/button";
import type { ExplainedEntry } from "@/lib/domain/ledger/explain-entry";
import { loadMoreMemberHistory } from "../actions";

type MemberLedgerProps = { memberId: string; initial: ExplainedEntry[]; nextCursor: number | null; locale: string; numberLocale: string; timeZone: string };

/** The member's ledger, newest first; "show more" appends older pages (cursor = last id shown). */
export function MemberLedger({ memberId, initial, nextCursor: firstCursor, locale, numberLocale, timeZone }: MemberLedgerProps) {
  const t = useTranslations("MemberDetail.history");
  const [entries, setEntries] = useState(initial);
  const [cursor, setCursor] = useState(firstCursor);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();

  const loadMore = () =>
    startTransition(async () => {
      try {
        const page = await loadMoreMemberHistory(memberId, null, cursor!);
        if (!page.ok) return setFailed(true);
        setEntries((shown) => [...shown, ...page.entries]);
        setCursor(page.nextCursor);
        setFailed(false);
      } catch {
        setFailed(true);
      }
    });

  if (entries.length === 0) return <p className="px-5 py-8 text-center text-sm text-ink-muted">{t("empty")}</p>;
  return (
    <>
      <ul className="divide-y divide-line" data-testid="member-ledger">
        {entries.map((entry) => (
          <LedgerEntryItem key={entry.id} entry={entry} locale={locale} numberLocale={numberLocale} timeZone={timeZone} compact />
        ))}
      </ul>
      {cursor || failed ? (
        <div className="flex items-center justify-center gap-3 border-t border-line px-5 py-4">
          {failed ? <p className="text-sm text-accent-700">{t("loadFailed")}</p> : null}
          {cursor ? (
            <Button variant="secondary" onClick={loadMore} disabled={pending} data-testid="member-ledger-more">
              {pending ? t("loading") : t("loadMore")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
