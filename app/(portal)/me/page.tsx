import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadPortalProgram } from "@/app/_data/portal-program";
import { NoProgram } from "@/components/shell/no-program";
import { requireMember } from "@/lib/auth/session";
import { highlightRewards } from "@/lib/domain/members/member-home";
import { numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getMyHome } from "@/lib/services/members/get-my-home";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { listMemberRewards } from "@/lib/services/rewards/list-rewards";
import { ExpiringPoints } from "./_components/expiring-points";
import { HighlightedRewards } from "./_components/highlighted-rewards";
import { HistoryLink } from "./_components/history-link";
import { HowItWorks } from "./_components/how-it-works";
import { LatestActivity } from "./_components/latest-activity";
import { MemberBalance } from "./_components/member-balance";
import { PortalQueryProvider } from "./_components/portal-query-provider";
import { ProgramHero } from "./_components/program-hero";
import { QuickLinks } from "./_components/quick-links";
import { AccountBanner } from "./account/_components/account-banner";
import { StoreDirectory } from "./_components/store-directory";
import { TierCard } from "./_components/tier-card";
import { TierLadder } from "./_components/tier-ladder";
import { TransfersLink } from "./transfers/_components/transfers-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Surfaces");
  return { title: t("portal") };
}

/** Member-only: their own points (live), tier, expiring points, latest activity and rewards; then the program. */
export default async function PortalHomePage() {
  const actor = await requireMember("/me");
  const db = await getAppDb();
  const [portal, clock, home, offer, locale] = await Promise.all([
    loadPortalProgram(actor.programId),
    getProgramClock(db, actor.programId),
    getMyHome(db, actor),
    listMemberRewards(db, actor, { programId: actor.programId, memberId: actor.memberId }),
    getLocale(),
  ]);
  if (!portal) return <NoProgram />;
  const pointName = localizedText(portal.program.pointName, locale);
  const format = { locale, numberLocale: numberLocale(locale, portal.program.locale), timeZone: clock.timeZone };

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <PortalQueryProvider>
          <MemberBalance name={home.name} cardNumber={home.cardNumber} initial={home.balance} numberLocale={format.numberLocale} />
        </PortalQueryProvider>
        <AccountBanner actor={actor} numberLocale={format.numberLocale} pointName={pointName} />
        <QuickLinks />
        <TransfersLink programId={actor.programId} />
        {home.standing ? <TierCard standing={home.standing} currency={home.balance.currency} numberLocale={format.numberLocale} timeZone={format.timeZone} /> : null}
        <ExpiringPoints expiring={home.expiring} numberLocale={format.numberLocale} timeZone={format.timeZone} />
        <LatestActivity entries={home.latest} {...format} />
        <HistoryLink />
        <HighlightedRewards rewards={highlightRewards(offer.rewards, 3)} available={offer.available} numberLocale={format.numberLocale} />
        <ProgramHero programName={portal.program.name} pointName={pointName} />
      </div>
      <HowItWorks pointName={pointName} />
      <TierLadder tiers={portal.tiers} />
      <StoreDirectory stores={portal.stores} />
    </div>
  );
}
