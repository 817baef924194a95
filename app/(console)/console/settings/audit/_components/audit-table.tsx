"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { diffFields } from "@/lib/domain/audit/diff";
import { formatDateTime } from "@/lib/format";
import type { AuditEntry } from "@/lib/services/audit/list-audit-log";
import { loadMoreAuditEntries, type AuditFilters } from "../actions";

type AuditTableProps = { initial: AuditEntry[]; nextCursor: number | null; filters: AuditFilters; dateLocale: string; timeZone: string };

/** The log, newest first; "load more" appends older pages (cursor = last id shown). */
export function AuditTable({ initial, nextCursor: firstCursor, filters, dateLocale, timeZone }: AuditTableProps) {
  const t = useTranslations("Audit");
  const [entries, setEntries] = useState(initial);
  const [cursor, setCursor] = useState(firstCursor);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();

  const loadMore = () =>
    startTransition(async () => {
      try {
        const page = await loadMoreAuditEntries(filters, cursor!);
        if (!page.ok) return setFailed(true);
        setEntries((shown) => [...shown, ...page.entries]);
        setCursor(page.nextCursor);
        setFailed(false);
      } catch {
        setFailed(true);
      }
    });

  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-left text-sm" data-testid="audit-table">
          <thead className="border-b border-line bg-surface-muted text-xs font-medium text-ink-muted">
            <tr>
              <th scope="col" className="px-5 py-2.5">{t("columns.time")}</th>
              <th scope="col" className="px-3 py-2.5">{t("columns.actor")}</th>
              <th scope="col" className="px-3 py-2.5">{t("columns.action")}</th>
              <th scope="col" className="px-3 py-2.5">{t("columns.target")}</th>
              <th scope="col" className="px-5 py-2.5">{t("columns.changes")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line align-top">
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-entry">
                <td className="px-5 py-3 whitespace-nowrap text-ink-muted tabular-nums">
                  <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, dateLocale, timeZone)}</time>
                </td>
                <td className="max-w-[14rem] px-3 py-3">
                  <span className="block truncate text-ink">{e.actorLabel ?? "—"}</span>
                  <span className="text-xs text-ink-subtle">{t(`actorTypes.${e.actorType as "user"}`)}</span>
                </td>
                <td className="px-3 py-3">
                  <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs text-ink">{e.action}</code>
                </td>
                <td className="max-w-[12rem] px-3 py-3">
                  <span className="block text-ink">{e.targetType}</span>
                  {e.targetId ? <span className="block truncate font-mono text-[11px] text-ink-subtle" title={e.targetId}>{e.targetId}</span> : null}
                </td>
                <td className="max-w-[22rem] px-5 py-3">
                  <Changes before={e.before} after={e.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursor || failed ? (
        <div className="flex items-center justify-center gap-3 border-t border-line px-5 py-4">
          {failed ? <p className="text-sm text-accent-700">{t("loadFailed")}</p> : null}
          {cursor ? (
            <Button variant="secondary" onClick={loadMore} disabled={pending}>
              {pending ? t("loading") : t("loadMore")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function show(value: unknown): string {
  if (value === undefined || value === null) return "∅";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffFields(before, after);
  if (changes.length === 0) return <span className="text-ink-subtle">—</span>;
  return (
    <ul className="space-y-1 text-xs">
      {changes.map((c) => (
        <li key={c.field} className="[overflow-wrap:anywhere]">
          <span className="font-medium text-ink">{c.field}:</span>{" "}
          {before !== null && before !== undefined ? <span className="text-ink-subtle line-through decoration-ink-subtle/50">{show(c.before)}</span> : null}
          {before !== null && before !== undefined ? <span className="px-1 text-ink-subtle">→</span> : null}
          <span className="font-mono text-ink">{show(c.after)}</span>
        </li>
      ))}
    </ul>
  );
}
