import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { emptyDefinition } from "@/lib/domain/segments/definition";
import { numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getSegmentEditor } from "@/lib/services/segments/read-segments";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { SegmentBuilder } from "../_components/segment-builder";
import { builderOptions } from "../_lib/builder-props";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Segments"))("newTitle") };
}

/** A new segment: the rule builder from an empty "all" group (segments:write). */
export default async function NewSegmentPage() {
  const actor = await requireUser("/console/segments/new");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("Segments"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getSegmentEditor(db, actor, { programId: program.id }));
  if (!result.allowed || !result.data.canWrite) return <AccessDenied />;
  return (
    <>
      <Link href="/console/segments" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader eyebrow={program.name} title={t("newTitle")} description={t("newDescription")} />
      </div>
      <div className="mt-8">
        <SegmentBuilder initialName="" initialDefinition={emptyDefinition()} options={builderOptions(result.data, locale)} canWrite numberLocale={numberLocale(locale, program.locale)} />
      </div>
    </>
  );
}
