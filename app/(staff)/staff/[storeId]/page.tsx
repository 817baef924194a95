import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { loadDeskStore } from "@/app/_data/desk-context";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icons";
import { formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { DESK_RESULT_LIMIT, findDeskMembers, type DeskSearchResult } from "@/lib/services/desk/find-desk-members";
import { MemberSearch } from "../_components/member-search";
import { DeskResults, type DeskResultRow } from "./_components/desk-results";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.search");
  return { title: t("title") };
}

type DeskSearchPageProps = { params: Promise<{ storeId: string }>; searchParams: Promise<{ q?: string | string[] }> };

/**
 * The counter's first screen: find the member. One certain match (a scanned
 * card, a card number, the only exact email or phone) opens the panel at once.
 */
export default async function DeskSearchPage({ params, searchParams }: DeskSearchPageProps) {
  const [{ storeId }, { q }] = await Promise.all([params, searchParams]);
  const here = await loadDeskStore(storeId);
  // The layout shows the store picker instead.
  if (!here) return null;
  const query = (typeof q === "string" ? q : "").slice(0, 500);
  const result: DeskSearchResult = query.trim()
    ? await findDeskMembers(await getAppDb(), here.actor, { programId: here.desk.program.id, storeId, q: query })
    : { outcome: "empty" };
  if (result.outcome === "match") redirect(`/staff/${storeId}/members/${result.memberId}`);

  return (
    <div className="space-y-6">
      <MemberSearch storeId={storeId} query={query} />
      <SearchOutcome storeId={storeId} query={query} result={result} />
    </div>
  );
}

async function SearchOutcome({ storeId, query, result }: { storeId: string; query: string; result: DeskSearchResult }) {
  const [t, locale] = await Promise.all([getTranslations("DeskSearch"), getLocale()]);
  const enrolHref = `/staff/${storeId}/members/new${query.trim() && result.outcome !== "token_refused" ? `?q=${encodeURIComponent(query.trim())}` : ""}`;
  if (result.outcome === "token_refused") {
    return (
      <div className="flex items-start gap-3 rounded-card border border-accent-400/50 bg-accent-100 px-5 py-4 text-accent-700" data-testid="token-refused" data-code={result.code}>
        <Icon name="alert" className="mt-0.5 size-6 shrink-0" />
        <div>
          <p className="font-semibold">{t(`token.${result.code}.title`)}</p>
          <p className="mt-1 text-sm">{t(`token.${result.code}.body`)}</p>
        </div>
      </div>
    );
  }
  if (result.outcome === "empty") return <SearchTips />;
  if (result.outcome === "list" && result.members.length === 0) {
    return (
      <div data-testid="no-results">
        <EmptyState
          icon="users"
          title={t("empty.title", { q: query.trim() })}
          action={
            <ButtonLink href={enrolHref} size="xl" data-testid="enrol-link">
              <Icon name="sparkles" className="size-6" />
              {t("enrol")}
            </ButtonLink>
          }
        >
          <p>{t("empty.body")}</p>
        </EmptyState>
      </div>
    );
  }
  if (result.outcome !== "list") return null;
  const loc = numberLocale(locale);
  const rows: DeskResultRow[] = result.members.map((m) => ({
    id: m.id,
    name: m.name,
    email: m.email,
    phone: m.phone,
    cardNumber: m.cardNumber,
    tierName: m.tierKey && result.tierNames[m.tierKey] ? localizedText(result.tierNames[m.tierKey]!, locale) : null,
    suspended: m.status !== "active",
    available: formatPoints(m.available, loc),
    pending: m.pending > 0 ? formatPoints(m.pending, loc) : null,
  }));
  return (
    <>
      <DeskResults storeId={storeId} rows={rows} limited={rows.length >= DESK_RESULT_LIMIT ? DESK_RESULT_LIMIT : null} />
      <p className="flex flex-wrap items-center gap-3 text-sm text-ink-muted">
        {t("notListed")}
        <ButtonLink href={enrolHref} variant="secondary" size="lg" data-testid="enrol-link">
          <Icon name="sparkles" className="size-5" />
          {t("enrol")}
        </ButtonLink>
      </p>
    </>
  );
}

async function SearchTips() {
  const t = await getTranslations("DeskSearch.tips");
  const tips = [
    { icon: "qr" as const, text: t("scan") },
    { icon: "idCard" as const, text: t("contact") },
    { icon: "users" as const, text: t("name") },
  ];
  return (
    <section aria-labelledby="desk-tips" className="rounded-card border border-dashed border-line-strong bg-surface/60 p-5 sm:p-6">
      <h2 id="desk-tips" className="text-sm font-semibold tracking-wide text-ink-muted uppercase">
        {t("title")}
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-3">
        {tips.map((tip) => (
          <li key={tip.icon} className="flex items-start gap-3 text-ink">
            <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
              <Icon name={tip.icon} className="size-5" />
            </span>
            <span className="text-sm leading-6">{tip.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
