import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadDeskStore } from "@/app/_data/desk-context";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { parseReportDate } from "@/lib/domain/desk/end-of-day";
import { formatDate, formatDateTime, formatMoney, formatPoints, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getEndOfDayReport } from "@/lib/services/desk/end-of-day-report";
import { EndOfDayTable } from "./_components/end-of-day-table";
import { PrintButton } from "./_components/print-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DeskEndOfDay");
  return { title: t("title") };
}

type EndOfDayPageProps = { params: Promise<{ storeId: string }>; searchParams: Promise<{ date?: string | string[] }> };

/** Prints only the report: the shell, the desk's tabs and the controls stay on screen. */
const PRINT_CSS = `@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body * { visibility: hidden; }
  [data-print-area], [data-print-area] * { visibility: visible; }
  [data-print-area] { position: absolute; inset: 0 auto auto 0; width: 100%; }
}`;

const shiftDay = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The store's "cierre del día": what each person did at this counter on one day of the program's calendar. */
export default async function EndOfDayPage({ params, searchParams }: EndOfDayPageProps) {
  const [{ storeId }, query] = await Promise.all([params, searchParams]);
  const here = await loadDeskStore(storeId);
  if (!here) return null;
  const asked = typeof query.date === "string" ? query.date : undefined;
  const date = parseReportDate(asked) ?? undefined;
  const view = await getEndOfDayReport(await getAppDb(), here.actor, { programId: here.desk.program.id, storeId: here.store.id, date });
  const [t, locale] = await Promise.all([getTranslations("DeskEndOfDay"), getLocale()]);
  const loc = numberLocale(locale, view.program.locale);
  const fmt = { loc, currency: view.program.currency };
  const day = formatDate(`${view.date}T12:00:00Z`, loc, "UTC");
  const totals = view.report.totals;
  const base = `/staff/${storeId}/end-of-day`;
  const p = (n: number) => formatPoints(n, loc);
  return (
    <div className="space-y-6">
      <style>{PRINT_CSS}</style>
      <div className="space-y-6" data-print-area>
        <PageHeader
          title={`${t("title")} · ${here.store.name}`}
          description={t("description", { store: here.store.name, date: day, timeZone: view.program.timeZone })}
        />
        <div className="flex flex-wrap items-end gap-3 print:hidden">
          <form method="get" action={base} className="flex items-end gap-2">
            <label className="block">
              <span className="block text-sm font-medium text-ink">{t("dateLabel")}</span>
              <input type="date" name="date" defaultValue={view.date} className="mt-1 h-14 rounded-control border border-line-strong bg-surface px-3 text-base" data-testid="eod-date" />
            </label>
            <Button type="submit" size="lg">{t("show")}</Button>
          </form>
          <ButtonLink href={`${base}?date=${shiftDay(view.date, -1)}`} variant="ghost" size="lg">{t("previous")}</ButtonLink>
          <ButtonLink href={`${base}?date=${shiftDay(view.date, 1)}`} variant="ghost" size="lg">{t("next")}</ButtonLink>
          <ButtonLink href={base} variant="ghost" size="lg">{t("today")}</ButtonLink>
          <div className="ml-auto flex gap-2">
            <PrintButton label={t("print")} />
            <a href={`${base}/csv?date=${view.date}`} download className="inline-flex h-14 items-center gap-2 rounded-control border border-line-strong bg-surface px-6 text-base font-medium text-ink shadow-card hover:bg-surface-muted" data-testid="eod-csv">
              {t("csv")}
            </a>
          </div>
        </div>
        {asked && !date ? <p className="text-sm text-accent-700 print:hidden">{t("invalidDate")}</p> : null}
        <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-3 print:grid-cols-3" data-testid="eod-stats">
          <StatCard testId="eod-purchases" icon="bag" label={t("stats.purchases")} value={p(totals.purchases)} hint={t("stats.purchasesHint", { amount: formatMoney(totals.purchaseAmountMinor, fmt.currency, loc) })} />
          <StatCard testId="eod-issued" icon="coins" label={t("stats.pointsIssued")} value={p(totals.pointsIssued)} />
          <StatCard testId="eod-redemptions" icon="gift" label={t("stats.redemptions")} value={p(totals.redemptions)} hint={t("stats.redemptionsHint", { points: p(totals.pointsRedeemed), coupons: p(totals.couponsRedeemed) })} />
          <StatCard testId="eod-returns" icon="refresh" label={t("stats.returns")} value={p(totals.returns)} hint={t("stats.returnsHint", { points: p(totals.pointsReversed), clawback: p(totals.clawbackPoints) })} />
          <StatCard testId="eod-adjustments" icon="activity" label={t("stats.adjustments")} value={p(totals.adjustments)} hint={t("stats.adjustmentsHint", { added: p(totals.pointsAdded), removed: p(totals.pointsRemoved) })} />
          <StatCard testId="eod-net" icon="wallet" label={t("stats.net")} value={`${totals.netPoints > 0 ? "+" : ""}${p(totals.netPoints)}`} />
        </div>
        {view.report.byActor.length === 0 ? (
          <EmptyState icon="clock" title={t("emptyTitle")}>
            <p>{t("emptyBody", { date: day })}</p>
          </EmptyState>
        ) : (
          <EndOfDayTable view={view} fmt={fmt} />
        )}
        <p className="text-xs text-ink-subtle">
          {t("reconcile")} · {t("printedAt", { when: formatDateTime(new Date(), loc, view.program.timeZone) })}
        </p>
      </div>
    </div>
  );
}
