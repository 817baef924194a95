import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { requireUser } from "@/lib/auth/session";
import { RFM_SEGMENTS } from "@/lib/domain/analytics/rfm";
import { currencyMinorDigits, formatCount, formatDate, formatDateTime, formatMoney, formatPercent, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { readPredictions } from "@/lib/services/analytics/read-predictions";
import { programToday } from "@/lib/services/analytics/refresh-predictions";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { HistogramChart, HoldoutBucketsChart, TrackingChart } from "./_components/prediction-charts";
import { RefreshPredictionsButton } from "./_components/refresh-predictions-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Predictions"))("title") };
}

const fixed = (n: number, locale: string, digits = 3) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

/** The program's latest model fit: parameters, the holdout check, and how p(alive), CLV and RFM segments are spread (analytics:read). */
export default async function PredictionsPage() {
  const actor = await requireUser("/console/analytics/predictions");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("Predictions"), getLocale(), getAppDb()]);
  const result = await guardRead(() => readPredictions(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { fit, currency } = result.data;
  const nl = numberLocale(locale, program.locale);
  const header = <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} actions={<RefreshPredictionsButton asOf={programToday(program, new Date())} />} />;

  if (!fit) {
    return (
      <>
        {header}
        <div className="mt-6" data-testid="predictions-empty">
          <EmptyState icon="sparkles" title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        </div>
      </>
    );
  }

  const { bgNbd, gammaGamma, holdout, distributions } = fit;
  const money = (minor: number) => formatMoney(minor, currency, nl);
  const compactMoney = (minor: number) =>
    new Intl.NumberFormat(nl, { style: "currency", currency, notation: "compact", maximumFractionDigits: 0 }).format(minor / 10 ** currencyMinorDigits(currency));
  const param = (label: string, value: number, testId: string) => (
    <div className="rounded-lg bg-surface-muted px-3 py-2">
      <dt className="text-xs text-ink-subtle">{label}</dt>
      <dd className="font-mono text-base font-semibold text-ink tabular-nums" data-testid={testId}>
        {fixed(value, nl)}
      </dd>
    </div>
  );

  return (
    <>
      {header}
      <p className="mt-3 text-sm text-ink-muted" data-testid="predictions-fitted-at">
        {t("fittedAt", { asOf: formatDate(`${fit.asOf}T12:00:00Z`, locale, "UTC"), fittedAt: formatDateTime(fit.fittedAt, locale, program.timeZone), seconds: fixed(fit.durationMs / 1000, nl, 1) })}
      </p>

      <div className="mt-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label={t("stats.customers")} value={formatCount(fit.customers, nl)} icon="users" testId="stat-customers" />
        <StatCard label={t("stats.meanPAlive")} value={distributions ? formatPercent(distributions.meanPAlive, nl) : "—"} icon="heart" testId="stat-palive" />
        <StatCard label={t("stats.expectedPurchases")} value={distributions ? formatCount(distributions.expectedPurchases90d, nl) : "—"} icon="bag" testId="stat-purchases" />
        <StatCard label={t("stats.meanClv")} value={distributions?.meanClvMinor != null ? money(distributions.meanClvMinor) : "—"} icon="coins" testId="stat-clv" />
      </div>

      <Card className="mt-6" data-testid="predictions-params">
        <CardHeader title={t("params.title")} description={t("params.description")} />
        <CardBody className="grid gap-6 lg:grid-cols-2">
          <div>
            <h3 className="text-sm font-semibold text-ink">{t("params.bgnbd")}</h3>
            <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
              {param("r", bgNbd.r, "param-r")}
              {param("α", bgNbd.alpha, "param-alpha")}
              {param("a", bgNbd.a, "param-a")}
              {param("b", bgNbd.b, "param-b")}
            </dl>
            <p className="mt-2 text-xs text-ink-subtle">
              {t("params.logLikelihood")} <span className="font-mono tabular-nums" data-testid="param-ll">{fixed(bgNbd.logLikelihood, nl, 1)}</span>
            </p>
          </div>
          <div>
            <h3 className="text-sm font-semibold text-ink">{t("params.gammaGamma")}</h3>
            {gammaGamma ? (
              <>
                <dl className="mt-2 grid grid-cols-3 gap-2">
                  {param("p", gammaGamma.p, "param-p")}
                  {param("q", gammaGamma.q, "param-q")}
                  {param("γ", gammaGamma.gamma, "param-gamma")}
                </dl>
                <p className="mt-2 text-xs text-ink-subtle">{t("params.repeatBuyers", { count: gammaGamma.customers })}</p>
              </>
            ) : (
              <p className="mt-2 text-sm text-ink-muted">{t("params.noSpendModel")}</p>
            )}
          </div>
        </CardBody>
      </Card>

      <Card className="mt-6" data-testid="predictions-holdout">
        <CardHeader
          title={t("holdout.title")}
          description={
            holdout
              ? t("holdout.description", {
                  calibrationWeeks: formatCount(holdout.calibrationWeeks, nl),
                  calibrationStart: formatDate(`${holdout.calibrationStart}T12:00:00Z`, locale, "UTC"),
                  calibrationEnd: formatDate(`${holdout.calibrationEnd}T12:00:00Z`, locale, "UTC"),
                  holdoutWeeks: fixed(holdout.holdoutWeeks, nl, holdout.holdoutWeeks % 1 ? 1 : 0),
                  holdoutEnd: formatDate(`${holdout.holdoutEnd}T12:00:00Z`, locale, "UTC"),
                })
              : undefined
          }
        />
        <CardBody>
          {holdout ? (
            <>
              <p className="text-sm text-ink-muted" data-testid="holdout-summary">
                {t("holdout.summary", {
                  predicted: formatCount(holdout.predictedTotal, nl),
                  actual: formatCount(holdout.actualTotal, nl),
                  error: `${holdout.relativeError >= 0 ? "+" : ""}${formatPercent(holdout.relativeError, nl)}`,
                })}
              </p>
              <div className="mt-4 grid gap-6 xl:grid-cols-2">
                <div>
                  <h3 className="mb-2 text-sm font-semibold text-ink">{t("holdout.bucketsTitle")}</h3>
                  <HoldoutBucketsChart
                    data={holdout.buckets.map((b) => ({ label: b.label, customers: b.customers, actual: b.actualMean, predicted: b.predictedMean }))}
                    locale={nl}
                    labels={{ actual: t("holdout.actual"), predicted: t("holdout.predicted"), frequency: t("holdout.frequency"), customers: t("holdout.customers") }}
                  />
                </div>
                <div>
                  <h3 className="mb-2 text-sm font-semibold text-ink">{t("holdout.trackingTitle")}</h3>
                  <TrackingChart
                    data={holdout.tracking}
                    calibrationWeeks={Math.round(holdout.calibrationWeeks)}
                    locale={nl}
                    labels={{ actual: t("holdout.actual"), predicted: t("holdout.predicted"), week: t("holdout.week"), calibrationEnd: t("holdout.calibrationEnd") }}
                  />
                </div>
              </div>
              <div className="mt-4 overflow-x-auto">
                <table className="w-full min-w-[32rem] text-sm" data-testid="holdout-table">
                  <thead className="border-b border-line text-left text-xs font-semibold tracking-wide text-ink-subtle uppercase">
                    <tr>
                      <th className="py-2 pr-3">{t("holdout.frequency")}</th>
                      {holdout.buckets.map((b) => (
                        <th key={b.label} className="px-2 py-2 text-right">{b.label}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-line tabular-nums">
                    <tr>
                      <th className="py-2 pr-3 text-left font-medium text-ink-muted">{t("holdout.customers")}</th>
                      {holdout.buckets.map((b) => (
                        <td key={b.label} className="px-2 py-2 text-right">{formatCount(b.customers, nl)}</td>
                      ))}
                    </tr>
                    <tr>
                      <th className="py-2 pr-3 text-left font-medium text-ink-muted">{t("holdout.actual")}</th>
                      {holdout.buckets.map((b) => (
                        <td key={b.label} className="px-2 py-2 text-right">{fixed(b.actualMean, nl, 2)}</td>
                      ))}
                    </tr>
                    <tr>
                      <th className="py-2 pr-3 text-left font-medium text-ink-muted">{t("holdout.predicted")}</th>
                      {holdout.buckets.map((b) => (
                        <td key={b.label} className="px-2 py-2 text-right">{fixed(b.predictedMean, nl, 2)}</td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p className="text-sm text-ink-muted" data-testid="holdout-not-enough">{t("holdout.notEnough")}</p>
          )}
        </CardBody>
      </Card>

      {distributions ? (
        <div className="mt-6 grid gap-6 xl:grid-cols-3">
          <Card>
            <CardHeader title={t("distributions.pAliveTitle")} description={t("distributions.pAliveDescription")} />
            <CardBody>
              <HistogramChart
                testId="palive-chart"
                locale={nl}
                label={t("distributions.members")}
                data={distributions.pAlive.map((b) => ({ label: `${Math.round(b.from * 100)}–${formatPercent(b.to, nl)}`, count: b.count }))}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("distributions.clvTitle")} description={t("distributions.clvDescription")} />
            <CardBody>
              <HistogramChart
                testId="clv-chart"
                locale={nl}
                label={t("distributions.members")}
                data={distributions.clv.map((b) => ({ label: b.to === null ? t("distributions.orMore", { from: compactMoney(b.from) }) : `${compactMoney(b.from)}–${compactMoney(b.to)}`, count: b.count }))}
              />
            </CardBody>
          </Card>
          <Card data-testid="rfm-segments">
            <CardHeader title={t("segments.title")} description={t("segments.description")} />
            <CardBody>
              <ul className="divide-y divide-line text-sm">
                {RFM_SEGMENTS.map((s) => {
                  const count = distributions.segments[s] ?? 0;
                  const share = fit.customers ? count / fit.customers : 0;
                  return (
                    <li key={s} className="flex items-center gap-3 py-1.5" data-testid={`rfm-${s}`}>
                      <span className="w-40 shrink-0 text-ink">{t(`segments.${s}`)}</span>
                      <span className="h-2 flex-1 overflow-hidden rounded-full bg-surface-muted">
                        <span className="block h-full rounded-full bg-brand-500" style={{ width: `${Math.round(share * 100)}%` }} />
                      </span>
                      <span className="w-14 text-right font-semibold tabular-nums">{formatCount(count, nl)}</span>
                    </li>
                  );
                })}
              </ul>
            </CardBody>
          </Card>
        </div>
      ) : null}
    </>
  );
}
