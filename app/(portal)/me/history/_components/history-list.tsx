"use client";

import { useState } from "react";
import { QueryClient, QueryClientProvider, useInfiniteQuery } from "@tanstack/react-query";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { LedgerEntryItem } from "@/components/ledger/ledger-entry-item";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { HISTORY_FILTERS, type HistoryFilter } from "@/lib/domain/ledger/explain-entry";
import type { ExplainedHistoryPage } from "@/lib/services/ledger/list-explained-history";
import { queryKeys } from "@/lib/query-keys";

type Format = { locale: string; numberLocale: string; timeZone: string };
type Choice = HistoryFilter | "all";
const CHOICES: Choice[] = ["all", ...(Object.keys(HISTORY_FILTERS) as HistoryFilter[])];

async function fetchPage(filter: Choice, before: number | null): Promise<ExplainedHistoryPage> {
  const query = new URLSearchParams();
  if (filter !== "all") query.set("filter", filter);
  if (before) query.set("before", String(before));
  const response = await fetch(`/me/history/entries?${query}`, { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`history ${response.status}`);
  return response.json() as Promise<ExplainedHistoryPage>;
}

/** The member's history with filters and "show more"; the first page of "all" comes rendered from the server. */
export function HistoryList(props: { initial: ExplainedHistoryPage; format: Format }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }));
  return (
    <QueryClientProvider client={client}>
      <FilteredHistory {...props} />
    </QueryClientProvider>
  );
}

function FilteredHistory({ initial, format }: { initial: ExplainedHistoryPage; format: Format }) {
  const t = useTranslations("MemberHistory");
  const [filter, setFilter] = useState<Choice>("all");
  const query = useInfiniteQuery({
    queryKey: queryKeys.myHistory(filter),
    queryFn: ({ pageParam }) => fetchPage(filter, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: filter === "all" ? { pages: [initial], pageParams: [null] } : undefined,
  });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <div className="space-y-4">
      <div role="group" aria-label={t("filtersLabel")} className="flex flex-wrap gap-2" data-testid="history-filters">
        {CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            onClick={() => setFilter(choice)}
            aria-pressed={filter === choice}
            className={clsx(
              "h-9 shrink-0 rounded-full px-4 text-sm font-medium ring-1 transition-colors ring-inset",
              filter === choice ? "bg-brand-600 text-white ring-brand-600" : "bg-surface text-ink-muted ring-line-strong hover:text-ink",
            )}
          >
            {t(`filters.${choice}`)}
          </button>
        ))}
      </div>

      {query.isPending ? (
        <p className="rounded-card border border-line bg-surface px-5 py-10 text-center text-sm text-ink-muted" aria-live="polite">{t("loading")}</p>
      ) : query.isError && entries.length === 0 ? (
        <div className="rounded-card border border-line bg-surface px-5 py-10 text-center text-sm" aria-live="polite">
          <p className="text-accent-700">{t("loadFailed")}</p>
          <Button variant="secondary" className="mt-4" onClick={() => void query.refetch()}>{t("retry")}</Button>
        </div>
      ) : entries.length === 0 ? (
        <EmptyState icon={filter === "all" ? "sparkles" : "search"} title={filter === "all" ? t("emptyTitle") : t("emptyFilteredTitle")}>
          <p>{filter === "all" ? t("emptyBody") : t("emptyFilteredBody")}</p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line overflow-hidden rounded-card border border-line bg-surface shadow-card" data-testid="history-list">
          {entries.map((entry) => (
            <LedgerEntryItem key={entry.id} entry={entry} {...format} />
          ))}
        </ul>
      )}

      {entries.length > 0 ? (
        <div className="flex flex-col items-center gap-2 py-2" aria-live="polite">
          {query.isFetchNextPageError ? <p className="text-sm text-accent-700">{t("loadFailed")}</p> : null}
          {query.hasNextPage ? (
            <Button variant="secondary" size="lg" className="w-full sm:w-auto" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid="history-load-more">
              {query.isFetchingNextPage ? t("loading") : t("loadMore")}
            </Button>
          ) : (
            <p className="text-xs text-ink-muted">{t("end")}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
