import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FormMessage } from "@/components/forms/form-message";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import type { CampaignDefinition } from "@/lib/domain/campaigns/definition";
import { currencyMinorDigits, formatCount, formatDate, formatDateTime, formatMoney, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getCampaignResults, RESULT_METRICS, type ResultMetric } from "@/lib/services/campaigns/campaign-results";
import { getProgramCampaign } from "@/lib/services/campaigns/read-campaigns";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { loadConsoleContext } from "@/app/_data/console-context";
import { can } from "@/lib/auth/actor";
import { CopyToProgramDialog } from "../../_components/copy-to-program-dialog";
import { guardRead } from "../../_lib/guard-read";
import { StatusControls, TestSendForm } from "../_components/campaign-controls";
import { LiftChart } from "../_components/lift-chart";
import { RunProgress } from "../_components/run-progress";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Campaigns"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A campaign: what it does, its controls (campaigns:write), a test send, and treatment versus control with 95 % intervals. */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const actor = await requireUser(`/console/campaigns/${id}`);
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db, query] = await Promise.all([getTranslations("Campaigns"), getLocale(), getAppDb(), searchParams]);
  const result = await guardRead(async () => {
    const campaign = await getProgramCampaign(db, actor, { programId: program.id, campaignId: id });
    return { campaign, results: await getCampaignResults(db, actor, { programId: program.id, campaignId: id }) };
  });
  if (!result.allowed) return <AccessDenied />;
  const { campaign: c, results } = result.data;
  const d = c.definition as CampaignDefinition;
  const nl = numberLocale(locale, program.locale);
  const tz = program.timeZone;
  const what =
    c.kind === "trigger" && d.trigger ? `${t(`triggers.${d.trigger.type}`)} · ${formatPoints(d.points ?? 0, nl)}` : c.kind === "bonus" ? `×${d.multiplier}` : c.kind === "grant" ? formatPoints(d.points ?? 0, nl) : c.reward ? localizedText(c.reward.name, locale) : "—";
  const swept = c.kind === "grant" || c.kind === "offer";
  const now = new Date();
  const live = c.status === "running" && !(c.startsAt && c.startsAt > now) && !(c.endsAt && c.endsAt <= now);
  const fmt = (m: ResultMetric, v: number) => (m === "participation" ? `${(v * 100).toFixed(1)} %` : m === "revenue" ? formatMoney(Math.round(v), c.currency, nl) : v.toLocaleString(nl, { maximumFractionDigits: 2 }));
  const scale = 10 ** currencyMinorDigits(c.currency);
  const hasMembers = results.treatment.members + results.control.members > 0;
  // Sister brands where this user may write campaigns: where "copy to another brand" can send this one.
  const { program: current, programs } = await loadConsoleContext();
  const copyTargets = programs.filter((p) => p.organizationId === current?.organizationId && p.id !== program.id && can(actor, "campaigns:write", p)).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <Link href="/console/campaigns" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader
          eyebrow={program.name}
          title={c.name}
          description={`${t(`kinds.${c.kind}`)} · ${what}`}
          actions={
            <>
              {c.canWrite && c.kind !== "offer" && copyTargets.length ? <CopyToProgramDialog kinds={["campaign"]} targets={copyTargets} campaignId={c.id} /> : null}
              {c.canWrite && (c.status === "draft" || c.status === "paused") ? <ButtonLink variant="secondary" href={`/console/campaigns/${c.id}/edit`}>{t("actions.edit")}</ButtonLink> : null}
            </>
          }
        />
      </div>
      {query.saved ? (
        <div className="mt-4">
          <FormMessage id="saved-message" message={{ tone: "success", text: t("saved") }} />
        </div>
      ) : null}
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card className="space-y-4 p-5 lg:col-span-2">
          <div className="flex items-center gap-3">
            <h2 className="text-base font-semibold text-ink">{t("summary")}</h2>
            <Badge tone={c.status === "running" ? "brand" : "neutral"} data-testid="campaign-status">{t(`statuses.${c.status}`)}</Badge>
          </div>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div><dt className="text-ink-subtle">{t("audience")}</dt><dd className="font-medium text-ink">{c.segmentName ?? t("anyone")}</dd></div>
            <div><dt className="text-ink-subtle">{t("columns.dates")}</dt><dd className="font-medium text-ink">{c.startsAt ? formatDate(c.startsAt, locale, tz) : t("noStart")} – {c.endsAt ? formatDate(c.endsAt, locale, tz) : t("noEnd")}</dd></div>
            <div>
              <dt className="text-ink-subtle">{t("budget")}</dt>
              <dd className="font-medium text-ink" data-testid="campaign-budget">
                {c.kind === "offer"
                  ? c.budgetCount ? t("couponsOfCap", { spent: formatCount(c.spentCount, nl), cap: formatCount(c.budgetCount, nl) }) : t("couponsNoCap", { spent: c.spentCount })
                  : c.budgetPoints
                    ? t("budgetOf", { spent: formatPoints(c.spentPoints, nl), cap: formatPoints(c.budgetPoints, nl) })
                    : t("spentNoCap", { spent: formatPoints(c.spentPoints, nl) })}
                {c.budgetMoneyMinor ? <span className="block text-xs font-normal text-ink-muted">{t("budgetOf", { spent: formatMoney(c.spentMoneyMinor, c.currency, nl), cap: formatMoney(c.budgetMoneyMinor, c.currency, nl) })}</span> : null}
              </dd>
            </div>
            <div><dt className="text-ink-subtle">{t("fields.controlShare")}</dt><dd className="font-medium text-ink">{c.controlShare} %</dd></div>
            <div><dt className="text-ink-subtle">{t("fields.channels")}</dt><dd className="font-medium text-ink">{(d.channels ?? []).map((ch) => t(`channels.${ch}`)).join(", ") || "—"}</dd></div>
          </dl>
          {swept && c.status !== "draft" ? <RunProgress progress={c.runProgress} live={live} locale={nl} finishedLabel={c.runProgress?.finishedAt ? formatDateTime(c.runProgress.finishedAt, locale, tz) : null} /> : null}
          {c.canWrite ? <StatusControls campaignId={c.id} status={c.status} runnable={c.kind !== "bonus"} /> : null}
        </Card>
        {c.canWrite ? (
          <Card className="p-5">
            <h2 className="text-base font-semibold text-ink">{t("testSend")}</h2>
            <p className="mt-0.5 mb-3 text-xs text-ink-subtle">{t("testSendHint")}</p>
            <TestSendForm campaignId={c.id} />
          </Card>
        ) : null}
      </div>
      <section className="mt-8" data-testid="campaign-results">
        <h2 className="text-lg font-semibold text-ink">{t("results")}</h2>
        <p className="mt-1 text-sm text-ink-muted">{t("resultsHint", { from: formatDate(results.window.from, locale, tz), to: formatDate(results.window.to, locale, tz) })}</p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          {(["treatment", "control"] as const).map((arm) => (
            <Card key={arm} className="p-4" data-testid={`arm-${arm}`}>
              <p className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{t(arm)}</p>
              <p className="mt-1 text-sm text-ink">
                <span className="font-semibold tabular-nums" data-testid={`arm-${arm}-members`}>{formatCount(results[arm].members, nl)}</span> {t("members").toLowerCase()} · <span className="tabular-nums" data-testid={`arm-${arm}-awarded`}>{formatCount(results[arm].awarded, nl)}</span> {t("awarded").toLowerCase()}
                {c.kind === "offer" ? null : <> · {formatPoints(results[arm].points, nl)} {t("pointsGiven").toLowerCase()}</>}
              </p>
              {c.kind === "offer" ? (
                <p className="mt-1 text-sm text-ink">
                  <span className="tabular-nums" data-testid={`arm-${arm}-offers-issued`}>{formatCount(results[arm].offersIssued, nl)}</span> {t("offersIssued")} · <span className="tabular-nums" data-testid={`arm-${arm}-offers-redeemed`}>{formatCount(results[arm].offersRedeemed, nl)}</span> {t("offersRedeemed")}
                </p>
              ) : null}
            </Card>
          ))}
        </div>
        {!hasMembers ? (
          <p className="mt-4 rounded-control border border-line bg-surface-muted p-4 text-sm text-ink-muted" data-testid="no-results">{t("noResults")}</p>
        ) : (
          <div className="mt-4 grid gap-4 lg:grid-cols-2">
            {RESULT_METRICS.map((m) => {
              const lift = results.metrics[m];
              return (
                <Card key={m} className="p-4" data-testid={`metric-${m}`}>
                  <h3 className="text-sm font-semibold text-ink">{t(`metrics.${m}`)}</h3>
                  <p className="mt-1 text-xs text-ink-muted">
                    {t("difference")}: <span className="font-semibold text-ink">{fmt(m, lift.difference)}</span> · {t("ci")}: {lift.ci ? `${fmt(m, lift.ci.low)} … ${fmt(m, lift.ci.high)}` : t("noCi")}
                  </p>
                  <LiftChart
                    testId={`chart-${m}`}
                    locale={nl}
                    format={m === "participation" ? "percent" : "number"}
                    bars={[
                      { label: t("treatment"), value: m === "revenue" ? lift.treatmentMean / scale : lift.treatmentMean },
                      { label: t("control"), value: m === "revenue" ? lift.controlMean / scale : lift.controlMean },
                      { label: t("difference"), value: m === "revenue" ? lift.difference / scale : lift.difference, ...(lift.ci ? { low: m === "revenue" ? lift.ci.low / scale : lift.ci.low, high: m === "revenue" ? lift.ci.high / scale : lift.ci.high } : {}) },
                    ]}
                  />
                </Card>
              );
            })}
          </div>
        )}
      </section>
    </>
  );
}
