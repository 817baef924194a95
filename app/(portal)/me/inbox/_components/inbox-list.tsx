"use client";

import Link from "@/components/link";
import { clsx } from "clsx";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { markMessageReadAction } from "../actions";

export type InboxItem = {
  id: string;
  title: string;
  body: string;
  date: string;
  unread: boolean;
  offer: { rewardName: string | null; coupon: { code: string; status: "issued" | "redeemed" | "expired" | "voided"; expires: string | null } | null } | null;
};

function Chevron() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className="mt-1 size-5 shrink-0 text-ink-subtle transition-transform group-open:rotate-90">
      <path d="m9 6 6 6-6 6" />
    </svg>
  );
}

/** An offer's coupon, as it will be shown at the counter, with the way to it. */
function OfferCoupon({ offer }: { offer: NonNullable<InboxItem["offer"]> }) {
  const t = useTranslations("MyInbox");
  const coupon = offer.coupon;
  return (
    <div className="mt-4 rounded-card border border-dashed border-brand-300 bg-brand-50/60 p-4" data-testid="inbox-coupon">
      <p className="text-xs font-semibold tracking-wide text-brand-800 uppercase">{offer.rewardName ? t("couponFor", { reward: offer.rewardName }) : t("coupon")}</p>
      {coupon ? (
        <>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
            <p className="font-mono text-lg font-semibold tracking-wider text-ink" data-testid="inbox-coupon-code">
              <span className="sr-only">{t("code")}: </span>
              {coupon.code}
            </p>
            <Badge tone={coupon.status === "issued" ? "brand" : "neutral"}>{t(`couponStatuses.${coupon.status}`)}</Badge>
          </div>
          {coupon.status === "issued" && coupon.expires ? <p className="mt-1 text-xs text-ink-muted">{t("expires", { date: coupon.expires })}</p> : null}
        </>
      ) : null}
      <Link href={coupon ? "/me/coupons" : "/me/rewards"} className={clsx(buttonClasses(coupon?.status === "issued" ? "primary" : "secondary", "md"), "mt-3 w-full")} data-testid="inbox-coupon-link">
        {coupon ? t("seeCoupon") : t("seeRewards")}
        <Icon name="arrowRight" className="size-4" />
      </Link>
    </div>
  );
}

/**
 * The member's messages as a list of disclosures: opening one shows it in
 * full (an offer with its coupon) and marks it read at once, here and in the
 * navigation's badge (the action revalidates the portal layout).
 */
export function InboxList({ items }: { items: InboxItem[] }) {
  const t = useTranslations("MyInbox");
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const [, startTransition] = useTransition();
  const markRead = (item: InboxItem) => {
    if (!item.unread || opened.has(item.id)) return;
    setOpened((prev) => new Set(prev).add(item.id));
    startTransition(async () => {
      await markMessageReadAction(item.id);
    });
  };

  return (
    <ul className="space-y-3" data-testid="inbox-list">
      {items.map((item) => {
        const unread = item.unread && !opened.has(item.id);
        return (
          <li key={item.id} data-testid="inbox-message" data-unread={unread ? "true" : "false"} data-kind={item.offer ? "offer" : "message"}>
            <details
              className={clsx("group rounded-card border bg-surface shadow-card transition-colors", unread ? "border-brand-200" : "border-line")}
              onToggle={(event) => {
                if (event.currentTarget.open) markRead(item);
              }}
            >
              <summary className="flex cursor-pointer list-none items-start gap-3 rounded-card p-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 [&::-webkit-details-marker]:hidden">
                <span className={clsx("relative flex size-10 shrink-0 items-center justify-center rounded-full", unread ? "bg-brand-600 text-white" : "bg-surface-muted text-ink-subtle")}>
                  <Icon name={item.offer ? "gift" : "mail"} className="size-5" />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-ink-subtle">
                    {item.offer ? <Badge tone="brand">{t("offer")}</Badge> : <span className="font-medium">{t("message")}</span>}
                    <span aria-hidden="true">·</span>
                    <time>{item.date}</time>
                    {unread ? (
                      <span className="inline-flex items-center gap-1 font-semibold text-brand-700" data-testid="inbox-unread">
                        <span className="size-2 rounded-full bg-brand-600" aria-hidden="true" />
                        {t("unread")}
                      </span>
                    ) : null}
                  </span>
                  <span className={clsx("mt-1 block text-base leading-snug", unread ? "font-semibold text-ink" : "font-medium text-ink")} data-testid="inbox-title">
                    {item.title}
                  </span>
                  <span className="mt-0.5 line-clamp-2 text-sm text-ink-muted group-open:hidden">{item.body}</span>
                </span>
                <Chevron />
              </summary>
              <div className="px-4 pb-4 sm:pl-17">
                <p className="text-sm whitespace-pre-line text-ink" data-testid="inbox-body">
                  {item.body}
                </p>
                {item.offer ? <OfferCoupon offer={item.offer} /> : null}
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
