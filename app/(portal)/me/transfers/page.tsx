import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember } from "@/lib/auth/session";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getMyTransferOptions } from "@/lib/services/coalition/get-transfer-options";
import { getPortalProgram } from "@/lib/services/programs/get-portal-program";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { BackHome } from "../_components/back-home";
import { TransferForm } from "./_components/transfer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Transfers"))("title") };
}

/** Member-only: move their own points to a sister brand of the coalition, and their latest transfers. */
export default async function MyTransfersPage() {
  const actor = await requireMember("/me/transfers");
  const db = await getAppDb();
  const [t, tHome, locale, clock, portal, mine] = await Promise.all([
    getTranslations("Transfers"),
    getTranslations("Common"),
    getLocale(),
    getProgramClock(db, actor.programId),
    getPortalProgram(db, { programId: actor.programId }),
    getMyTransferOptions(db, actor, { programId: actor.programId, memberId: actor.memberId }),
  ]);
  const nl = numberLocale(locale, clock.locale);
  const pointName = localizedText(portal!.program.pointName, locale);
  const options = mine.options.map((o) => ({ ...o, pointName: localizedText(o.pointName, locale) }));

  return (
    <div className="mx-auto max-w-xl space-y-5">
      <BackHome label={tHome("home")} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("description", { points: pointName, program: portal!.program.name })}</p>
      </div>
      {options.length === 0 ? (
        <EmptyState icon="refresh" title={t("title")}>
          <p>{t("empty")}</p>
        </EmptyState>
      ) : (
        <section className="rounded-card border border-line bg-surface p-5 shadow-card">
          <p className="text-xs font-medium text-ink-subtle">{t("available")}</p>
          <p className="text-3xl font-semibold text-ink tabular-nums" data-testid="transfer-available">
            {formatPoints(mine.available, nl)} <span className="text-base font-medium text-ink-muted">{pointName}</span>
          </p>
          <div className="mt-5 border-t border-line pt-5">
            <TransferForm options={options} available={mine.available} pointName={pointName} numberLocale={nl} />
          </div>
        </section>
      )}
      {options.length ? (
        <section className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="recent-transfers">
          <h2 className="text-base font-semibold text-ink">{t("recent")}</h2>
          {mine.recent.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">{t("recentEmpty")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-line text-sm">
              {mine.recent.map((r) => (
                <li key={r.id} className="flex items-center justify-between gap-3 py-2.5">
                  <span className="text-ink">{t("recentLine", { debited: formatPoints(r.pointsDebited, nl), credited: formatPoints(r.pointsCredited, nl), program: r.toName })}</span>
                  <span className="shrink-0 text-xs text-ink-subtle">{formatDate(r.createdAt, nl, clock.timeZone)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
