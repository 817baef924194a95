import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FormMessage } from "@/components/forms/form-message";
import { NoProgram } from "@/components/shell/no-program";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatCount, formatDateTime, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { listProgramSegments } from "@/lib/services/segments/read-segments";
import { AccessDenied } from "../_components/access-denied";
import { getConsoleProgramFor } from "../_lib/console-program";
import { guardRead } from "../_lib/guard-read";
import { RefreshSegmentsButton } from "./_components/refresh-segments-button";
import { CsvDownloadLink } from "../_components/csv-download-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Segments"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The program's segments with their member counts (segments:read); writers get "new" and "refresh all". */
export default async function SegmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser("/console/segments");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db, params] = await Promise.all([getTranslations("Segments"), getLocale(), getAppDb(), searchParams]);
  const result = await guardRead(() => listProgramSegments(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { segments, canWrite, canExport } = result.data;
  const nl = numberLocale(locale, program.locale);
  const savedCount = typeof params.saved === "string" ? Number(params.count ?? 0) || 0 : null;
  const notice = savedCount !== null ? t("saved", { count: savedCount }) : params.deleted ? t("deleted") : null;
  const newButton = canWrite ? <ButtonLink href="/console/segments/new">{t("newSegment")}</ButtonLink> : null;
  const actions = canWrite ? (
    <div className="flex flex-wrap items-start gap-2">
      {segments.length ? <RefreshSegmentsButton segmentId="all" label={t("refreshAll")} /> : null}
      {newButton}
    </div>
  ) : null;

  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} actions={<div className="flex flex-wrap items-start gap-2"><CsvDownloadLink href="/console/segments/export" actor={actor} programId={program.id} testId="segments-csv" />{actions}</div>} />
      {!canWrite ? <p className="mt-4 text-sm text-ink-muted" data-testid="segments-read-only">{t("readOnly")}</p> : null}
      {notice ? (
        <div className="mt-4">
          <FormMessage id="segments-notice" message={{ tone: "success", text: notice }} />
        </div>
      ) : null}
      <div className="mt-6">
        {segments.length === 0 ? (
          <EmptyState icon="compass" title={t("emptyTitle")} action={newButton}>
            <p>{canWrite ? t("emptyBody") : t("emptyBodyReadOnly")}</p>
          </EmptyState>
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-sm" data-testid="segment-list">
              <thead className="border-b border-line text-left text-xs font-semibold tracking-wide text-ink-subtle uppercase">
                <tr>
                  <th className="px-5 py-3">{t("columns.segment")}</th>
                  <th className="px-3 py-3 text-right">{t("columns.members")}</th>
                  <th className="px-3 py-3">{t("columns.refreshed")}</th>
                  {canExport ? <th className="px-5 py-3 text-right">{t("columns.export")}</th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {segments.map((s) => (
                  <tr key={s.id} data-testid="segment-row" className={params.saved === s.id ? "bg-brand-50/60" : undefined}>
                    <td className="px-5 py-3">
                      <Link href={`/console/segments/${s.id}`} className="font-semibold text-ink hover:text-brand-700">
                        {s.name}
                      </Link>
                      <p className="text-xs text-ink-subtle">{t("conditionCount", { count: s.conditions })}</p>
                    </td>
                    <td className="px-3 py-3 text-right font-semibold tabular-nums" data-testid="segment-count">
                      {s.memberCount === null ? "—" : formatCount(s.memberCount, nl)}
                    </td>
                    <td className="px-3 py-3 text-ink-muted">{s.refreshedAt ? formatDateTime(s.refreshedAt, locale, program.timeZone) : t("neverRefreshed")}</td>
                    {canExport ? (
                      <td className="px-5 py-3 text-right">
                        <a href={`/console/segments/${s.id}/export`} download className="font-medium text-brand-700 hover:underline" data-testid="segment-export">
                          {t("exportCsv")}
                        </a>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
    </>
  );
}
