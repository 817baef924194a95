import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BadgeIconView } from "@/components/gamification/badge-icon";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icons";
import { requireMember } from "@/lib/auth/session";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getMyChallenges, type MemberChallenge } from "@/lib/services/gamification/member-challenges";
import { BackHome } from "../_components/back-home";
import { CardLink } from "@/components/ui/card-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyChallenges"))("title") };
}

/** Member-only: their badges, and the program's challenges with a progress bar each (streaks show their weeks); a link to the leaderboard when the program has it on. */
export default async function MyChallengesPage() {
  const actor = await requireMember("/me/challenges");
  const db = await getAppDb();
  const [t, locale, mine] = await Promise.all([getTranslations("MyChallenges"), getLocale(), getMyChallenges(db, actor)]);
  const { program, challenges, leaderboard } = mine;
  const nl = numberLocale(locale, program.locale);
  const pointName = localizedText(program.pointName, locale);
  const completed = challenges.filter((c) => c.state === "completed").sort((a, b) => (b.completedAt ?? "").localeCompare(a.completedAt ?? ""));
  const running = challenges.filter((c) => c.state === "in_progress");
  const upcoming = challenges.filter((c) => c.state === "upcoming");
  const date = (iso: string) => formatDate(iso, nl, program.timeZone);

  const prize = (c: MemberChallenge) => {
    const reward = c.reward.rewardName ? localizedText(c.reward.rewardName, locale) : null;
    const points = formatPoints(c.reward.points, nl);
    if (c.reward.points > 0 && reward) return t("rewardBoth", { points, pointName, reward });
    if (c.reward.points > 0) return t("reward", { points, pointName });
    if (reward) return t("rewardCoupon", { reward });
    return t("badgeOnly");
  };

  const card = (c: MemberChallenge) => {
    const pct = c.progress.target ? Math.round((100 * c.progress.current) / c.progress.target) : 0;
    const name = localizedText(c.name, locale);
    const description = localizedText(c.description, locale);
    return (
      <li key={c.id} className="rounded-card border border-line bg-surface p-4 shadow-card" data-testid="challenge-card" data-state={c.state} data-challenge={c.id}>
        <div className="flex items-start gap-3">
          <BadgeIconView icon={c.badge.icon} earned={false} />
          <div className="min-w-0 flex-1">
            <h3 className="font-semibold text-ink">{name}</h3>
            {description ? <p className="mt-0.5 text-sm text-ink-muted">{description}</p> : null}
            <p className="mt-1 text-xs font-medium text-brand-700">{prize(c)}</p>
          </div>
        </div>
        {c.state === "upcoming" ? (
          <p className="mt-3 flex items-center gap-1.5 text-xs text-ink-subtle">
            <Icon name="clock" className="size-4" />
            {t("starts", { date: date(c.startsAt) })}
          </p>
        ) : (
          <div className="mt-3">
            <div className="flex items-baseline justify-between gap-2 text-xs">
              <span className="font-medium text-ink" data-testid="challenge-progress">{t("progress", { current: c.progress.current, target: c.progress.target })}</span>
              {c.endsAt ? <span className="text-ink-subtle">{t("ends", { date: date(c.endsAt) })}</span> : null}
            </div>
            <div className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-surface-muted" role="progressbar" aria-label={t("progressLabel", { name })} aria-valuemin={0} aria-valuemax={c.progress.target} aria-valuenow={c.progress.current}>
              <div className="h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${pct}%` }} />
            </div>
            {c.kind === "streak" ? (
              <p className="mt-2 flex items-center gap-1.5 text-xs font-medium text-accent-700" data-testid="challenge-streak">
                <Icon name="trendingUp" className="size-4" />
                {t("streak", { count: c.progress.streak })}
              </p>
            ) : null}
          </div>
        )}
      </li>
    );
  };

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <BackHome label={t("back")} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("intro", { pointName })}</p>
      </div>

      {leaderboard ? (
        <CardLink href="/me/leaderboard" icon="trendingUp" title={t("leaderboardLink")} hint={t("leaderboardLinkHint")} testId="leaderboard-link" />
      ) : null}

      <section aria-labelledby="badges-title" className="rounded-card border border-line bg-surface p-4 shadow-card" data-testid="my-badges">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="badges-title" className="text-lg font-semibold text-ink">{t("badgesTitle")}</h2>
          <p className="text-sm text-ink-muted">{t("badgesCount", { count: completed.length })}</p>
        </div>
        {completed.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">{t("noBadges")}</p>
        ) : (
          <ul className="mt-3 grid grid-cols-3 gap-3 sm:grid-cols-4">
            {completed.map((c) => (
              <li key={c.id} className="flex flex-col items-center gap-1.5 text-center" data-testid="earned-badge" data-challenge={c.id}>
                <BadgeIconView icon={c.badge.icon} size="lg" />
                <span className="text-sm leading-tight font-medium text-ink">{localizedText(c.badge.name, locale)}</span>
                <span className="text-xs text-ink-muted">{t("completedOn", { date: date(c.completedAt!) })}</span>
                {c.pointsAwarded > 0 ? <span className="text-xs font-semibold text-brand-700">{t("earned", { points: formatPoints(c.pointsAwarded, nl), pointName })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {running.length === 0 && upcoming.length === 0 ? (
        completed.length === 0 ? (
          <EmptyState icon="trophy" title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        ) : (
          <p className="text-center text-sm text-ink-muted" data-testid="challenges-all-done">{t("allDone")}</p>
        )
      ) : null}
      {running.length ? (
        <section aria-labelledby="running-title" className="space-y-3">
          <h2 id="running-title" className="text-lg font-semibold text-ink">{t("inProgress")}</h2>
          <ul className="space-y-3" data-testid="challenges-running">{running.map(card)}</ul>
        </section>
      ) : null}
      {upcoming.length ? (
        <section aria-labelledby="upcoming-title" className="space-y-3">
          <h2 id="upcoming-title" className="text-lg font-semibold text-ink">{t("upcoming")}</h2>
          <ul className="space-y-3">{upcoming.map(card)}</ul>
        </section>
      ) : null}
    </div>
  );
}
