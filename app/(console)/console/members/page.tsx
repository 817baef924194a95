import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { searchProgramMembers } from "@/lib/services/members/search-members";
import { AccessDenied } from "../_components/access-denied";
import { getConsoleProgramFor } from "../_lib/console-program";
import { guardRead } from "../_lib/guard-read";
import { MemberSearchForm } from "./_components/member-search-form";
import { MembersTable } from "./_components/members-table";
import { CsvDownloadLink } from "../_components/csv-download-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ConsoleMembers"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 200) : undefined);

/** Members of the console's program: search by name, email, phone or card; 25 a page (members:read). */
export default async function MembersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser("/console/members");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const params = await searchParams;
  const q = one(params.q)?.trim() || undefined;
  // A hand-edited page number falls back to the first page rather than an error.
  const page = Math.min(Math.max(1, Number.parseInt(one(params.page) ?? "1", 10) || 1), 100_000);
  const [t, locale, db] = await Promise.all([getTranslations("ConsoleMembers"), getLocale(), getAppDb()]);
  const result = await guardRead(() => searchProgramMembers(db, actor, { programId: program.id, q, page }));
  if (!result.allowed) return <AccessDenied />;
  const { members, total, pageCount, tierNames } = result.data;
  const href = (p: number) => `/console/members?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} actions={<CsvDownloadLink href="/console/members/export" actor={actor} programId={program.id} testId="members-csv" />} />
      <Card className="mt-8 overflow-hidden">
        <MemberSearchForm q={q} />
        {members.length === 0 ? (
          <div className="p-6">
            <EmptyState icon={q ? "search" : "users"} title={q ? t("noMatchTitle") : t("emptyTitle")}>
              <p>{q ? t("noMatchBody") : t("emptyBody")}</p>
            </EmptyState>
          </div>
        ) : (
          <>
            <MembersTable members={members} tierNames={tierNames} locale={locale} numberLocale={numberLocale(locale, program.locale)} />
            <nav className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-5 py-3 text-sm text-ink-muted" aria-label={t("page", { page, pages: pageCount })}>
              <p data-testid="members-total">
                {t("results", { total })} · {t("page", { page, pages: pageCount })}
              </p>
              <div className="flex gap-2">
                {page > 1 ? (
                  <Link href={href(page - 1)} className="rounded-control border border-line-strong px-3 py-1.5 font-medium text-ink hover:bg-surface-muted">
                    {t("previous")}
                  </Link>
                ) : null}
                {page < pageCount ? (
                  <Link href={href(page + 1)} className="rounded-control border border-line-strong px-3 py-1.5 font-medium text-ink hover:bg-surface-muted" data-testid="members-next">
                    {t("next")}
                  </Link>
                ) : null}
              </div>
            </nav>
          </>
        )}
      </Card>
    </>
  );
}
