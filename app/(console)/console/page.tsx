import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadProgramOverview } from "@/app/_data/program-overview";
import { NoProgram } from "@/components/shell/no-program";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { numberLocale } from "@/lib/format";
import { OverviewStats } from "./_components/overview-stats";
import { StoreListCard } from "./_components/store-list-card";
import { TierDistribution } from "./_components/tier-distribution";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Surfaces");
  return { title: t("console") };
}

export default async function ConsoleHomePage() {
  const overview = await loadProgramOverview();
  if (!overview) return <NoProgram />;
  const [t, ta, locale] = await Promise.all([getTranslations("Console.home"), getTranslations("AnalyticsDashboard"), getLocale()]);
  const { program } = overview;

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={program.name}
        description={t("description", { currency: program.currency, timeZone: program.timeZone })}
        actions={
          // Every console reader also holds analytics:read; the dashboard refines these headline numbers.
          <ButtonLink href="/console/analytics" variant="secondary" data-testid="home-analytics-link">
            {ta("homeLink")}
          </ButtonLink>
        }
      />
      <OverviewStats overview={overview} />
      <div className="mt-10 grid gap-4 lg:grid-cols-3">
        <TierDistribution overview={overview} />
        <StoreListCard stores={overview.stores} numberLocale={numberLocale(locale, program.locale)} />
      </div>
    </>
  );
}
