import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadProgramOverview } from "@/app/_data/program-overview";
import { NoProgram } from "@/components/shell/no-program";
import { localizedText } from "@/lib/localized-text";
import { HowItWorks } from "./_components/how-it-works";
import { ProgramHero } from "./_components/program-hero";
import { StoreDirectory } from "./_components/store-directory";
import { TierLadder } from "./_components/tier-ladder";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Surfaces");
  return { title: t("portal") };
}

export default async function PortalHomePage() {
  const overview = await loadProgramOverview();
  if (!overview) return <NoProgram />;
  const locale = await getLocale();
  const pointName = localizedText(overview.program.pointName, locale);

  return (
    <div className="space-y-10">
      <ProgramHero programName={overview.program.name} pointName={pointName} />
      <HowItWorks pointName={pointName} />
      <TierLadder tiers={overview.tiers} />
      <StoreDirectory stores={overview.stores} />
    </div>
  );
}
