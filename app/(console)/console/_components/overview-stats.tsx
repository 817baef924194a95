import { useLocale, useTranslations } from "next-intl";
import type { ProgramOverview } from "@/app/_data/program-overview";
import { StatCard } from "@/components/ui/stat-card";
import { formatCount, formatMoney, formatPercent, formatPoints, numberLocale } from "@/lib/format";

type OverviewStatsProps = { overview: ProgramOverview };

export function OverviewStats({ overview }: OverviewStatsProps) {
  const t = useTranslations("Console.home");
  const nl = numberLocale(useLocale(), overview.program.locale);
  const { program } = overview;
  // Ratios only mean something with a denominator; otherwise fall back to the plain hint.
  const activeShare = overview.members > 0 ? overview.activeMembers90d / overview.members : null;
  const margin = overview.margin30d;

  return (
    <>
      <section aria-labelledby="members-section" className="mt-10">
        <h2 id="members-section" className="text-sm font-semibold text-ink-muted">
          {t("membersSection")}
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <StatCard
            testId="stat-members"
            icon="users"
            label={t("stats.members")}
            value={formatCount(overview.members, nl)}
            hint={t("stats.membersHint")}
          />
          <StatCard
            testId="stat-active-members"
            icon="activity"
            label={t("stats.activeMembers")}
            value={formatCount(overview.activeMembers90d, nl)}
            hint={activeShare === null ? undefined : t("stats.activeMembersHint", { share: formatPercent(activeShare, nl) })}
          />
          <StatCard
            testId="stat-new-members"
            icon="sparkles"
            label={t("stats.newMembers")}
            value={formatCount(overview.newMembers30d, nl)}
            hint={t("stats.newMembersHint")}
          />
        </div>
      </section>

      <section aria-labelledby="sales-section" className="mt-10">
        <h2 id="sales-section" className="text-sm font-semibold text-ink-muted">
          {t("salesSection")}
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <StatCard
            testId="stat-purchases"
            icon="bag"
            label={t("stats.purchases")}
            value={formatCount(overview.purchases30d, nl)}
            hint={t("stats.purchasesHint")}
          />
          <StatCard
            testId="stat-revenue"
            icon="wallet"
            label={t("stats.revenue")}
            value={formatMoney(overview.revenue30dMinor, program.currency, nl)}
            hint={
              overview.averageTicket30dMinor === null
                ? t("stats.revenueHint")
                : t("stats.averageTicketHint", { amount: formatMoney(overview.averageTicket30dMinor, program.currency, nl) })
            }
          />
          <StatCard
            testId="stat-margin"
            icon="trendingUp"
            label={t("stats.margin")}
            // Without unit costs there is no margin to show, not a 0 % one.
            value={margin?.rate == null ? "—" : formatPercent(margin.rate, nl)}
            hint={
              margin === null
                ? t("stats.marginUnknown")
                : margin.coverage === null
                  ? formatMoney(margin.marginMinor, program.currency, nl)
                  : t("stats.marginHint", { coverage: formatPercent(margin.coverage, nl) })
            }
          />
        </div>
      </section>

      <section aria-labelledby="points-section" className="mt-10">
        <h2 id="points-section" className="text-sm font-semibold text-ink-muted">
          {t("pointsSection")}
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <StatCard
            testId="stat-points-outstanding"
            icon="coins"
            label={t("stats.pointsOutstanding")}
            value={formatPoints(overview.pointsOutstanding, nl)}
            hint={t("stats.pointsOutstandingHint")}
          />
          <StatCard
            testId="stat-points-issued"
            icon="trendingUp"
            label={t("stats.pointsIssued")}
            value={formatPoints(overview.pointsIssued30d, nl)}
            hint={t("stats.pointsIssuedHint")}
          />
          <StatCard
            testId="stat-points-redeemed"
            icon="gift"
            label={t("stats.pointsRedeemed")}
            value={formatPoints(overview.pointsRedeemed30d, nl)}
            // No redemption rate here: within one 30-day window redemptions of
            // older points can exceed issuance, and a rate over 100 % misleads.
            hint={t("stats.pointsRedeemedHint")}
          />
        </div>
      </section>
    </>
  );
}
