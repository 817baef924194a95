"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { CampaignRunProgress } from "@/lib/services/campaigns/read-campaigns";

const REFRESH_MS = 2_000;
/** A sweep that has not moved in this many refreshes is left to the hourly job; the page stops polling. */
const MAX_REFRESHES = 90;

type Props = {
  progress: CampaignRunProgress | null;
  /** Running and inside its dates: a sweep is under way or about to start. */
  live: boolean;
  locale: string;
  finishedLabel: string | null;
};

/**
 * The audience sweep of a grant or an offer: how many members it has gone
 * through, how many got the award, were held out or skipped (no consent, over
 * the cap). While a sweep runs the page refreshes itself every two seconds.
 */
export function RunProgress({ progress, live, locale, finishedLabel }: Props) {
  const t = useTranslations("Campaigns.run");
  const router = useRouter();
  const sweeping = live && (!progress || !progress.finishedAt);
  useEffect(() => {
    if (!sweeping) return;
    let refreshes = 0;
    const timer = setInterval(() => {
      refreshes += 1;
      if (refreshes > MAX_REFRESHES) clearInterval(timer);
      else router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [sweeping, router]);

  const n = (v: number) => v.toLocaleString(locale);
  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : progress?.finishedAt ? 100 : 0;
  const state = !progress ? (live ? "starting" : "notStarted") : progress.finishedAt ? "finished" : "running";
  return (
    <div className="space-y-2" data-testid="run-progress" data-state={state}>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <p className="font-medium text-ink">{t(state)}</p>
        {progress ? (
          <p className="text-ink-muted tabular-nums" data-testid="run-progress-count">
            {t("count", { done: n(progress.done), total: n(progress.total) })}
          </p>
        ) : null}
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-surface-muted" role="progressbar" aria-label={t("label")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className={`h-full rounded-full bg-brand-500 transition-all ${sweeping ? "animate-pulse" : ""}`} style={{ width: `${pct}%` }} />
      </div>
      {progress ? (
        <p className="text-xs text-ink-subtle" data-testid="run-progress-detail">
          {t("detail", { awarded: n(progress.awarded), control: n(progress.control), skipped: n(progress.skipped) })}
          {progress.finishedAt && finishedLabel ? ` · ${t("finishedAt", { at: finishedLabel })}` : null}
        </p>
      ) : null}
    </div>
  );
}
