import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getSegmentEditor } from "@/lib/services/segments/read-segments";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { DeleteSegmentButton } from "../_components/delete-segment-button";
import { RefreshSegmentsButton } from "../_components/refresh-segments-button";
import { SegmentBuilder } from "../_components/segment-builder";
import { builderOptions } from "../_lib/builder-props";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Segments"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One segment: its rules in the builder (read-only without segments:write), refresh, export and delete. */
export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUser(`/console/segments/${id}`);
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  if (!UUID.test(id)) notFound();
  const [t, locale, db] = await Promise.all([getTranslations("Segments"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getSegmentEditor(db, actor, { programId: program.id, segmentId: id }));
  if (!result.allowed) return <AccessDenied />;
  const editor = result.data;
  const segment = editor.segment!;
  const when = segment.refreshedAt ? t("refreshedAt", { when: formatDateTime(segment.refreshedAt, locale, program.timeZone) }) : null;
  const actions = (
    <div className="flex flex-wrap items-start gap-2">
      {editor.canExport ? (
        <a href={`/console/segments/${segment.id}/export`} download className="inline-flex h-10 items-center rounded-control border border-line-strong bg-surface px-4 text-sm font-medium text-ink shadow-card hover:bg-surface-muted">
          {t("exportCsv")}
        </a>
      ) : null}
      {editor.canWrite ? <RefreshSegmentsButton segmentId={segment.id} label={t("refreshNow")} /> : null}
    </div>
  );
  return (
    <>
      <Link href="/console/segments" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader eyebrow={program.name} title={segment.name} description={[editor.canWrite ? t("editDescription") : t("readOnly"), when].filter(Boolean).join(" · ")} actions={actions} />
      </div>
      <div className="mt-8">
        <SegmentBuilder segmentId={segment.id} initialName={segment.name} initialDefinition={segment.definition} options={builderOptions(editor, locale)} canWrite={editor.canWrite} numberLocale={numberLocale(locale, program.locale)} />
      </div>
      {editor.canWrite ? (
        <div className="mt-10 border-t border-line pt-6">
          <DeleteSegmentButton segmentId={segment.id} />
        </div>
      ) : null}
    </>
  );
}
