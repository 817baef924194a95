import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getCampaignFormContext } from "@/lib/services/campaigns/read-campaigns";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { CampaignForm } from "../_components/campaign-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Campaigns"))("newTitle") };
}

/** A new campaign, saved as a draft (campaigns:write). */
export default async function NewCampaignPage() {
  const actor = await requireUser("/console/campaigns/new");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, db] = await Promise.all([getTranslations("Campaigns"), getAppDb()]);
  const result = await guardRead(() => getCampaignFormContext(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { segments, rewards, currency, timeZone, programName } = result.data;
  return (
    <>
      <Link href="/console/campaigns" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader eyebrow={program.name} title={t("newTitle")} description={t("description")} />
      </div>
      <div className="mt-8">
        <CampaignForm initial={{ kind: "trigger", triggerType: "birthday", controlSharePct: "10", channels: "inbox,email" }} segments={segments} rewards={rewards} currency={currency} timeZone={timeZone} programName={programName} />
      </div>
    </>
  );
}
