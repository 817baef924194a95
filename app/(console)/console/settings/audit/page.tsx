import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";
import { getConsoleProgram } from "@/lib/services/programs/get-console-program";
import { readConsoleProgramChoice } from "@/app/_data/console-program-choice";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import type { AuditFilters } from "./actions";
import { AuditFilterForm } from "./_components/audit-filters";
import { AuditTable } from "./_components/audit-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Audit"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pickFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const one = (key: string) => (typeof params[key] === "string" && params[key] ? (params[key] as string) : undefined);
  return { action: one("action"), actor: one("actor"), from: one("from"), to: one("to") };
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser("/console/settings/audit");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db, filters] = await Promise.all([getTranslations("Audit"), getLocale(), getAppDb(), searchParams.then(pickFilters)]);
  const result = await guardRead(() =>
    listAuditLog(db, actor, { ...filters, programId: program.id }).catch((error: unknown) => {
      // A malformed filter (hand-edited URL) shows an empty, explained result rather than an error page.
      if (isLazoError(error) && error.code === "validation_failed") return null;
      throw error;
    }),
  );
  if (!result.allowed) return <AccessDenied />;
  const context = await getConsoleProgram(db, actor, await readConsoleProgramChoice());
  const canExport = context ? can(actor, "exports:read", context) : false;
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <Card className="mt-8 overflow-hidden">
        <AuditFilterForm filters={filters} exportHref={`/console/settings/audit/export${query ? `?${query}` : ""}`} canExport={canExport} />
        {result.data === null ? (
          <div className="p-6">
            <EmptyState icon="alert" title={t("badFilterTitle")}>
              <p>{t("badFilterBody")}</p>
            </EmptyState>
          </div>
        ) : result.data.entries.length === 0 ? (
          <div className="p-6">
            <EmptyState icon="search" title={filtered ? t("emptyFilteredTitle") : t("emptyTitle")}>
              <p>{filtered ? t("emptyFilteredBody") : t("emptyBody")}</p>
            </EmptyState>
          </div>
        ) : (
          <AuditTable
            key={query}
            initial={result.data.entries}
            nextCursor={result.data.nextCursor}
            filters={filters}
            dateLocale={numberLocale(locale, program.locale)}
            timeZone={program.timeZone}
          />
        )}
      </Card>
    </>
  );
}
