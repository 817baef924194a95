import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { listProgramCampaigns } from "@/lib/services/campaigns/read-campaigns";
import { AccessDenied } from "../_components/access-denied";
import { getConsoleProgramFor } from "../_lib/console-program";
import { guardRead } from "../_lib/guard-read";
import { CsvDownloadLink } from "../_components/csv-download-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Campaigns"))("title") };
}

const TONE = { running: "brand", paused: "accent", draft: "neutral", scheduled: "neutral", ended: "neutral" } as const;

/** The program's campaigns (campaigns:read); writers get "new campaign". */
export default async function CampaignsPage() {
  const actor = await requireUser("/console/campaigns");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("Campaigns"), getLocale(), getAppDb()]);
  const result = await guardRead(() => listProgramCampaigns(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { campaigns, segmentNames, canWrite, timeZone } = result.data;
  const nl = numberLocale(locale, program.locale);
  const newButton = canWrite ? <ButtonLink href="/console/campaigns/new">{t("newCampaign")}</ButtonLink> : null;
  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} actions={<div className="flex flex-wrap items-start gap-2"><CsvDownloadLink href="/console/campaigns/export" actor={actor} programId={program.id} testId="campaigns-csv" />{newButton}</div>} />
      {!canWrite ? <p className="mt-4 text-sm text-ink-muted" data-testid="campaigns-read-only">{t("readOnly")}</p> : null}
      <div className="mt-6">
        {campaigns.length === 0 ? (
          <EmptyState icon="sparkles" title={t("emptyTitle")} action={newButton}>
            <p>{canWrite ? t("emptyBody") : t("emptyBodyReadOnly")}</p>
          </EmptyState>
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full min-w-[44rem] text-sm" data-testid="campaign-list">
              <thead className="border-b border-line text-left text-xs font-semibold tracking-wide text-ink-subtle uppercase">
                <tr>
                  <th className="px-5 py-3">{t("columns.campaign")}</th>
                  <th className="px-3 py-3">{t("columns.kind")}</th>
                  <th className="px-3 py-3">{t("columns.status")}</th>
                  <th className="px-3 py-3">{t("columns.dates")}</th>
                  <th className="px-5 py-3 text-right">{t("columns.spent")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {campaigns.map((c) => (
                  <tr key={c.id} data-testid="campaign-row">
                    <td className="px-5 py-3">
                      <Link href={`/console/campaigns/${c.id}`} className="font-semibold text-ink hover:text-brand-700">
                        {c.name}
                      </Link>
                      <p className="text-xs text-ink-subtle">{c.segmentId ? (segmentNames[c.segmentId] ?? "—") : t("anyone")}</p>
                    </td>
                    <td className="px-3 py-3 text-ink-muted">{t(`kinds.${c.kind}`)}</td>
                    <td className="px-3 py-3">
                      <Badge tone={TONE[c.status]} data-testid="campaign-status">{t(`statuses.${c.status}`)}</Badge>
                    </td>
                    <td className="px-3 py-3 text-ink-muted">
                      {c.startsAt ? formatDate(c.startsAt, locale, timeZone) : t("noStart")} – {c.endsAt ? formatDate(c.endsAt, locale, timeZone) : t("noEnd")}
                    </td>
                    <td className="px-5 py-3 text-right font-semibold tabular-nums">
                      {c.kind === "offer" ? t("coupons", { count: c.spentCount }) : formatPoints(c.spentPoints, nl)}
                      {c.kind === "offer" ? (c.budgetCount ? <span className="font-normal text-ink-subtle"> / {c.budgetCount.toLocaleString(nl)}</span> : null) : c.budgetPoints ? <span className="font-normal text-ink-subtle"> / {formatPoints(c.budgetPoints, nl)}</span> : null}
                    </td>
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
