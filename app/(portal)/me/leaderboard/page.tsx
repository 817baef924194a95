import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { clsx } from "clsx";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icons";
import { requireMember } from "@/lib/auth/session";
import { formatCount, formatMonth, numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getMyLeaderboard, type LeaderboardLine } from "@/lib/services/gamification/my-leaderboard";
import { BackHome } from "../_components/back-home";
import { LeaderboardChoiceForm } from "./_components/leaderboard-choice-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Leaderboard"))("title") };
}

// Gold, silver and bronze for the podium; everyone else gets a plain number.
const PODIUM = ["bg-amber-100 text-amber-800 ring-amber-300", "bg-slate-100 text-slate-700 ring-slate-300", "bg-orange-100 text-orange-800 ring-orange-300"];

/**
 * Member-only, and only while the program has the leaderboard on (otherwise
 * not found, and not linked): the month's top ten opted-in members, the
 * member's own place — or, when they stayed off it, their score and the
 * invitation to join — and the choice of how they appear. No loading.tsx on
 * purpose: a streamed shell would answer 200 before `notFound()` could make it a 404.
 */
export default async function LeaderboardPage() {
  const actor = await requireMember("/me/leaderboard");
  const db = await getAppDb();
  const [t, locale, board] = await Promise.all([getTranslations("Leaderboard"), getLocale(), getMyLeaderboard(db, actor)]);
  if (!board) notFound();
  const nl = numberLocale(locale, board.program.locale);
  const month = formatMonth(board.month.start, nl, board.program.timeZone);
  const { choice } = board;
  const shownAs = choice.displayName ?? choice.maskedName ?? t("anonymous");

  const line = (l: LeaderboardLine, i: number) => (
    <li
      key={`${l.rank}-${i}`}
      className={clsx("flex items-center gap-3 px-4 py-3", l.you && "bg-brand-50")}
      data-testid="leaderboard-line"
      data-you={l.you || undefined}
      aria-current={l.you ? "true" : undefined}
    >
      <span
        className={clsx("flex size-9 shrink-0 items-center justify-center rounded-full text-sm font-semibold tabular-nums ring-1 ring-inset", PODIUM[l.rank - 1] ?? "bg-surface-muted text-ink-muted ring-line")}
        aria-label={t("rank", { rank: l.rank })}
        data-testid="leaderboard-rank"
      >
        {l.rank}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-ink" data-testid="leaderboard-name">{l.name ?? t("anonymous")}</span>
        {l.you ? <span className="text-xs font-semibold text-brand-700">{t("you")}</span> : null}
      </span>
      <span className="shrink-0 text-sm font-semibold text-ink tabular-nums" data-testid="leaderboard-score">{t("score", { count: l.score })}</span>
    </li>
  );

  return (
    <div className="mx-auto max-w-xl space-y-5">
      <div className="flex items-center justify-between gap-3">
        <BackHome label={t("back")} />
        <Link href="/me/challenges" className="inline-flex min-h-11 items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline">
          <Icon name="trophy" className="size-4" />
          {t("toChallenges")}
        </Link>
      </div>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("intro", { month })}</p>
      </div>

      <section aria-labelledby="my-place-title" className="rounded-card border border-brand-200 bg-surface p-4 shadow-card" data-testid="my-leaderboard-place">
        <h2 id="my-place-title" className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{t("me.title")}</h2>
        {choice.joined ? (
          <div className="mt-2 flex items-center gap-3">
            {board.rank !== null ? (
              <span className="flex size-12 shrink-0 items-center justify-center rounded-full bg-brand-600 text-lg font-semibold text-white tabular-nums" aria-hidden="true">
                {board.rank}
              </span>
            ) : null}
            <div className="min-w-0">
              <p className="text-lg font-semibold text-ink" data-testid="my-leaderboard-rank">
                {board.rank !== null ? t("me.ranked", { rank: board.rank, participants: formatCount(board.participants, nl) }) : t("me.joinedNoScore")}
              </p>
              <p className="mt-0.5 text-sm text-ink-muted">
                {t("me.score", { count: board.score })} {t("me.shownAs", { name: shownAs })}
              </p>
            </div>
          </div>
        ) : (
          <div data-testid="leaderboard-join-prompt">
            <p className="mt-1 text-lg font-semibold text-ink">{t("me.notJoined")}</p>
            <p className="mt-1 text-sm text-ink-muted">
              {t("me.score", { count: board.score })} {t("me.notJoinedBody")}
            </p>
          </div>
        )}
        {/* One place for joining, renaming and leaving, so the form (and its answer) survives the switch from one to the other. */}
        <div className="mt-4 border-t border-line pt-4">
          <LeaderboardChoiceForm choice={choice} collapsible />
        </div>
      </section>

      {board.top.length === 0 ? (
        <EmptyState icon="trophy" title={t("emptyTitle")}>
          <p>{t("emptyBody")}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="top-title" className="overflow-hidden rounded-card border border-line bg-surface shadow-card">
          <div className="flex items-baseline justify-between gap-2 border-b border-line px-4 py-3">
            <h2 id="top-title" className="text-base font-semibold text-ink">{t("listTitle")}</h2>
            <p className="text-xs text-ink-muted" data-testid="leaderboard-participants">{t("participants", { count: board.participants })}</p>
          </div>
          <ol className="divide-y divide-line" data-testid="leaderboard-list">{board.top.map(line)}</ol>
        </section>
      )}

      <section aria-labelledby="how-title" className="rounded-card bg-surface-muted p-4 text-sm text-ink-muted">
        <h2 id="how-title" className="flex items-center gap-1.5 font-semibold text-ink">
          <Icon name="info" className="size-4 text-brand-600" />
          {t("how.title")}
        </h2>
        <p className="mt-1">{t("how.body")}</p>
      </section>
    </div>
  );
}
