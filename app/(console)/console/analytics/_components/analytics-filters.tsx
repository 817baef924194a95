import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { localizedText } from "@/lib/localized-text";
import type { KpiDashboard } from "@/lib/services/kpis/get-kpi-dashboard";
import { KPI_CHANNELS } from "@/lib/validation/kpi-dashboard";

const control =
  "mt-1.5 block h-10 w-full rounded-control border border-line-strong bg-surface px-3 text-sm text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none";

/** A plain GET form: the filters live in the URL, so a view can be shared and reloaded. */
export async function AnalyticsFilters({ dashboard }: { dashboard: KpiDashboard }) {
  const [t, locale] = await Promise.all([getTranslations("AnalyticsDashboard.filters"), getLocale()]);
  const { filters, options } = dashboard;
  const filtered = filters.store || filters.channel || filters.segment || filters.tier;
  return (
    <>
    {dashboard.ignoredFilters.length ? (
      <p className="mt-6 flex items-start gap-2.5 rounded-control border border-accent-400/50 bg-accent-100 px-3.5 py-3 text-sm text-accent-800" data-testid="ignored-filters">
        <Icon name="alert" className="mt-px size-4 shrink-0" />
        <span>{t("ignored", { filters: dashboard.ignoredFilters.map((name) => t(name)).join(", ") })}</span>
      </p>
    ) : null}
    <form method="get" aria-label={t("label")} data-testid="analytics-filters" className="mt-6 grid gap-3 rounded-card border border-line bg-surface p-4 shadow-card sm:grid-cols-3 sm:items-end xl:grid-cols-4">
      <label className="block text-xs font-medium text-ink-muted">
        {t("from")}
        <input type="date" name="from" defaultValue={filters.from} className={control} data-testid="filter-from" />
      </label>
      <label className="block text-xs font-medium text-ink-muted">
        {t("to")}
        <input type="date" name="to" defaultValue={filters.to} className={control} data-testid="filter-to" />
      </label>
      <label className="block text-xs font-medium text-ink-muted">
        {t("store")}
        <select name="store" defaultValue={filters.store ?? ""} className={control} data-testid="filter-store">
          <option value="">{t("allStores")}</option>
          {options.stores.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </label>
      <label className="block text-xs font-medium text-ink-muted">
        {t("channel")}
        <select name="channel" defaultValue={filters.channel ?? ""} className={control} data-testid="filter-channel">
          <option value="">{t("all")}</option>
          {KPI_CHANNELS.map((c) => (
            <option key={c} value={c}>{t(`channels.${c}`)}</option>
          ))}
        </select>
      </label>
      <label className="block text-xs font-medium text-ink-muted">
        {t("segment")}
        <select name="segment" defaultValue={filters.segment ?? ""} className={control} data-testid="filter-segment">
          <option value="">{t("all")}</option>
          {options.segments.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </label>
      <label className="block text-xs font-medium text-ink-muted">
        {t("tier")}
        <select name="tier" defaultValue={filters.tier ?? ""} className={control} data-testid="filter-tier">
          <option value="">{t("all")}</option>
          {options.tiers.map((tier) => (
            <option key={tier.key} value={tier.key}>{localizedText(tier.name, locale)}</option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary")} data-testid="filter-apply">{t("apply")}</button>
        {filtered ? (
          <Link href={`/console/analytics?from=${filters.from}&to=${filters.to}`} className={buttonClasses("ghost")}>{t("clear")}</Link>
        ) : null}
      </div>
    </form>
    </>
  );
}
