import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { BadgeIconView } from "@/components/gamification/badge-icon";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatMoney, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { listProgramChallenges, type ChallengeListItem } from "@/lib/services/gamification/manage-challenges";
import { AccessDenied } from "../_components/access-denied";
import { getConsoleProgramFor } from "../_lib/console-program";
import { guardRead } from "../_lib/guard-read";
import { LeaderboardSetting } from "./_components/leaderboard-setting";
import { ChallengeStatusButton } from "./_components/status-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Challenges"))("title") };
}

const TONE = { active: "brand", paused: "accent", draft: "neutral", ended: "neutral" } as const;

/** The program's challenges (campaigns:read); writers create, edit, activate and pause them, and switch the portal's leaderboard. */
export default async function ChallengesPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireUser("/console/challenges");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db, { saved }] = await Promise.all([getTranslations("Challenges"), getLocale(), getAppDb(), searchParams]);
  const result = await guardRead(() => listProgramChallenges(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { challenges, canWrite, timeZone, currency, leaderboardEnabled } = result.data;
  const nl = numberLocale(locale, program.locale);
  const now = new Date();
  const newButton = canWrite ? <ButtonLink href="/console/challenges/new">{t("newChallenge")}</ButtonLink> : null;

  const goalOf = (c: ChallengeListItem): string => {
    const r = c.rule;
    const parts: string[] = [];
    if (r.kind === "purchases") parts.push(t("goal.purchases", { count: r.count }));
    if (r.kind === "stores") parts.push(t("goal.stores", { count: r.count }));
    if (r.kind === "profile") parts.push(t("goal.profile", { count: r.fields.length }));
    if (r.kind === "streak") parts.push(t("goal.streak", { weeks: r.weeks }));
    if ((r.kind === "purchases" || r.kind === "stores") && r.windowDays) parts.push(t("goal.within", { days: r.windowDays }));
    if ((r.kind === "purchases" || r.kind === "streak") && r.category) parts.push(t("goal.inCategory", { category: r.category }));
    if ((r.kind === "purchases" || r.kind === "streak") && r.minAmountMinor) parts.push(t("goal.minTicket", { amount: formatMoney(r.minAmountMinor, currency, nl) }));
    return parts.join(" · ");
  };

  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} actions={newButton} />
      {saved ? <p className="mt-4 rounded-control bg-brand-50 px-4 py-2 text-sm text-brand-700" data-testid="challenge-saved">{t("saved")}</p> : null}
      {!canWrite ? <p className="mt-4 text-sm text-ink-muted" data-testid="challenges-read-only">{t("readOnly")}</p> : null}
      <div className="mt-6">
        {challenges.length === 0 ? (
          <EmptyState icon="trophy" title={t("emptyTitle")} action={newButton}>
            <p>{canWrite ? t("emptyBody") : t("emptyBodyReadOnly")}</p>
          </EmptyState>
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full min-w-[48rem] text-sm" data-testid="challenge-list">
              <thead className="border-b border-line text-left text-xs font-semibold tracking-wide text-ink-subtle uppercase">
                <tr>
                  <th className="px-5 py-3">{t("columns.challenge")}</th>
                  <th className="px-3 py-3">{t("columns.goal")}</th>
                  <th className="px-3 py-3">{t("columns.status")}</th>
                  <th className="px-3 py-3">{t("columns.dates")}</th>
                  <th className="px-3 py-3">{t("columns.reward")}</th>
                  <th className="px-3 py-3 text-right">{t("columns.members")}</th>
                  {canWrite ? <th className="px-4 py-3" /> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {challenges.map((c) => {
                  const ended = c.endsAt !== null && c.endsAt <= now;
                  const shown = ended ? "ended" : c.status;
                  return (
                    <tr key={c.id} data-testid="challenge-row" data-status={c.status}>
                      <td className="min-w-[12rem] px-5 py-3">
                        <div className="flex items-center gap-3">
                          <BadgeIconView icon={c.badgeIcon} size="sm" earned={c.status === "active" && !ended} />
                          <div className="min-w-0">
                            <p className="font-semibold text-ink">{localizedText(c.name, locale)}</p>
                            <p className="text-xs text-ink-subtle">
                              {t(`kinds.${c.kind}`)} · {localizedText(c.badgeName, locale)}
                            </p>
                          </div>
                        </div>
                      </td>
                      <td className="min-w-[10rem] px-3 py-3 text-ink-muted">{goalOf(c)}</td>
                      <td className="px-3 py-3">
                        <Badge tone={TONE[shown]} data-testid="challenge-status">{t(`statuses.${shown}`)}</Badge>
                      </td>
                      {/* Each date stays whole; the range breaks between them, so the table fits beside the sidebar at 1280 px. */}
                      <td className="px-3 py-3 text-ink-muted">
                        <span className="whitespace-nowrap">{formatDate(c.startsAt, locale, timeZone)} –</span>{" "}
                        <span className="whitespace-nowrap">{c.endsAt ? formatDate(c.endsAt, locale, timeZone) : t("noEnd")}</span>
                      </td>
                      <td className="px-3 py-3 whitespace-nowrap text-ink-muted">
                        {c.rewardPoints > 0 ? t("rewardPoints", { points: formatPoints(c.rewardPoints, nl) }) : c.rewardId ? "" : t("noReward")} {c.rewardId ? t("rewardCoupon") : null}
                      </td>
                      <td className="min-w-[7rem] px-3 py-3 text-right text-xs text-ink-muted tabular-nums" data-testid="challenge-members">
                        {t("members", { participants: c.participants - c.completions, completions: c.completions })}
                      </td>
                      {canWrite ? (
                        <td className="px-4 py-3">
                          <div className="flex flex-col items-end gap-1.5">
                            <Link href={`/console/challenges/${c.id}/edit`} className="text-sm font-medium text-brand-700 hover:underline">
                              {t("edit")}
                            </Link>
                            {!ended ? <ChallengeStatusButton challengeId={c.id} status={c.status} /> : null}
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
        )}
      </div>
      <LeaderboardSetting enabled={leaderboardEnabled} canWrite={canWrite} />
    </>
  );
}
