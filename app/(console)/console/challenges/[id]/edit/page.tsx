import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { currencyMinorDigits } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getChallengeFormContext } from "@/lib/services/gamification/manage-challenges";
import { AccessDenied } from "../../../_components/access-denied";
import { getConsoleProgramFor } from "../../../_lib/console-program";
import { guardRead } from "../../../_lib/guard-read";
import { ChallengeForm } from "../../_components/challenge-form";
import { formValuesOf } from "../../_lib/challenge-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Challenges"))("editTitle") };
}

/** Edits a challenge (campaigns:write); its kind is fixed once launched. */
export default async function EditChallengePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUser(`/console/challenges/${id}/edit`);
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("Challenges"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getChallengeFormContext(db, actor, { programId: program.id, challengeId: id }));
  if (!result.allowed) return <AccessDenied />;
  const { rewards, currency, timeZone, challenge } = result.data;
  return (
    <>
      <Link href="/console/challenges" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader eyebrow={program.name} title={t("editTitle")} description={localizedText(challenge!.name, locale)} />
      </div>
      <div className="mt-8">
        <ChallengeForm challengeId={id} initial={formValuesOf(challenge!, timeZone, currencyMinorDigits(currency))} rewards={rewards} currency={currency} timeZone={timeZone} />
      </div>
    </>
  );
}
