import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icons";
import { QrCode } from "@/components/ui/qr-code";
import { linkOrigin } from "@/lib/auth/request-origin";
import { requireMember } from "@/lib/auth/session";
import { formatDate, formatMoney, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { getMyReferrals, type FriendStatus } from "@/lib/services/referrals/get-my-referrals";
import { BackHome } from "../_components/back-home";
import { CopyLink } from "./_components/copy-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyReferrals"))("title") };
}

const TONE: Record<FriendStatus, BadgeTone> = { awaiting_purchase: "neutral", awaiting_release: "neutral", rewarded: "brand", not_rewarded: "accent", cancelled: "neutral" };

/** Member-only: their referral code, the join link (copy, QR) and the friends who joined with it. */
export default async function MyReferralsPage() {
  const actor = await requireMember("/me/referrals");
  const db = await getAppDb();
  const [t, locale, clock, mine, origin] = await Promise.all([getTranslations("MyReferrals"), getLocale(), getProgramClock(db, actor.programId), getMyReferrals(db, actor), linkOrigin()]);
  const nl = numberLocale(locale, clock.locale);
  const pointName = localizedText(mine.program.pointName, locale);
  const link = `${origin}/me/join?${new URLSearchParams({ program: mine.program.slug, ref: mine.code })}`;
  const { settings } = mine;

  return (
    <div className="mx-auto max-w-xl space-y-5">
      <BackHome label={t("back")} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">
          {t("intro", { referrer: formatPoints(settings.referrerPoints, nl), referee: formatPoints(settings.refereePoints, nl), pointName })}
        </p>
      </div>

      <section className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="referral-card">
        <p className="text-xs font-medium text-ink-subtle">{t("codeLabel")}</p>
        <p className="font-mono text-2xl font-semibold tracking-widest text-ink" data-testid="referral-code">
          {mine.displayCode}
        </p>
        <div className="mt-4">
          <CopyLink link={link} label={t("linkLabel")} copyLabel={t("copy")} copiedLabel={t("copied")} />
        </div>
        <div className="mt-5 flex flex-col items-center gap-2 border-t border-line pt-5">
          <QrCode value={link} label={t("qrLabel")} size={176} className="rounded-control bg-white p-1" />
          <p className="text-center text-xs text-ink-muted">{t("qrHint")}</p>
        </div>
      </section>

      <ul className="space-y-2 text-sm text-ink-muted">
        <li className="flex gap-2">
          <Icon name="bag" className="mt-0.5 size-4 shrink-0 text-brand-600" />
          {settings.minPurchaseMinor > 0 ? t("ruleMinimum", { amount: formatMoney(settings.minPurchaseMinor, mine.currency, nl) }) : t("ruleAnyPurchase")}
        </li>
        <li className="flex gap-2">
          <Icon name="clock" className="mt-0.5 size-4 shrink-0 text-brand-600" />
          {t("ruleRelease")}
        </li>
        {settings.limitPerReferrer !== null ? (
          <li className="flex gap-2">
            <Icon name="info" className="mt-0.5 size-4 shrink-0 text-brand-600" />
            {t("ruleLimit", { limit: settings.limitPerReferrer })}
          </li>
        ) : null}
      </ul>

      <section aria-labelledby="friends-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="friends-title" className="text-lg font-semibold text-ink">{t("friendsTitle")}</h2>
          <p className="text-sm text-ink-muted" data-testid="referral-counts">
            {t("counts", { total: mine.counts.total, rewarded: mine.counts.rewarded, points: formatPoints(mine.pointsEarned, nl), pointName })}
          </p>
        </div>
        {mine.friends.length === 0 ? (
          <EmptyState icon="users" title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        ) : (
          <ul className="divide-y divide-line rounded-card border border-line bg-surface" data-testid="referral-friends">
            {mine.friends.map((f) => (
              <li key={f.id} className="flex items-center justify-between gap-3 px-4 py-3" data-testid="referral-friend" data-status={f.status}>
                <div className="min-w-0">
                  <p className="truncate font-medium text-ink">{f.name}</p>
                  <p className="text-xs text-ink-subtle">{t("joined", { date: formatDate(f.joinedAt, nl, clock.timeZone) })}</p>
                </div>
                <div className="text-right">
                  <Badge tone={TONE[f.status]}>{t(`status.${f.status}`)}</Badge>
                  {f.points > 0 ? <p className="mt-1 text-xs font-medium text-brand-700">+{formatPoints(f.points, nl)} {pointName}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
