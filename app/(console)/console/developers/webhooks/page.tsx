import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { listWebhookEndpoints } from "@/lib/services/webhooks/webhook-deliveries";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { CreateEndpointForm } from "./_components/create-endpoint-form";
import { DisabledBanner } from "./_components/disabled-banner";
import { DisabledNotice, EndpointStatusBadge } from "./_components/endpoint-status";
import { VerifySnippet } from "./_components/verify-snippet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Webhooks"))("title") };
}

export default async function WebhooksPage() {
  const actor = await requireUser("/console/developers/webhooks");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("Webhooks"), getLocale(), getAppDb()]);
  const result = await guardRead(() => listWebhookEndpoints(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const endpoints = result.data;
  const when = (iso: string) => formatDateTime(iso, numberLocale(locale, program.locale), program.timeZone);

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <DisabledBanner count={endpoints.filter((e) => e.disabledReason === "failing_24h").length} />
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          {endpoints.length === 0 ? (
            <EmptyState icon="server" title={t("emptyTitle")}>
              <p>{t("emptyBody")}</p>
            </EmptyState>
          ) : (
            <Card>
              <CardHeader title={t("listTitle")} />
              <ul className="divide-y divide-line" data-testid="webhook-list">
                {endpoints.map((e) => (
                  <li key={e.id} className="px-5 py-4" data-testid="webhook-endpoint">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={`/console/developers/webhooks/${e.id}`} className="min-w-0 truncate font-mono text-sm font-semibold text-ink hover:text-brand-700 hover:underline">
                        {e.url}
                      </Link>
                      <EndpointStatusBadge status={e.status} />
                    </div>
                    {e.description ? <p className="mt-0.5 text-sm text-ink-muted">{e.description}</p> : null}
                    <DisabledNotice reason={e.disabledReason} />
                    <div className="mt-2 flex flex-wrap gap-1">
                      {e.events.map((type) => (
                        <Badge key={type} className="font-mono text-[11px]">
                          {type}
                        </Badge>
                      ))}
                    </div>
                    <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-subtle">
                      <div>
                        <dt className="inline">{t("summary.lastDelivery")}: </dt>
                        <dd className="inline tabular-nums">{e.lastDeliveryAt ? `${when(e.lastDeliveryAt)} · ${e.lastDeliveryStatus ?? "—"}` : t("summary.never")}</dd>
                      </div>
                      <div className={e.consecutiveFailures ? "font-medium text-accent-700" : undefined}>{t("summary.failures", { count: e.consecutiveFailures })}</div>
                      {e.pendingDeliveries ? <div>{t("summary.pending", { count: e.pendingDeliveries })}</div> : null}
                      <div>
                        <dt className="inline">{t("summary.secret")}: </dt>
                        <dd className="inline font-mono">{e.secretHint}…</dd>
                      </div>
                    </dl>
                    <Link href={`/console/developers/webhooks/${e.id}`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                      {t("summary.open")} →
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <VerifySnippet />
        </div>
        <Card>
          <CardHeader title={t("create.title")} description={t("create.description")} />
          <CardBody>
            <CreateEndpointForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
