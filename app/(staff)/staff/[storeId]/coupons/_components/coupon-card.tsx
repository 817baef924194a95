"use client";

import { useTranslations } from "next-intl";
import { RewardTargetNote } from "@/components/rewards/reward-target-note";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { formatDate, formatDateTime, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { DeskCouponView } from "@/lib/services/desk/desk-coupons";

type CouponCardProps = { view: DeskCouponView; storeId: string; uiLocale: string; programLocale: string; timeZone: string };

/** What a code is: the reward, whose it is, its state and dates, where it was used. */
export function CouponCard({ view, storeId, uiLocale, programLocale, timeZone }: CouponCardProps) {
  const t = useTranslations("DeskCoupons");
  const { coupon, member } = view;
  const loc = numberLocale(uiLocale, programLocale);
  const reward = coupon.reward ? localizedText(coupon.reward.name, uiLocale) : "—";
  const tone = coupon.status === "issued" ? "brand" : "accent";
  return (
    <Card data-testid="coupon-card" data-status={coupon.status}>
      <CardBody className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="text-sm text-ink-muted">{t("reward")}</p>
            <p className="text-2xl font-semibold text-ink" data-testid="coupon-reward">
              {reward}
            </p>
            {coupon.reward ? <p className="text-sm text-ink-muted">{t(`kind.${coupon.reward.kind}` as "kind.free_product")}</p> : null}
            <RewardTargetNote target={coupon.target ?? null} className="mt-1 text-base" />
          </div>
          <Badge tone={tone} className="px-3 py-1 text-sm" data-testid="coupon-status">
            {t(`status.${coupon.status}`)}
          </Badge>
        </div>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <Item label={t("member")}>
            {member ? (
              <>
                <span className="font-medium">{member.name ?? "—"}</span>
                <span className="block text-sm text-ink-muted">{t("card", { card: member.cardNumber })}</span>
              </>
            ) : (
              t("noMember")
            )}
          </Item>
          <Item label={t("pointsSpent")}>{formatPoints(coupon.pointsSpent, loc)}</Item>
          <Item label={t("issued")}>{formatDate(coupon.issuedAt, loc, timeZone)}</Item>
          <Item label={t("expires")}>{coupon.expiresAt ? formatDate(coupon.expiresAt, loc, timeZone) : t("noExpiry")}</Item>
          {coupon.partnerCode ? <Item label={t("partnerCode")}>{coupon.partnerCode}</Item> : null}
          {coupon.usedAt ? (
            <Item label={t("status.redeemed")}>
              <span data-testid="coupon-used-at">
                {t("usedAt", { when: formatDateTime(coupon.usedAt, loc, timeZone) })} {coupon.usedStoreId === storeId ? t("usedHere") : t("usedElsewhere")}
              </span>
            </Item>
          ) : null}
        </dl>
        <p className="font-mono text-sm tracking-wider text-ink-subtle">{coupon.code}</p>
      </CardBody>
    </Card>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="mt-0.5 text-base text-ink">{children}</dd>
    </div>
  );
}
