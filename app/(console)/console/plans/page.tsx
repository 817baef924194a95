import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getPlanOverview } from "@/lib/services/plans/get-plan-overview";
import { AccessDenied } from "../_components/access-denied";
import { getConsoleProgramFor } from "../_lib/console-program";
import { guardRead } from "../_lib/guard-read";
import { DraftActions, RollbackButton } from "./_components/draft-actions";
import { PlanSummary } from "./_components/plan-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Plans"))("title") };
}

export default async function PlansPage({ searchParams }: { searchParams: Promise<{ published?: string; discarded?: string; restored?: string }> }) {
  const actor = await requireUser("/console/plans");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db, done] = await Promise.all([getTranslations("Plans"), getLocale(), getAppDb(), searchParams]);
  const result = await guardRead(() => getPlanOverview(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { live, pilots, draft, history, options, program: info, canWrite } = result.data;
  const fmt = numberLocale(locale, program.locale);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, fmt, program.timeZone) : "—");
  const storeName = new Map(options.stores.map((s) => [s.id, s.name]));
  const segmentName = new Map(options.segments.map((s) => [s.id, s.name]));
  const pilotText = (p: { storeIds?: string[]; segmentIds?: string[] } | null) =>
    p ? [...(p.storeIds ?? []).map((id) => storeName.get(id) ?? id), ...(p.segmentIds ?? []).map((id) => segmentName.get(id) ?? id)].join(", ") : t("history.everyone");

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <ButtonLink href="/console/plans/tester" variant="secondary">
              {t("openTester")}
            </ButtonLink>
            <ButtonLink href="/console/plans/simulations" variant="secondary">
              {t("openSimulations")}
            </ButtonLink>
            {canWrite ? <ButtonLink href="/console/plans/draft">{draft ? t("editDraft") : t("startDraft")}</ButtonLink> : null}
          </>
        }
      />
      {done.published || done.discarded || done.restored ? (
        <p className="mt-6 rounded-control border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-800" data-testid="plan-notice" aria-live="polite">
          {done.published ? t("published", { version: Number(done.published) }) : done.restored ? t("rolledBack", { version: Number(done.restored) }) : t("discarded")}
        </p>
      ) : null}
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Card data-testid="live-plan">
            <CardHeader title={t("live.title")} description={live ? t("live.since", { version: live.version, name: live.name, date: when(live.effectiveFrom) }) : t("live.none")} action={<Badge tone="brand">{t("states.live")}</Badge>} />
            {live ? (
              <CardBody>
                <PlanSummary plan={live.definition} locale={fmt} currency={info.currency} />
              </CardBody>
            ) : null}
          </Card>
          {pilots.map((p) => (
            <Card key={p.id} data-testid="pilot-plan">
              <CardHeader title={t("pilot.cardTitle", { version: p.version, name: p.name })} description={t("pilot.appliesTo", { list: pilotText(p.pilot) })} action={canWrite ? <RollbackButton versionId={p.id} label={t("rollOut")} /> : <Badge>{t("states.pilot")}</Badge>} />
              <CardBody>
                <PlanSummary plan={p.definition} locale={fmt} currency={info.currency} />
              </CardBody>
            </Card>
          ))}
        </div>
        <Card data-testid="draft-card">
          <CardHeader title={t("draft.title")} description={draft ? t("draft.saved", { name: draft.name, version: draft.version }) : t("draft.none")} />
          <CardBody className="space-y-4">
            {draft ? <PlanSummary plan={draft.definition} locale={fmt} currency={info.currency} compact /> : <p className="text-sm text-ink-muted">{t("draft.noneHint")}</p>}
            {canWrite && draft ? (
              <>
                <ButtonLink href="/console/plans/draft" variant="secondary" className="w-full">
                  {t("editDraft")}
                </ButtonLink>
                <DraftActions draftId={draft.id} stores={options.stores.map((s) => ({ value: s.id, label: s.name }))} segments={options.segments.map((s) => ({ value: s.id, label: s.name }))} />
              </>
            ) : null}
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title={t("history.title")} description={t("history.description")} />
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="plan-history">
            <thead>
              <tr className="border-b border-line text-left text-xs text-ink-muted">
                <th scope="col" className="px-5 py-2 font-medium">{t("history.version")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("history.name")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("history.status")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("history.publishedAt")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("history.publishedBy")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("history.pilot")}</th>
                <th scope="col" className="px-5 py-2"><span className="sr-only">{t("history.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {history.map((h) => (
                <tr key={h.id} data-testid="plan-version-row">
                  <td className="px-5 py-3 font-medium text-ink tabular-nums">v{h.version}</td>
                  <td className="px-3 py-3 text-ink">{h.name}</td>
                  <td className="px-3 py-3">
                    <Badge tone={h.state === "live" ? "brand" : h.state === "pilot" ? "accent" : "neutral"}>{t(`states.${h.state}`)}</Badge>
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap text-ink-muted tabular-nums">{when(h.publishedAt)}</td>
                  <td className="px-3 py-3 text-ink-muted">{h.publishedByEmail ?? t("history.system")}</td>
                  <td className="px-3 py-3 text-ink-muted">{pilotText(h.pilot)}</td>
                  <td className="px-5 py-2 text-right">{canWrite && h.state === "superseded" ? <RollbackButton versionId={h.id} label={t("rollback", { version: h.version })} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
