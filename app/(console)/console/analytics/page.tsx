import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { formatCount, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { COHORT_MONTHS, getKpiDashboard, type KpiDashboard } from "@/lib/services/kpis/get-kpi-dashboard";
import { getConsoleProgram } from "@/lib/services/programs/get-console-program";
import { readConsoleProgramChoice } from "@/app/_data/console-program-choice";
import type { KpiExportTable } from "@/lib/validation/kpi-dashboard";
import { AccessDenied } from "../_components/access-denied";
import { getConsoleProgramFor } from "../_lib/console-program";
import { guardRead } from "../_lib/guard-read";
import { AnalyticsFilters } from "./_components/analytics-filters";
import { CohortHeatmap } from "./_components/cohort-heatmap";
import { filterQuery, pickFilterParams } from "./_components/filter-query";
import { KpiCards } from "./_components/kpi-cards";
import { ClvChart, MarginChart, PointsChart, TierChart } from "./_components/kpi-charts";
import { CampaignsCard } from "./_components/campaigns-card";
import { EmptyNote } from "./_components/empty-note";
import { MembershipCard } from "./_components/membership-card";
import { TierMigrationCard } from "./_components/tier-migration-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AnalyticsDashboard"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The KPI dashboard (analytics:read): filters in the URL, numbers from the rollup and the base tables. */
export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser("/console/analytics");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db, params] = await Promise.all([getTranslations("AnalyticsDashboard"), getLocale(), getAppDb(), searchParams]);
  const result = await guardRead(() => getKpiDashboard(db, actor, { programId: program.id, filters: pickFilterParams(params) }));
  if (!result.allowed) return <AccessDenied />;
  const dashboard = result.data;
  const context = await getConsoleProgram(db, actor, await readConsoleProgramChoice());
  const canEditSettings = context ? can(actor, "program:write", context) : false;
  const nl = numberLocale(locale, program.locale);
  const exportLink = (table: KpiExportTable, primary = false) => (
    <a
      href={`/console/analytics/export?${filterQuery(dashboard.filters, { table })}`}
      className={primary ? buttonClasses("secondary") : "shrink-0 rounded-control px-2 py-1 text-xs font-medium whitespace-nowrap text-brand-700 hover:bg-brand-50"}
      data-testid={`export-${table}`}
      download
    >
      {t("export")}
    </a>
  );

  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} actions={exportLink("daily", true)} />
      <AnalyticsFilters dashboard={dashboard} />
      {!dashboard.hasData ? (
        <div className="mt-8">
          <EmptyState icon="trendingUp" title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        </div>
      ) : (
        <>
          <KpiCards dashboard={dashboard} settingsHref={canEditSettings ? "/console/settings/program#point-value" : null} />
          <div className="mt-10 grid gap-6 lg:grid-cols-2">
            <MembershipCard dashboard={dashboard} />
            <Card data-testid="margin-card">
              <CardHeader title={t("margin.title")} description={t("margin.description", { granularity: dashboard.granularity })} action={exportLink("margin")} />
              <CardBody>
                {dashboard.marginSeries.length === 0 ? (
                  <EmptyNote text={t("margin.empty")} testId="margin-empty" />
                ) : (
                  <MarginChart data={dashboard.marginSeries} granularity={dashboard.granularity} currency={dashboard.program.currency} locale={nl}
                    labels={{ members: t("margin.members"), nonMembers: t("margin.nonMembers") }} />
                )}
              </CardBody>
            </Card>
          </div>
          <Card className="mt-6" data-testid="points-card">
            <CardHeader title={t("points.title")} description={t("points.description", { granularity: dashboard.granularity })} action={exportLink("points")} />
            <CardBody>
              {/* Days with sales but no points (counter tickets of non-members) still have rows: an all-zero chart is empty. */}
              {dashboard.points.every((p) => !p.issued && !p.redeemed && !p.expired) ? (
                <EmptyNote text={t("points.empty")} />
              ) : (
                <PointsChart data={dashboard.points} granularity={dashboard.granularity} locale={nl} labels={{ issued: t("points.issued"), redeemed: t("points.redeemed"), expired: t("points.expired") }} />
              )}
            </CardBody>
          </Card>
          <Card className="mt-6" data-testid="cohorts-card">
            <CardHeader title={t("cohorts.title")} description={t("cohorts.description")} action={exportLink("cohorts")} />
            <CardBody>
              {dashboard.cohorts.length === 0 ? (
                <EmptyNote text={t("cohorts.empty")} />
              ) : (
                <CohortHeatmap rows={dashboard.cohorts} months={COHORT_MONTHS} locale={nl} cohortLabel={monthLabel(locale)} />
              )}
            </CardBody>
          </Card>
          <div className="mt-6 grid gap-6 lg:grid-cols-2">
            <Card data-testid="tiers-card">
              <CardHeader title={t("tiers.title")} description={t("tiers.description")} action={exportLink("tiers")} />
              <CardBody>
                {dashboard.tiers.length === 0 ? (
                  <EmptyNote text={t("tiers.empty")} />
                ) : (
                  <TierChart data={tierRows(dashboard, locale, t("tiers.noTier"))} locale={nl} label={t("tiers.members")} />
                )}
              </CardBody>
            </Card>
            <TopRewards dashboard={dashboard} locale={locale} nl={nl} action={exportLink("rewards")} />
          </div>
          <div className="mt-6 grid gap-6 lg:grid-cols-2">
            <TierMigrationCard dashboard={dashboard} locale={locale} nl={nl} action={exportLink("migration")} />
            <CampaignsCard dashboard={dashboard} nl={nl} action={exportLink("campaigns")} />
          </div>
          <Card className="mt-6" data-testid="clv-card">
            <CardHeader title={t("clv.title")} description={t("clv.description")} />
            <CardBody>
              {dashboard.clv.length > 0 ? (
                <ClvChart data={dashboard.clv} currency={dashboard.program.currency} locale={nl} label={t("clv.members")} upTo={t("clv.upTo", { amount: "{amount}" })} orMore={t("clv.orMore", { amount: "{amount}" })} />
              ) : (
                <EmptyNote text={t("clv.empty")} testId="clv-empty" />
              )}
            </CardBody>
          </Card>
        </>
      )}
    </>
  );
}

