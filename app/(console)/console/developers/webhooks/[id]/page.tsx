import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getWebhookEndpointDetail } from "@/lib/services/webhooks/webhook-deliveries";
import { AccessDenied } from "../../../_components/access-denied";
import { getConsoleProgramFor } from "../../../_lib/console-program";
import { guardRead } from "../../../_lib/guard-read";
import { DisabledBanner } from "../_components/disabled-banner";
import { DisabledNotice, EndpointStatusBadge } from "../_components/endpoint-status";
import { DeliveryLog } from "./_components/delivery-log";
import { EditEndpointForm } from "./_components/edit-endpoint-form";
import { EndpointActions } from "./_components/endpoint-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Webhooks"))("title") };
}

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUser(`/console/developers/webhooks/${id}`);
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("Webhooks"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getWebhookEndpointDetail(db, actor, { programId: program.id, endpointId: id }));
  if (!result.allowed) return <AccessDenied />;
  const { endpoint, deliveries } = result.data;
  const when = (iso: string) => formatDateTime(iso, numberLocale(locale, program.locale), program.timeZone);

  return (
    <>
      <Link href="/console/developers/webhooks" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("detail.back")}
      </Link>
      <div className="mt-3">
        <PageHeader
          eyebrow={t("eyebrow")}
          title={<span className="font-mono text-xl break-all sm:text-2xl">{endpoint.url}</span>}
          description={endpoint.description ?? undefined}
          actions={<EndpointStatusBadge status={endpoint.status} />}
        />
      </div>
      <DisabledBanner count={endpoint.disabledReason === "failing_24h" ? 1 : 0} />
      <DisabledNotice reason={endpoint.disabledReason} />
      <dl className="mt-4 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink-subtle">
        <div>
          <dt className="inline">{t("detail.created")}: </dt>
          <dd className="inline tabular-nums">{when(endpoint.createdAt)}</dd>
        </div>
        <div>
          <dt className="inline">{t("summary.secret")}: </dt>
          <dd className="inline font-mono">{endpoint.secretHint}…</dd>
        </div>
        <div className={endpoint.consecutiveFailures ? "font-medium text-accent-700" : undefined}>{t("summary.failures", { count: endpoint.consecutiveFailures })}</div>
      </dl>
      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="min-w-0">
          <CardHeader title={t("log.title")} description={t("log.description")} />
          <DeliveryLog endpointId={endpoint.id} deliveries={deliveries} when={when} canReplay={endpoint.status === "active"} />
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title={t("actions.title")} />
            <CardBody>
              <EndpointActions endpointId={endpoint.id} status={endpoint.status} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("detail.settings")} />
            <CardBody>
              <div className="mb-3 flex flex-wrap gap-1">
                {endpoint.events.map((type) => (
                  <Badge key={type} className="font-mono text-[11px]">
                    {type}
                  </Badge>
                ))}
              </div>
              <EditEndpointForm endpointId={endpoint.id} events={endpoint.events} description={endpoint.description} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
