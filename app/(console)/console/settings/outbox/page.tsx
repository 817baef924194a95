import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { listOutboxMail } from "@/lib/services/mail/list-outbox";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Outbox"))("title") };
}

export default async function OutboxPage() {
  const actor = await requireUser("/console/settings/outbox");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("Outbox"), getLocale(), getAppDb()]);
  const result = await guardRead(() => listOutboxMail(db, actor, { programId: program.id, limit: 200 }));
  if (!result.allowed) return <AccessDenied />;
  const mails = result.data;
  const dateLocale = numberLocale(locale, program.locale);

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <div className="mt-8">
        {mails.length === 0 ? (
          <EmptyState icon="info" title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-line" data-testid="outbox-list">
              {mails.map((mail) => (
                <li key={mail.id} className="px-5 py-4" data-testid="outbox-mail">
                  <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <p className="truncate text-sm font-semibold text-ink">{mail.subject}</p>
                      <p className="mt-0.5 truncate text-sm text-ink-muted">
                        <span className="text-ink-subtle">{t("to")} </span>
                        <span data-testid="outbox-to">{mail.to}</span>
                      </p>
                    </div>
                    <div className="flex shrink-0 items-center gap-3">
                      <Badge tone={mail.delivery === "smtp" ? "brand" : "accent"}>
                        {mail.delivery === "smtp" ? t("sentBySmtp") : t("devOutbox")}
                      </Badge>
                      <time dateTime={mail.createdAt} className="text-xs whitespace-nowrap text-ink-subtle tabular-nums">
                        {formatDateTime(mail.createdAt, dateLocale, program.timeZone)}
                      </time>
                    </div>
                  </div>
                  <details className="group mt-2">
                    <summary className="cursor-pointer text-xs font-medium text-brand-700 select-none hover:text-brand-800">
                      <span className="group-open:hidden">{t("showBody")}</span>
                      <span className="hidden group-open:inline">{t("hideBody")}</span>
                    </summary>
                    <pre className="mt-2 overflow-x-auto rounded-control bg-surface-muted px-4 py-3 font-sans text-sm leading-relaxed whitespace-pre-wrap break-words text-ink" data-testid="outbox-body">
                      {mail.text}
                    </pre>
                  </details>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
