import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { API_SCOPES } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { listApiKeys } from "@/lib/services/api-keys/manage-api-keys";
import { defaultApiRateLimit } from "@/lib/services/api/consume-api-quota";
import { MAX_API_RATE_LIMIT } from "@/lib/validation/api-key";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { CreateKeyForm } from "./_components/create-key-form";
import { RevokeKeyButton } from "./_components/revoke-key-button";
import { CsvDownloadLink } from "../../_components/csv-download-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ApiKeys"))("title") };
}

export default async function ApiKeysPage() {
  const actor = await requireUser("/console/developers/api-keys");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("ApiKeys"), getLocale(), getAppDb()]);
  const result = await guardRead(() => listApiKeys(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const keys = result.data;
  const defaultLimit = defaultApiRateLimit();
  const when = (iso: string) => formatDateTime(iso, numberLocale(locale, program.locale), program.timeZone);

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} actions={<CsvDownloadLink href="/console/developers/api-keys/export" actor={actor} programId={program.id} testId="api-keys-csv" />} />
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {keys.length === 0 ? (
          <EmptyState icon="code" title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        ) : (
          <Card>
            <CardHeader title={t("listTitle")} />
            <ul className="divide-y divide-line" data-testid="api-key-list">
              {keys.map((k) => (
                <li key={k.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-4" data-testid="api-key">
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <p className="text-sm font-semibold text-ink">{k.name}</p>
                      {k.revokedAt ? <Badge>{t("revoked")}</Badge> : <Badge tone="brand">{t("active")}</Badge>}
                    </div>
                    <p className="mt-1 font-mono text-xs text-ink-muted">lz_{k.prefix}_…</p>
                    <div className="mt-2 flex flex-wrap gap-1">
                      {k.scopes.map((s) => (
                        <Badge key={s} className="font-mono text-[11px]">
                          {s}
                        </Badge>
                      ))}
                    </div>
                    <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-subtle">
                      <div>
                        <dt className="inline">{t("createdAt")} </dt>
                        <dd className="inline tabular-nums">{when(k.createdAt)}</dd>
                      </div>
                      <div data-testid="api-key-rate-limit">
                        <dt className="inline">{t("rateLimit")} </dt>
                        <dd className="inline tabular-nums">{k.rateLimitPerMinute ? t("rateLimitValue", { count: k.rateLimitPerMinute }) : t("rateLimitDefault", { count: defaultLimit })}</dd>
                      </div>
                      <div>
                        <dt className="inline">{t("lastUsedAt")} </dt>
                        <dd className="inline tabular-nums">{k.lastUsedAt ? when(k.lastUsedAt) : t("neverUsed")}</dd>
                      </div>
                      {k.revokedAt ? (
                        <div>
                          <dt className="inline">{t("revokedAt")} </dt>
                          <dd className="inline tabular-nums">{when(k.revokedAt)}</dd>
                        </div>
                      ) : null}
                    </dl>
                  </div>
                  {k.revokedAt ? null : <RevokeKeyButton keyId={k.id} name={k.name} />}
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card>
          <CardHeader title={t("create.title")} description={t("create.description")} />
          <CardBody>
            <CreateKeyForm scopes={API_SCOPES} rateLimit={{ default: defaultLimit, max: MAX_API_RATE_LIMIT }} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
