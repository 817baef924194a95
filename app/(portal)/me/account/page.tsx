import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember } from "@/lib/auth/session";
import { formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getMyAccount } from "@/lib/services/business-accounts/get-my-account";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { BackHome } from "../_components/back-home";
import { ActivityList } from "./_components/activity-list";
import { InviteForm } from "./_components/invite-form";
import { UserCard } from "./_components/user-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyAccount"))("title") };
}

/**
 * Member-only: the business account the member buys for. Admins (manage) see
 * the pool, the tier, every buyer with their activity and limits, invite
 * buyers and change permissions; buyers see the pool and what their limit
 * still allows; everyone else an explanation.
 */
export default async function MyAccountPage() {
  const actor = await requireMember("/me/account");
  const db = await getAppDb();
  const [t, locale, clock, mine] = await Promise.all([getTranslations("MyAccount"), getLocale(), getProgramClock(db, actor.programId), getMyAccount(db, actor)]);
  const nl = numberLocale(locale, clock.locale);
  const pointName = localizedText(mine.pointName, locale);
  const points = (n: number) => formatPoints(n, nl);

  if (mine.kind === "none") {
    return (
      <div className="mx-auto max-w-xl space-y-5">
        <BackHome label={t("back")} />
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
        <EmptyState icon="store" title={t("noneTitle")}>
          <p>{t("noneBody")}</p>
        </EmptyState>
      </div>
    );
  }

  const accountName = mine.kind === "admin" ? mine.account.name : mine.accountName;
  const balance = mine.kind === "admin" ? mine.account.balance : mine.balance;
  const tierName = mine.tierName ? localizedText(mine.tierName, locale) : null;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <BackHome label={t("back")} />
      <div>
        <p className="text-sm font-medium text-brand-700">{t("title")}</p>
        <h1 className="text-2xl font-semibold tracking-tight text-ink" data-testid="account-name">{accountName}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("intro", { pointName })}</p>
      </div>

      <section className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="rounded-card border border-line bg-surface p-5 shadow-card">
          <p className="text-xs font-medium text-ink-subtle">{t("pool")}</p>
          <p className="mt-1 text-3xl font-semibold tracking-tight text-ink" data-testid="account-pool">
            {points(balance.available)} <span className="text-base font-medium text-ink-muted">{pointName}</span>
          </p>
          {balance.pending > 0 ? <p className="mt-1 text-xs text-ink-muted">{t("pending", { points: points(balance.pending), pointName })}</p> : null}
        </div>
        <div className="rounded-card border border-line bg-surface p-5 shadow-card">
          <p className="text-xs font-medium text-ink-subtle">{t("tier")}</p>
          <p className="mt-1 text-xl font-semibold text-ink" data-testid="account-tier">{tierName ?? t("noTier")}</p>
          <p className="mt-1 text-xs text-ink-muted">{t("tierHint")}</p>
        </div>
      </section>

      {mine.kind === "buyer" ? (
        <>
          <section className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="account-my-limit">
            <p className="text-xs font-medium text-ink-subtle">{t("yourRole")}</p>
            <p className="mt-1 font-semibold text-ink">{t(`role.${mine.role}`)}</p>
            {mine.role === "earn" ? (
              <p className="mt-2 text-sm text-ink-muted">{t("earnOnly")}</p>
            ) : (
              <>
                <p className="mt-3 text-xs font-medium text-ink-subtle">{t("yourLimit")}</p>
                <p className="mt-1 text-lg font-semibold text-ink" data-testid="account-remaining">
                  {mine.remainingThisMonth === null ? t("noLimit") : t("remaining", { points: points(mine.remainingThisMonth), pointName })}
                </p>
                <p className="text-sm text-ink-muted">{t("redeemedThisMonth", { points: points(mine.redeemedThisMonth), pointName })}</p>
              </>
            )}
          </section>
          <ActivityList entries={mine.recent} locale={nl} timeZone={clock.timeZone} pointName={pointName} title={t("myActivityTitle")} showWho={false} />
        </>
      ) : (
        <>
          <section aria-labelledby="users-title" className="space-y-3">
            <div className="flex items-baseline justify-between gap-2">
              <h2 id="users-title" className="text-lg font-semibold text-ink">{t("usersTitle")}</h2>
              <p className="text-sm text-ink-muted">{t("usersCount", { count: mine.account.users.length })}</p>
            </div>
            <ul className="divide-y divide-line rounded-card border border-line bg-surface" data-testid="account-users">
              {mine.account.users.map((u) => (
                <UserCard
                  key={u.memberId}
                  pointName={pointName}
                  user={{
                    memberId: u.memberId,
                    name: u.name || u.email || u.cardNumber,
                    email: u.email,
                    role: u.role,
                    limit: u.monthlyRedemptionLimit,
                    limitText: u.monthlyRedemptionLimit === null ? null : points(u.monthlyRedemptionLimit),
                    redeemedText: points(u.redeemedThisMonth),
                    earnedText: points(u.pointsEarned),
                    purchases: u.purchases,
                    isSelf: u.memberId === mine.memberId,
                  }}
                />
              ))}
            </ul>
          </section>
          <section aria-labelledby="invite-title" className="rounded-card border border-line bg-surface p-5 shadow-card">
            <h2 id="invite-title" className="text-lg font-semibold text-ink">{t("inviteTitle")}</h2>
            <p className="mt-1 mb-4 text-sm text-ink-muted">{t("inviteBody")}</p>
            <InviteForm pointName={pointName} />
          </section>
          <ActivityList entries={mine.recent} locale={nl} timeZone={clock.timeZone} pointName={pointName} title={t("activityTitle")} showWho />
        </>
      )}
    </div>
  );
}
