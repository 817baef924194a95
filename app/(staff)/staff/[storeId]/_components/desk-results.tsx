"use client";

import Link from "@/components/link";
import { useTranslations } from "next-intl";
import type { KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Icon } from "@/components/ui/icons";
import { groupCardNumber } from "@/lib/domain/desk/group-card-number";

export type DeskResultRow = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  cardNumber: string;
  tierName: string | null;
  suspended: boolean;
  available: string;
  pending: string | null;
};

/**
 * Search results as large rows: ↑ ↓ move between them, Home/End jump, Enter
 * opens (a plain link), Esc goes back to the search box.
 */
export function DeskResults({ storeId, rows, limited }: { storeId: string; rows: DeskResultRow[]; limited: number | null }) {
  const t = useTranslations("DeskSearch.results");
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-desk-result]")];
    const at = links.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      event.preventDefault();
      links[Math.max(0, Math.min(links.length - 1, i))]?.focus();
    };
    if (event.key === "ArrowDown") go(at + 1);
    else if (event.key === "ArrowUp") {
      if (at <= 0) {
        event.preventDefault();
        document.getElementById("member-query")?.focus();
      } else go(at - 1);
    } else if (event.key === "Home") go(0);
    else if (event.key === "End") go(links.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      document.getElementById("member-query")?.focus();
    }
  };
  return (
    <section aria-labelledby="desk-results-title" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="desk-results-title" className="text-lg font-semibold text-ink" data-testid="results-count">
          {t("title", { count: rows.length })}
        </h2>
        <p className="text-sm text-ink-subtle">{t("hint")}</p>
      </div>
      <ul className="space-y-2" onKeyDown={onKeyDown} data-testid="desk-results">
        {rows.map((row) => (
          <li key={row.id}>
            <Link
              href={`/staff/${storeId}/members/${row.id}`}
              data-desk-result
              data-testid="desk-result"
              className="group flex min-h-20 items-center gap-4 rounded-card border border-line bg-surface px-4 py-3 shadow-card transition hover:border-brand-300 focus-visible:border-brand-500 focus-visible:ring-4 focus-visible:ring-brand-100 focus-visible:outline-none sm:px-5"
            >
              <span className="hidden size-12 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700 sm:flex">
                <Icon name="idCard" className="size-6" />
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="truncate text-lg font-semibold text-ink" data-testid="desk-result-name">
                    {row.name ?? t("noName")}
                  </span>
                  {row.tierName ? <Badge tone="brand">{row.tierName}</Badge> : null}
                  {row.suspended ? <Badge tone="accent">{t("suspended")}</Badge> : null}
                </span>
                <span className="mt-0.5 block truncate text-sm text-ink-muted">
                  <span className="tabular-nums">{t("card", { card: groupCardNumber(row.cardNumber) })}</span>
                  {row.phone ? <span> · {row.phone}</span> : null}
                  {row.email ? <span> · {row.email}</span> : null}
                </span>
              </span>
              <span className="shrink-0 text-right">
                <span className="block text-lg font-semibold text-ink tabular-nums">{t("points", { points: row.available })}</span>
                {row.pending ? <span className="block text-xs text-ink-subtle tabular-nums">{t("pending", { points: row.pending })}</span> : null}
              </span>
              <Icon name="arrowRight" className="size-5 shrink-0 text-ink-subtle group-hover:text-brand-600" />
            </Link>
          </li>
        ))}
      </ul>
      {limited ? <p className="text-sm text-ink-muted">{t("more", { count: limited })}</p> : null}
    </section>
  );
}
