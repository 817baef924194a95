"use client";

import { useTranslations } from "next-intl";

/** Rows written out of the rows to write, as a real progress bar (updated after every chunk). */
export function ImportProgress({ done, total, rejected }: { done: number; total: number; rejected: number }) {
  const t = useTranslations("CatalogImport.progress");
  const percent = total ? Math.round((done / total) * 100) : 100;
  return (
    <div>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-ink" data-testid="progress-text">{t("rows", { done, total })}</span>
        <span className="text-ink-muted tabular-nums">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="import-progress"
        className="mt-2 h-3 overflow-hidden rounded-full bg-surface-muted ring-1 ring-line"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1.5 text-xs text-ink-subtle">{t("rejectedSoFar", { count: rejected })}</p>
    </div>
  );
}
