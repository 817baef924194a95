import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getRewardEditor } from "@/lib/services/rewards/get-reward-editor";
import { canWriteRewards } from "@/lib/services/rewards/reward-access";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { RewardForm } from "../_components/reward-form";
import { rewardEditorProps } from "../_lib/reward-editor-props";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("RewardForm"))("newTitle") };
}

export default async function NewRewardPage() {
  const actor = await requireUser("/console/rewards/new");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("RewardForm"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getRewardEditor(db, actor, { programId: program.id }));
  if (!result.allowed || !(await canWriteRewards(db, actor, program.id))) return <AccessDenied />;
  const props = await rewardEditorProps(result.data, locale, program.timeZone);
  return (
    <>
      <Link href="/console/rewards" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader eyebrow={program.name} title={t("newTitle")} description={t("newDescription")} />
      </div>
      <div className="mt-8 max-w-4xl">
        <RewardForm {...props} canWrite />
      </div>
    </>
  );
}
