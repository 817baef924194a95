import { useLocale, useTranslations } from "next-intl";
import Link from "@/components/link";
import { Icon } from "@/components/ui/icons";
import { StatCard } from "@/components/ui/stat-card";
import { formatCount, formatDate, formatMoney, formatPercent, formatPoints, numberLocale } from "@/lib/format";
import type { KpiDashboard } from "@/lib/services/kpis/get-kpi-dashboard";

/**
 * The headline KPIs of the filtered period; ratios without a denominator show "—".
 * The margin card says so when no purchase of the period has a unit cost (never 0 %).
 * Without a cost per point the liability is unknown: the card says where it is
 * set, as a link for those who may set it (`settingsHref`).
 */
export function KpiCards({ dashboard, settingsHref }: { dashboard: KpiDashboard; settingsHref: string | null }) {
  const t = useTranslations("AnalyticsDashboard");
  const locale = useLocale();
  const { program, kpis, filters } = dashboard;
  const nl = numberLocale(locale, program.locale);
  const none = t("kpis.none");
  const pct = (v: number | null) => (v === null ? none : formatPercent(v, nl));
  const date = formatDate(`${filters.to}T12:00:00Z`, locale, "UTC");
  const money = (minor: number) => formatMoney(minor, program.currency, nl);

  return (
    <>
      <Section id="kpi-members" title={t("sections.members")}>
        <StatCard testId="kpi-members" icon="users" label={t("kpis.members")} value={formatCount(kpis.members, nl)} hint={t("kpis.membersHint", { date })} />
        <StatCard testId="kpi-active-30" icon="activity" label={t("kpis.active30")} value={formatCount(kpis.active30, nl)} hint={t("kpis.activeHint", { days: 30 })} />
        <StatCard testId="kpi-active-90" icon="activity" label={t("kpis.active90")} value={formatCount(kpis.active90, nl)} hint={t("kpis.activeHint", { days: 90 })} />
        <StatCard testId="kpi-new-enrolments" icon="sparkles" label={t("kpis.newEnrolments")} value={formatCount(kpis.newEnrolments, nl)} hint={t("kpis.newEnrolmentsHint")} />
      </Section>
      <Section id="kpi-purchases" title={t("sections.purchases")}>
        <StatCard testId="kpi-repeat-rate" icon="refresh" label={t("kpis.repeatRate")} value={pct(kpis.repeatRate)}
          hint={t("kpis.repeatRateHint", { repeat: formatCount(kpis.repeatBuyers, nl), buyers: formatCount(kpis.buyers, nl) })} />
        <StatCard testId="kpi-average-ticket" icon="wallet" label={t("kpis.averageTicket")} value={kpis.averageTicketMinor === null ? none : money(kpis.averageTicketMinor)}
          hint={t("kpis.averageTicketHint", { count: kpis.purchases, purchases: formatCount(kpis.purchases, nl) })} />
        <StatCard testId="kpi-frequency" icon="bag" label={t("kpis.frequency")}
          value={kpis.frequency === null ? none : t("kpis.frequencyValue", { value: new Intl.NumberFormat(nl, { maximumFractionDigits: 2 }).format(kpis.frequency) })}
          hint={t("kpis.frequencyHint")} />
        <StatCard testId="kpi-margin" icon="trendingUp" label={t("kpis.margin")} value={kpis.margin?.rate == null ? none : pct(kpis.margin.rate)}
          hint={kpis.margin === null ? <span className="whitespace-normal" data-testid="margin-unknown">{t("kpis.marginUnknown")}</span>
            : kpis.margin.coverage === null ? money(kpis.margin.marginMinor)
            : t("kpis.marginHint", { coverage: formatPercent(kpis.margin.coverage, nl) })} />
      </Section>
      <Section id="kpi-points" title={t("sections.points")}>
        <StatCard testId="kpi-redemption-rate" icon="gift" label={t("kpis.redemptionRate")} value={pct(kpis.redemptionRate)}
          hint={t("kpis.redemptionRateHint", { redeemed: formatPoints(kpis.pointsRedeemed, nl), issued: formatPoints(kpis.pointsIssued, nl) })} />
        <StatCard testId="kpi-breakage" icon="clock" label={t("kpis.breakage")} value={pct(kpis.breakage)} hint={t("kpis.breakageHint", { expired: formatPoints(kpis.pointsExpired, nl) })} />
        <StatCard testId="kpi-liability" icon="coins" label={t("kpis.liability")} value={kpis.liabilityMinor === null ? none : money(kpis.liabilityMinor)}
          hint={kpis.liabilityMinor === null ? <LiabilityUnset settingsHref={settingsHref} /> : t("kpis.liabilityHint", { points: formatPoints(kpis.outstandingPoints, nl) })} />
      </Section>
    </>
  );
}

function LiabilityUnset({ settingsHref }: { settingsHref: string | null }) {
  const t = useTranslations("AnalyticsDashboard.kpis");
  // The card's hint is one truncated line; this one wraps, it is the only way to learn where the value is set.
  if (!settingsHref) return <span className="whitespace-normal" data-testid="liability-unset">{t("liabilityUnset")}</span>;
  return (
    <Link href={settingsHref} className="inline-flex items-center gap-1 font-medium whitespace-normal text-brand-700 underline-offset-2 hover:underline" data-testid="liability-settings-link">
      {t("liabilitySetLink")}
      <Icon name="arrowRight" className="size-3 shrink-0" />
    </Link>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-sm font-semibold text-ink-muted">{title}</h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">{children}</div>
    </section>
  );
}
