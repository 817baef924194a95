import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getRewardEditor } from "@/lib/services/rewards/get-reward-editor";
import { canWriteRewards } from "@/lib/services/rewards/reward-access";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { ArchiveRewardButton } from "../_components/archive-reward-button";
import { PartnerCodesForm } from "../_components/partner-codes-form";
import { RewardForm } from "../_components/reward-form";
import { rewardEditorProps } from "../_lib/reward-editor-props";
import { STATUS_TONE } from "../_lib/status-tone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("RewardForm"))("editTitle") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditRewardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const actor = await requireUser(`/console/rewards/${id}`);
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  if (!UUID.test(id)) notFound();
  const [t, tr, locale, db, query] = await Promise.all([getTranslations("RewardForm"), getTranslations("Rewards"), getLocale(), getAppDb(), searchParams]);
  const result = await guardRead(() => getRewardEditor(db, actor, { programId: program.id, rewardId: id }));
  if (!result.allowed) return <AccessDenied />;
  const editor = result.data;
  const reward = editor.reward!;
  const canWrite = await canWriteRewards(db, actor, program.id);
  const props = await rewardEditorProps(editor, locale, program.timeZone);
  return (
    <>
      <Link href="/console/rewards" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader
          eyebrow={tr(`kind.${reward.kind}`)}
          title={localizedText(reward.name, locale)}
          actions={<Badge tone={STATUS_TONE[reward.status]}>{tr(`status.${reward.status}`)}</Badge>}
        />
      </div>
      {query.created ? (
        <p className="mt-4 rounded-control border border-brand-200 bg-brand-50 px-3.5 py-3 text-sm text-brand-800" data-testid="reward-created">
          {t("created")}
        </p>
      ) : null}
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <RewardForm {...props} rewardId={reward.id} canWrite={canWrite} />
        <div className="space-y-6">
          {reward.kind === "partner_perk" ? (
            <Card>
              <CardHeader title={(await getTranslations("PartnerCodes"))("title")} />
              <CardBody>
                <PartnerCodesForm rewardId={reward.id} free={editor.freeCodes} canWrite={canWrite} />
              </CardBody>
            </Card>
          ) : null}
          {canWrite && reward.status !== "archived" ? (
            <Card>
              <CardHeader title={t("archive")} />
              <CardBody>
                <ArchiveRewardButton rewardId={reward.id} />
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
