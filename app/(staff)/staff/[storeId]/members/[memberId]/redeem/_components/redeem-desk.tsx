"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { clsx } from "clsx";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { formatPoints, numberLocale } from "@/lib/format";
import type { DeskRedeemContext } from "@/lib/services/desk/desk-redemption";
import { PointsPayment } from "./points-payment";
import { RewardPicker } from "./reward-picker";

export type Balance = { available: number; pending: number; held: number };

/** The member's balance on top, then the two ways to redeem as large tabs. */
export function RedeemDesk({ storeId, context, uiLocale }: { storeId: string; context: DeskRedeemContext; uiLocale: string }) {
  const t = useTranslations("DeskRedeem");
  const [tab, setTab] = useState<"reward" | "points">("reward");
  const [balance, setBalance] = useState<Balance>(context.balance);
  const loc = numberLocale(uiLocale, context.program.locale);
  const name = context.member.name ?? t("anonymous");
  const memberPath = `/staff/${storeId}/members/${context.member.id}`;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title", { name })}
        description={t("card", { card: context.member.cardNumber })}
        actions={
          <ButtonLink href={memberPath} variant="secondary" size="lg">
            <Icon name="arrowLeft" className="size-5" />
            {t("back")}
          </ButtonLink>
        }
      />
      <div className="grid grid-cols-3 gap-2 sm:gap-3" data-testid="member-balance">
        <Figure label={t("balance")} value={formatPoints(balance.available, loc)} testId="balance-available" strong />
        <Figure label={t("pending")} value={formatPoints(balance.pending, loc)} testId="balance-pending" />
        <Figure label={t("held")} value={formatPoints(balance.held, loc)} testId="balance-held" />
      </div>
      <div role="tablist" aria-label={t("tabs.label")} className="flex gap-2">
        {(["reward", "points"] as const).map((key) => (
          <button
            key={key}
            role="tab"
            type="button"
            aria-selected={tab === key}
            onClick={() => setTab(key)}
            className={clsx(
              "inline-flex min-h-14 flex-1 items-center justify-center gap-2 rounded-control border px-4 text-base font-semibold transition sm:flex-none",
              tab === key ? "border-brand-600 bg-brand-600 text-white shadow-card" : "border-line bg-surface text-ink hover:border-brand-300",
            )}
          >
            <Icon name={key === "reward" ? "gift" : "wallet"} className="size-5" />
            {t(`tabs.${key}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === "reward" ? (
          <RewardPicker storeId={storeId} context={context} uiLocale={uiLocale} available={balance.available} onBalance={setBalance} />
        ) : (
          <PointsPayment storeId={storeId} context={context} uiLocale={uiLocale} available={balance.available} onBalance={setBalance} />
        )}
      </div>
    </div>
  );
}

function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <div className={clsx("rounded-card border px-3 py-3 sm:px-5 sm:py-4", strong ? "border-brand-200 bg-brand-50" : "border-line bg-surface")}>
      <p className="text-sm text-ink-muted">{label}</p>
      <p className={clsx("mt-1 font-semibold tabular-nums", strong ? "text-2xl text-brand-700 sm:text-3xl" : "text-xl text-ink sm:text-2xl")} data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
