import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDate, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getPlanSimulationView } from "@/lib/services/simulation/read-simulations";
import { AccessDenied } from "../../../_components/access-denied";
import { CsvDownloadLink } from "../../../_components/csv-download-link";
import { getConsoleProgramFor } from "../../../_lib/console-program";
import { guardRead } from "../../../_lib/guard-read";
import { SimulationProgress } from "../_components/simulation-progress";
import { SimulationResultsView } from "../_components/simulation-results";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("PlanSimulation"))("title") };
}

export default async function PlanSimulationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUser(`/console/plans/simulations/${id}`);
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("PlanSimulation"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getPlanSimulationView(db, actor, { programId: program.id, simulationId: id }));
  if (!result.allowed) return <AccessDenied />;
  const run = result.data;
  const fmt = numberLocale(locale, program.locale);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, fmt, "UTC");
  const title = run.baseline ? t("run.title", { candidate: run.candidate.version, baseline: run.baseline.version }) : t("run.titleDefault", { candidate: run.candidate.version });
  const labels = { candidate: t("run.candidate", { version: run.candidate.version }), baseline: run.baseline ? t("run.baseline", { version: run.baseline.version }) : t("run.baselineDefault") };
  const finished = run.status === "completed" && run.results;

  return (
    <>
      <PageHeader
        eyebrow={t("title")}
        title={title}
        description={`${t("run.window", { from: day(run.from), to: day(run.to) })} · ${run.candidate.name}`}
        actions={
          <>
            {finished ? <CsvDownloadLink href={`/console/plans/simulations/${run.id}/export`} actor={actor} programId={program.id} testId="simulation-csv" /> : null}
            <ButtonLink href="/console/plans/simulations" variant="secondary">
              {t("title")}
            </ButtonLink>
          </>
        }
      />
      {run.status !== "failed" ? (
        <Card className="mt-6">
          <CardBody>
            <SimulationProgress simulationId={run.id} initial={{ status: run.status, percent: run.percent, processed: run.processed, total: run.total }} locale={fmt} />
          </CardBody>
        </Card>
      ) : null}
      {run.status === "failed" ? (
        <div className="mt-8" data-testid="simulation-failed">
          <EmptyState icon="alert" title={t("run.failedTitle")} action={<ButtonLink href="/console/plans/simulations">{t("run.tryAgain")}</ButtonLink>}>
            <p>{t("run.failed", { error: run.error ?? "—" })}</p>
          </EmptyState>
        </div>
      ) : null}
      {finished && run.results!.purchases === 0 ? (
        <div className="mt-8" data-testid="simulation-empty">
          <EmptyState icon="bag" title={t("run.noPurchasesTitle")} action={<ButtonLink href="/console/plans/simulations">{t("run.tryAgain")}</ButtonLink>}>
            <p>{t("run.noPurchases")}</p>
          </EmptyState>
        </div>
      ) : null}
      {finished && run.results!.purchases > 0 ? <SimulationResultsView results={run.results!} labels={labels} uiLocale={locale} numberLocale={fmt} /> : null}
    </>
  );
}
