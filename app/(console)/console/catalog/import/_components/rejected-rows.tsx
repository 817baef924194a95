"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { rejectedRowsCsv, type RejectedRow } from "@/lib/domain/catalog/catalog-csv";
import type { CatalogIssue } from "@/lib/domain/catalog/catalog-row";

const SHOWN = 50;

/** Rejected rows with their reasons (the first 50 on screen, all of them in the downloadable CSV). */
export function RejectedRows({ rows, title }: { rows: RejectedRow[]; title: string }) {
  const t = useTranslations("CatalogImport");
  const describe = (issue: CatalogIssue) => t(`issues.${issue.code}`, { column: issue.field, ...issue.params });
  const href = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(rejectedRowsCsv(rows, describe, { row: t("rejected.row"), sku: "sku", reasons: t("rejected.reasons") }))}`,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `describe` only depends on `t`
    [rows, t],
  );
  return (
    <div className="rounded-control border border-line" data-testid="rejected-rows">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-4 py-2.5">
        <p className="text-sm font-semibold text-ink">{title} ({rows.length})</p>
        <a href={href} download={t("rejected.file")} className={buttonClasses("secondary")} data-testid="download-rejected">
          {t("rejected.download")}
        </a>
      </div>
      <ul className="max-h-72 divide-y divide-line overflow-y-auto text-sm">
        {rows.slice(0, SHOWN).map((r) => (
          <li key={r.row} className="grid grid-cols-[5rem_8rem_minmax(0,1fr)] gap-3 px-4 py-2" data-testid="rejected-row">
            <span className="text-ink-muted tabular-nums">{t("rejected.rowLabel", { row: r.row })}</span>
            <span className="truncate font-mono text-xs leading-5 text-ink">{r.sku || "—"}</span>
            <span className="text-ink">{r.issues.map(describe).join(" · ")}</span>
          </li>
        ))}
      </ul>
      {rows.length > SHOWN ? <p className="border-t border-line px-4 py-2 text-xs text-ink-subtle">{t("rejected.more", { count: rows.length - SHOWN })}</p> : null}
    </div>
  );
}
