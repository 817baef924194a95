"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import { formatMoney, formatPoints } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import type { MyBalance } from "@/lib/services/members/get-my-home";

/** How often the home asks for the balance: a purchase at the counter shows within seconds. */
const POLL_MS = 4_000;

async function fetchBalance(): Promise<MyBalance> {
  const response = await fetch("/me/balance", { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`balance ${response.status}`);
  return response.json() as Promise<MyBalance>;
}

type MemberBalanceProps = { name: string | null; cardNumber: string; initial: MyBalance; numberLocale: string };

/** The greeting, card number and live points (polled while the page is visible), first thing on the home. */
export function MemberBalance({ name, cardNumber, initial, numberLocale }: MemberBalanceProps) {
  const t = useTranslations("MemberHome");
  const tHome = useTranslations("MyHome");
  const { data: balance } = useQuery({ queryKey: queryKeys.myBalance(), queryFn: fetchBalance, initialData: initial, refetchInterval: POLL_MS });
  const firstName = name?.trim().split(/\s+/)[0];
  return (
    <section aria-labelledby="member-greeting" className="rounded-card border border-line bg-surface p-5 shadow-card sm:p-6" data-testid="member-summary">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="member-greeting" className="text-2xl font-semibold tracking-tight text-ink" data-testid="member-greeting">
          {firstName ? t("greeting", { name: firstName }) : t("greetingNoName")}
        </h2>
        <p className="flex items-center gap-1.5 font-mono text-xs text-ink-subtle">
          <Icon name="idCard" className="size-4" />
          {t("card", { number: cardNumber })}
        </p>
      </div>
      <dl className="mt-5 grid grid-cols-2 gap-3" aria-live="polite">
        <div className="rounded-control bg-brand-50 px-4 py-3.5">
          <dt className="text-xs font-medium text-brand-800">{t("available")}</dt>
          <dd className="mt-1 text-3xl font-semibold tracking-tight text-brand-900 tabular-nums" data-testid="points-available">
            {formatPoints(balance.available, numberLocale)}
          </dd>
          {balance.availableValueMinor !== null ? (
            <dd className="mt-0.5 text-xs font-medium text-brand-800" data-testid="points-value">
              {tHome("value", { amount: formatMoney(balance.availableValueMinor, balance.currency, numberLocale) })}
            </dd>
          ) : null}
        </div>
        <div className="rounded-control bg-surface-muted px-4 py-3.5">
          <dt className="text-xs font-medium text-ink-muted">{t("pending")}</dt>
          <dd className="mt-1 text-3xl font-semibold tracking-tight text-ink tabular-nums" data-testid="points-pending">
            {formatPoints(balance.pending, numberLocale)}
          </dd>
        </div>
      </dl>
      <p className="mt-3 flex items-center gap-1.5 text-xs text-ink-subtle">
        <span className="relative flex size-2" aria-hidden="true">
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-brand-400 opacity-60 motion-reduce:animate-none" />
          <span className="relative inline-flex size-2 rounded-full bg-brand-500" />
        </span>
        {tHome("balanceLive")} · {t("pendingHint")}
      </p>
    </section>
  );
}
