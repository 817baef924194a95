import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { requireMember } from "@/lib/auth/session";
import { numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { listMyHistory } from "@/lib/services/members/list-member-history";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { HistoryList } from "./_components/history-list";
import { BackHome } from "../_components/back-home";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MemberHistory"))("title") };
}

/** Member-only: their own ledger, explained, newest first (listMyHistory authorizes "self"). */
export default async function HistoryPage() {
  const actor = await requireMember("/me/history");
  const db = await getAppDb();
  const [t, locale, clock, initial] = await Promise.all([getTranslations("MemberHistory"), getLocale(), getProgramClock(db, actor.programId), listMyHistory(db, actor, { limit: 20 })]);

  return (
    <div className="space-y-5">
      <BackHome label={t("back")} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
          <p className="mt-1 text-sm text-ink-muted">{t("description")}</p>
        </div>
        {initial.entries.length ? (
          <a href="/me/history/export" download className={buttonClasses("secondary")} data-testid="history-export">
            {t("export")}
          </a>
        ) : null}
      </div>
      <HistoryList initial={initial} format={{ locale, numberLocale: numberLocale(locale, clock.locale), timeZone: clock.timeZone }} />
    </div>
  );
}
