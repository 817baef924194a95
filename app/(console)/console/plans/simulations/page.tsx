import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatDateTime, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getSimulationsPage } from "@/lib/services/simulation/read-simulations";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { StartSimulationForm } from "./_components/start-simulation-form";
import { StatusBadge } from "./_components/status-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("PlanSimulation"))("title") };
}

export default async function PlanSimulationsPage() {
  const actor = await requireUser("/console/plans/simulations");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("PlanSimulation"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getSimulationsPage(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const page = result.data;
  const fmt = numberLocale(locale, program.locale);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, fmt, "UTC");
  const options = page.candidates.map((c) => ({ value: c.id, label: c.status === "draft" ? t("start.draftOption", { name: c.name }) : t("start.versionOption", { version: c.version, name: c.name }) }));

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} actions={<ButtonLink href="/console/plans" variant="secondary">{t("backToPlans")}</ButtonLink>} />
      {page.program.pointValueMilli === null ? (
        <p className="mt-6 rounded-control border border-accent-200 bg-accent-50 px-4 py-3 text-sm text-accent-800" data-testid="simulation-no-point-value">
          {t("noPointValue")}
        </p>
      ) : null}
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <Card data-testid="simulation-start">
          <CardHeader title={t("start.title")} description={t("start.description")} />
          <CardBody className="space-y-4">
            {!page.canStart ? (
              <p className="text-sm text-ink-muted">{t("start.readOnly")}</p>
            ) : options.length === 0 ? (
              <div className="space-y-3" data-testid="simulation-no-candidates">
                <p className="text-sm font-medium text-ink">{t("start.noCandidatesTitle")}</p>
                <p className="text-sm text-ink-muted">{t("start.noCandidates")}</p>
                <ButtonLink href="/console/plans/draft" variant="secondary" className="w-full">
                  {t("start.createDraft")}
                </ButtonLink>
              </div>
            ) : (
              <StartSimulationForm candidates={options} defaultWindow={page.defaultWindow} />
            )}
            <p className="border-t border-line pt-3 text-xs text-ink-subtle">{page.live ? t("start.against", { version: page.live.version, name: page.live.name }) : t("start.againstDefault")}</p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("runs.title")} />
          {page.runs.length === 0 ? (
            <CardBody>
              <p className="text-sm text-ink-muted" data-testid="simulation-runs-empty">{t("runs.empty")}</p>
            </CardBody>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="simulation-runs">
                <thead>
                  <tr className="border-b border-line text-left text-xs text-ink-muted">
                    <th scope="col" className="px-5 py-2 font-medium">{t("runs.versions")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("runs.window")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("runs.status")}</th>
                    <th scope="col" className="px-5 py-2"><span className="sr-only">{t("runs.open")}</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {page.runs.map((run) => (
                    <tr key={run.id} data-testid="simulation-run-row">
                      <td className="px-5 py-3 text-ink">
                        <span className="whitespace-nowrap font-medium">{run.baseline ? t("runs.vs", { candidate: run.candidate.version, baseline: run.baseline.version }) : t("runs.vsDefault", { candidate: run.candidate.version })}</span>
                        <span className="block text-xs text-ink-subtle">{run.candidate.name}</span>
                      </td>
                      <td className="px-3 py-3 text-ink-muted tabular-nums">
                        <span className="whitespace-nowrap">{`${day(run.from)} – ${day(run.to)}`}</span>
                        <span className="block text-xs text-ink-subtle">{`${t("runs.started")}: ${formatDateTime(run.createdAt, fmt, program.timeZone)}`}</span>
                      </td>
                      <td className="px-3 py-3">
                        <StatusBadge status={run.status} percent={run.percent} label={t(`status.${run.status}`)} />
                      </td>
                      <td className="px-5 py-3 text-right">
                        <Link href={`/console/plans/simulations/${run.id}`} className="font-medium text-brand-700 hover:underline">
                          {t("runs.open")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

