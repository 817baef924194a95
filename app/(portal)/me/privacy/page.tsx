import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { requireMember } from "@/lib/auth/session";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getMyLeaderboardChoice } from "@/lib/services/gamification/my-leaderboard";
import { getMyBalance } from "@/lib/services/members/get-my-home";
import { getMyConsents } from "@/lib/services/members/update-my-consents";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import Link from "@/components/link";
import { BackHome } from "../_components/back-home";
import { LeaderboardChoiceForm } from "../leaderboard/_components/leaderboard-choice-form";
import { ConsentsForm } from "./_components/consents-form";
import { DeleteAccount } from "./_components/delete-account";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyPrivacy"))("title") };
}

const STORED = ["profile", "card", "ledger", "coupons", "consents"] as const;

/** Member-only: what Lazo keeps and why, consents, "download my data" and account deletion — all about the member themself. */
export default async function PrivacyPage() {
  const actor = await requireMember("/me/privacy");
  const db = await getAppDb();
  const [t, tl, locale, clock, consents, balance, leaderboard] = await Promise.all([
    getTranslations("MyPrivacy"),
    getTranslations("Leaderboard"),
    getLocale(),
    getProgramClock(db, actor.programId),
    getMyConsents(db, actor),
    getMyBalance(db, actor),
    getMyLeaderboardChoice(db, actor),
  ]);
  const nl = numberLocale(locale, clock.locale);
  const section = "rounded-card border border-line bg-surface p-5 shadow-card";

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <BackHome label={t("back")} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("intro")}</p>
      </div>

      <section aria-labelledby="stored-title" className={section}>
        <h2 id="stored-title" className="text-base font-semibold text-ink">{t("stored.title")}</h2>
        <ul className="mt-3 space-y-2.5 text-sm text-ink-muted">
          {STORED.map((key) => (
            <li key={key} className="flex gap-2.5">
              <Icon name="info" className="mt-0.5 size-4 shrink-0 text-brand-600" />
              <span>{t(`stored.${key}`)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex gap-2.5 rounded-control bg-brand-50 px-3 py-2 text-sm text-brand-800">
          <Icon name="shield" className="mt-0.5 size-4 shrink-0" />
          {t("stored.never")}
        </p>
      </section>

      <section aria-labelledby="consents-title" className={section}>
        <h2 id="consents-title" className="text-base font-semibold text-ink">{t("consents.title")}</h2>
        <p className="mt-1 text-sm text-ink-muted" data-testid="terms-accepted">
          {consents.termsAcceptedAt ? t("consents.termsAccepted", { date: formatDate(consents.termsAcceptedAt, nl, clock.timeZone) }) : t("consents.termsMissing")}
        </p>
        <p className="mt-1 mb-4 text-sm font-medium text-brand-800">{t("consents.noCost")}</p>
        <ConsentsForm consents={consents} />
      </section>

      {/* Shown while the program has the board on, and after it turned it off to whoever is still on it: leaving always works. */}
      {leaderboard.enabled || leaderboard.joined ? (
        <section aria-labelledby="leaderboard-title" className={section} data-testid="privacy-leaderboard">
          <h2 id="leaderboard-title" className="text-base font-semibold text-ink">{tl("privacy.title")}</h2>
          <p className="mt-1 text-sm text-ink-muted">{leaderboard.enabled ? tl("privacy.body") : tl("privacy.offJoined")}</p>
          {leaderboard.enabled ? (
            <Link href="/me/leaderboard" className="mt-1 inline-flex min-h-11 items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline" data-testid="privacy-leaderboard-link">
              {tl("privacy.view")}
              <Icon name="arrowRight" className="size-4" />
            </Link>
          ) : null}
          <div className="mt-3">
            <LeaderboardChoiceForm choice={leaderboard} idPrefix="privacy-leaderboard" />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="download-title" className={section}>
        <h2 id="download-title" className="text-base font-semibold text-ink">{t("download.title")}</h2>
        <p className="mt-1 mb-4 text-sm text-ink-muted">{t("download.body")}</p>
        <a href="/me/privacy/export" download className={buttonClasses("secondary")} data-testid="privacy-export">
          {t("download.button")}
        </a>
      </section>

      <section aria-labelledby="delete-title" className={section}>
        <h2 id="delete-title" className="text-base font-semibold text-ink">{t("delete.title")}</h2>
        <p className="mt-1 text-sm text-ink-muted">{t("delete.body")}</p>
        <p className="mt-2 mb-4 text-sm text-ink-muted">{t("delete.points", { points: formatPoints(balance.available, nl) })}</p>
        <DeleteAccount />
      </section>
    </div>
  );
}
