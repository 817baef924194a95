import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember } from "@/lib/auth/session";
import { formatDate, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { listMyInbox } from "@/lib/services/campaigns/member-inbox";
import { getMyConsents } from "@/lib/services/members/update-my-consents";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { InboxList, type InboxItem } from "./_components/inbox-list";
import { MarkAllRead } from "./_components/mark-all-read";
import { BackHome } from "../_components/back-home";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyInbox"))("title") };
}

const LIMIT = 50;

/** Member-only: their own messages and offers (listMyInbox scopes by the session), newest first, unread ones marked. */
export default async function MyInboxPage() {
  const actor = await requireMember("/me/inbox");
  const db = await getAppDb();
  const [t, locale, clock, inbox, consents] = await Promise.all([getTranslations("MyInbox"), getLocale(), getProgramClock(db, actor.programId), listMyInbox(db, actor, LIMIT), getMyConsents(db, actor)]);
  const nl = numberLocale(locale, clock.locale);
  const items: InboxItem[] = inbox.messages.map((m) => ({
    id: m.id,
    title: localizedText(m.title, locale),
    body: localizedText(m.body, locale),
    date: formatDate(m.createdAt, nl, clock.timeZone),
    unread: !m.readAt,
    offer: m.couponId || m.rewardId
      ? {
          rewardName: m.reward ? localizedText(m.reward.name, locale) : null,
          coupon: m.coupon ? { code: m.coupon.code, status: m.coupon.status, expires: m.coupon.expiresAt ? formatDate(m.coupon.expiresAt, nl, clock.timeZone) : null } : null,
        }
      : null,
  }));

  return (
    <div className="space-y-5">
      <BackHome label={(await getTranslations("MemberHistory"))("back")} />
      <div>
        <div className="flex min-h-10 flex-wrap items-center justify-between gap-x-3 gap-y-1">
          <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
          {inbox.unread > 0 && items[0] ? <MarkAllRead throughId={items[0].id} /> : null}
        </div>
        <p className="mt-1 text-sm text-ink-muted">{t("description")}</p>
      </div>
      {items.length === 0 ? (
        <EmptyState icon="mail" title={t("emptyTitle")}>
          <p>{t("emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          <p className="flex items-center gap-2 text-sm font-medium text-ink" data-testid="inbox-summary" aria-live="polite">
            {inbox.unread > 0 ? <span className="size-2 rounded-full bg-brand-600" aria-hidden="true" /> : null}
            {t("summary", { unread: inbox.unread })}
          </p>
          <InboxList items={items} />
          {items.length >= LIMIT ? <p className="text-center text-xs text-ink-subtle">{t("limited", { count: LIMIT })}</p> : null}
        </>
      )}
      {!consents.marketing ? (
        <p className="rounded-card border border-line bg-surface-muted p-4 text-sm text-ink-muted" data-testid="inbox-no-marketing">
          {t("noMarketing")}{" "}
          <Link href="/me/privacy" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("noMarketingLink")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