function monthLabel(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  return (cohort: string) => format.format(new Date(`${cohort}-15T12:00:00Z`));
}

function tierRows(dashboard: KpiDashboard, locale: string, noTier: string) {
  // Plan order (lowest tier first), members without a tier last.
  const order = new Map(dashboard.options.tiers.map((tier, i) => [tier.key, i]));
  return [...dashboard.tiers]
    .sort((a, b) => (order.get(a.key ?? "") ?? 99) - (order.get(b.key ?? "") ?? 99))
    .map((tier) => ({ name: tier.name ? localizedText(tier.name, locale) : (tier.key ?? noTier), members: tier.members }));
}

async function TopRewards({ dashboard, locale, nl, action }: { dashboard: KpiDashboard; locale: string; nl: string; action: React.ReactNode }) {
  const t = await getTranslations("AnalyticsDashboard.rewards");
  const max = Math.max(1, ...dashboard.topRewards.map((r) => r.redemptions));
  return (
    <Card data-testid="rewards-card">
      <CardHeader title={t("title")} description={t("description")} action={action} />
      {dashboard.topRewards.length === 0 ? (
        <CardBody>
          <EmptyNote text={t("empty")} />
        </CardBody>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-line text-left text-xs text-ink-muted">
              <th scope="col" className="px-5 py-2 font-medium">{t("reward")}</th>
              <th scope="col" className="px-5 py-2 text-right font-medium">{t("redemptions")}</th>
              <th scope="col" className="px-5 py-2 text-right font-medium">{t("points")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {dashboard.topRewards.map((reward) => (
              <tr key={reward.rewardId} data-testid="top-reward">
                <td className="px-5 py-2.5">
                  <span className="font-medium text-ink">{localizedText(reward.name, locale)}</span>
                  <span className="mt-1.5 block h-1.5 rounded-full bg-surface-muted">
                    <span className="block h-full rounded-full bg-brand-500" style={{ width: `${(reward.redemptions / max) * 100}%` }} />
                  </span>
                </td>
                <td className="px-5 py-2.5 text-right text-ink tabular-nums">{formatCount(reward.redemptions, nl)}</td>
                <td className="px-5 py-2.5 text-right text-ink-muted tabular-nums">{formatPoints(reward.points, nl)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
