"use client";

import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { ImportProgress } from "./import-progress";
import { RejectedRows } from "./rejected-rows";
import { useCatalogImport } from "./use-catalog-import";

/** Choose a file → see what will go in and what will not → import with a live progress bar → summary. */
export function CatalogImporter({ currency }: { currency: string }) {
  const t = useTranslations("CatalogImport");
  const { state, check, run, reset } = useCatalogImport(currency);

  if (state.phase === "idle" || state.phase === "invalid-file") {
    return (
      <div className="space-y-4" data-testid="import-picker">
        <label className="flex cursor-pointer flex-col items-center gap-2 rounded-card border border-dashed border-line-strong bg-surface-muted px-6 py-10 text-center hover:border-brand-400 focus-within:ring-2 focus-within:ring-brand-500">
          <Icon name="layers" className="size-7 text-brand-600" />
          <span className="text-sm font-semibold text-ink">{t("file.choose")}</span>
          <span className="text-xs text-ink-subtle">{t("file.hint")}</span>
          <input type="file" accept=".csv,text/csv" className="sr-only" data-testid="csv-file" onChange={(e) => e.target.files?.[0] && void check(e.target.files[0])} />
        </label>
        {state.phase === "invalid-file" ? (
          <p className="rounded-control border border-accent-400/60 bg-accent-100/60 px-4 py-3 text-sm text-accent-800" data-testid="file-error">
            {t(`fileErrors.${state.error.problem}`, { file: state.fileName, columns: state.error.missing?.join(", ") ?? "", detail: state.error.detail ?? "" })}
          </p>
        ) : null}
      </div>
    );
  }

  const { checked } = state;
  if (state.phase === "checked") {
    return (
      <div className="space-y-5" data-testid="import-check">
        <p className="text-sm text-ink">
          <span className="font-semibold">{checked.fileName}</span> · {t("check.summary", { total: checked.totalRows, valid: checked.valid.length, rejected: checked.rejected.length })}
        </p>
        {checked.ignoredColumns.length ? <p className="text-xs text-ink-subtle">{t("check.ignored", { columns: checked.ignoredColumns.join(", ") })}</p> : null}
        {checked.rejected.length ? <RejectedRows rows={checked.rejected} title={t("check.rejectedTitle")} /> : null}
        <div className="flex flex-wrap gap-3">
          <Button onClick={() => void run(checked)} disabled={!checked.valid.length} data-testid="start-import">
            {t("check.start", { count: checked.valid.length })}
          </Button>
          <Button variant="ghost" onClick={reset}>
            {t("check.other")}
          </Button>
        </div>
      </div>
    );
  }

  const finished = state.phase !== "importing";
  return (
    <div className="space-y-5" data-testid="import-run">
      <ImportProgress done={state.done} total={checked.valid.length} rejected={state.rejected.length} />
      {state.phase === "stopped" ? (
        <p className="rounded-control border border-accent-400/60 bg-accent-100/60 px-4 py-3 text-sm text-accent-800" data-testid="import-stopped">
          {t(`stopped.${state.stopReason === "network" ? "network" : "refused"}`, { done: state.done })}
        </p>
      ) : null}
      {finished ? (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="import-summary">
          {(["created", "updated", "unchanged"] as const).map((k) => (
            <div key={k} className="rounded-control border border-line px-3 py-2" data-testid={`summary-${k}`}>
              <dt className="text-xs text-ink-muted">{t(`summary.${k}`)}</dt>
              <dd className="text-lg font-semibold text-ink tabular-nums">{state.totals[k]}</dd>
            </div>
          ))}
          <div className="rounded-control border border-line px-3 py-2" data-testid="summary-rejected">
            <dt className="text-xs text-ink-muted">{t("summary.rejected")}</dt>
            <dd className="text-lg font-semibold text-ink tabular-nums">{state.rejected.length}</dd>
          </div>
        </dl>
      ) : null}
      {state.rejected.length ? <RejectedRows rows={state.rejected} title={t("summary.rejectedTitle")} /> : null}
      {finished ? (
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/console/catalog" data-testid="see-catalog">{t("summary.seeCatalog")}</ButtonLink>
          <Button variant="ghost" onClick={reset}>
            {t("summary.another")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
