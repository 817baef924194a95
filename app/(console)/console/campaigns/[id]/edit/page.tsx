import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { currencyMinorDigits } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getCampaignFormContext } from "@/lib/services/campaigns/read-campaigns";
import { AccessDenied } from "../../../_components/access-denied";
import { getConsoleProgramFor } from "../../../_lib/console-program";
import { guardRead } from "../../../_lib/guard-read";
import { CampaignForm } from "../../_components/campaign-form";
import { formValuesOf } from "../../_lib/campaign-form-values";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Campaigns"))("editTitle") };
}

/** Edits a draft or paused campaign (campaigns:write); the service refuses running or ended ones. */
export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUser(`/console/campaigns/${id}/edit`);
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, db] = await Promise.all([getTranslations("Campaigns"), getAppDb()]);
  const result = await guardRead(() => getCampaignFormContext(db, actor, { programId: program.id, campaignId: id }));
  if (!result.allowed) return <AccessDenied />;
  const { segments, rewards, timeZone, programName, campaign, currency } = result.data;
  return (
    <>
      <Link href={`/console/campaigns/${id}`} className="text-sm font-medium text-brand-700 hover:underline">
        ← {campaign!.name}
      </Link>
      <div className="mt-3">
        <PageHeader eyebrow={program.name} title={t("editTitle")} />
      </div>
      <div className="mt-8">
        <CampaignForm campaignId={id} initial={formValuesOf(campaign!, timeZone, currencyMinorDigits(currency))} segments={segments} rewards={rewards} currency={currency} timeZone={timeZone} programName={programName} />
      </div>
    </>
  );
}
