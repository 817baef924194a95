import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getChallengeFormContext } from "@/lib/services/gamification/manage-challenges";
import { AccessDenied } from "../../_components/access-denied";
import { localInputValue } from "../../campaigns/_lib/campaign-form-values";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { ChallengeForm } from "../_components/challenge-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Challenges"))("newTitle") };
}

/** A new challenge, saved as a draft (campaigns:write). */
export default async function NewChallengePage() {
  const actor = await requireUser("/console/challenges/new");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, db] = await Promise.all([getTranslations("Challenges"), getAppDb()]);
  const result = await guardRead(() => getChallengeFormContext(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { rewards, currency, timeZone } = result.data;
  const today = localInputValue(new Date(), timeZone).slice(0, 10) + "T00:00";
  return (
    <>
      <Link href="/console/challenges" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader eyebrow={program.name} title={t("newTitle")} description={t("description")} />
      </div>
      <div className="mt-8">
        <ChallengeForm initial={{ kind: "purchases", count: "3", windowDays: "30", badgeIcon: "trophy", rewardPoints: "100", startsAt: today }} rewards={rewards} currency={currency} timeZone={timeZone} />
      </div>
    </>
  );
}
