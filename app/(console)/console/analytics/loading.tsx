import { useTranslations } from "next-intl";

/** Skeleton of the dashboard while the KPIs are computed. */
export default function AnalyticsLoading() {
  const t = useTranslations("AnalyticsDashboard");
  return (
    <div aria-busy="true" aria-live="polite" data-testid="analytics-loading">
      <p className="text-sm text-ink-muted">{t("loading")}</p>
      <div className="mt-6 h-20 animate-pulse rounded-card bg-surface-muted" />
      <div className="mt-8 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-28 animate-pulse rounded-card bg-surface-muted" />
        ))}
      </div>
      <div className="mt-10 h-80 animate-pulse rounded-card bg-surface-muted" />
    </div>
  );
}
