import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadPortalProgram } from "@/app/_data/portal-program";
import { NoProgram } from "@/components/shell/no-program";
import { requireMember } from "@/lib/auth/session";
import { numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getMySummary } from "@/lib/services/members/get-my-summary";
import { HowItWorks } from "./_components/how-it-works";
import { MemberBalance } from "./_components/member-balance";
import { ProgramHero } from "./_components/program-hero";
import { StoreDirectory } from "./_components/store-directory";
import { TierLadder } from "./_components/tier-ladder";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Surfaces");
  return { title: t("portal") };
}

/** Member-only: their own name, card and points (getMySummary authorizes "self"), then the program. */
export default async function PortalHomePage() {
  const actor = await requireMember("/me");
  const [portal, summary, locale] = await Promise.all([loadPortalProgram(actor.programId), getMySummary(await getAppDb(), actor), getLocale()]);
  if (!portal) return <NoProgram />;
  const pointName = localizedText(portal.program.pointName, locale);

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <MemberBalance summary={summary} numberLocale={numberLocale(locale, portal.program.locale)} />
        <ProgramHero programName={portal.program.name} pointName={pointName} />
      </div>
      <HowItWorks pointName={pointName} />
      <TierLadder tiers={portal.tiers} />
      <StoreDirectory stores={portal.stores} />
    </div>
  );
}
