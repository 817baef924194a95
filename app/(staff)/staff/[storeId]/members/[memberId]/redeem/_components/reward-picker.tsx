"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { clsx } from "clsx";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icons";
import { RewardTargetNote } from "@/components/rewards/reward-target-note";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { DeskRedeemContext, DeskRewardResult } from "@/lib/services/desk/desk-redemption";
import { redeemRewardAction } from "../actions";
import type { Balance } from "./redeem-desk";

type Offer = DeskRedeemContext["groups"][number]["rewards"][number];
type Props = { storeId: string; context: DeskRedeemContext; uiLocale: string; available: number; onBalance: (b: Balance) => void };

/**
 * Pick a reward (only what this member may take now), choose "use now" or
 * "hand over", confirm. Enter confirms (the confirm button has focus), Esc
 * cancels back to the list.
 */
export function RewardPicker({ storeId, context, uiLocale, available, onBalance }: Props) {
  const t = useTranslations("DeskRedeem.rewards");
  const [chosen, setChosen] = useState<{ offer: Offer; key: string } | null>(null);
  const [useNow, setUseNow] = useState(true);
  const [done, setDone] = useState<{ result: DeskRewardResult; offer: Offer } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  const loc = numberLocale(uiLocale, context.program.locale);
  const name = context.member.name ?? "—";

  useEffect(() => {
    if (chosen) confirmRef.current?.focus();
    else if (!done) firstRef.current?.focus();
  }, [chosen, done]);

  const cancel = () => {
    setChosen(null);
    setError(null);
  };
  const confirm = () => {
    if (!chosen) return;
    startTransition(async () => {
      const result = await redeemRewardAction(storeId, { memberId: context.member.id, rewardId: chosen.offer.id, useNow, idempotencyKey: chosen.key });
      if (!result.ok) return setError(result.message);
      onBalance({ available: result.data.balance.available, pending: result.data.balance.pending, held: result.data.balance.held });
      setDone({ result: result.data, offer: chosen.offer });
      setChosen(null);
      setError(null);
    });
  };

  if (done) {
    const { result, offer } = done;
    const used = result.usedCoupon !== null;
    return (
      <Card data-testid="reward-done" data-used={used}>
        <CardBody className="space-y-3">
          <p className="flex items-center gap-2 text-xl font-semibold text-brand-700">
            <Icon name="sparkles" className="size-6" />
            {used ? t("doneUsed") : t("doneIssued")}
          </p>
          <p className="text-base text-ink">
            {used
              ? t("doneUsedBody", { reward: localizedText(offer.name, uiLocale), code: result.coupon.code })
              : t("doneIssuedBody", { code: result.coupon.code, expires: formatDate(result.coupon.expiresAt, loc, context.program.timeZone) })}
          </p>
          <p className="font-mono text-3xl tracking-wider text-ink" data-testid="issued-code">
            {result.coupon.code}
          </p>
          <p className="text-sm text-ink-muted">{t("newBalance", { points: formatPoints(result.balance.available, loc) })}</p>
          <Button size="lg" variant="secondary" autoFocus onClick={() => setDone(null)}>
            {t("another")}
          </Button>
        </CardBody>
      </Card>
    );
  }

  if (chosen) {
    const offer = chosen.offer;
    return (
      <Card data-testid="reward-confirm" onKeyDown={(e) => e.key === "Escape" && cancel()}>
        <CardHeader title={t("confirmTitle")} description={t("confirmBody", { points: formatPoints(offer.price, loc), name })} />
        <CardBody className="space-y-4">
          <p className="text-xl font-semibold text-ink">{localizedText(offer.name, uiLocale)}</p>
          <RewardTargetNote target={offer.target} className="text-base" />
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <Choice checked={useNow} onChange={() => setUseNow(true)} title={t("useNow")} hint={t("useNowHint")} />
            <Choice checked={!useNow} onChange={() => setUseNow(false)} title={t("handOver")} hint={t("handOverHint")} />
          </fieldset>
          {error ? (
            <p className="rounded-control bg-accent-100 px-4 py-3 text-base font-medium text-accent-700" data-testid="reward-error">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button ref={confirmRef} size="xl" onClick={confirm} disabled={pending} className="flex-1" data-testid="reward-confirm-button">
              {pending ? t("confirming") : t("confirm", { points: formatPoints(offer.price, loc) })}
            </Button>
            <Button size="xl" variant="secondary" onClick={cancel} disabled={pending}>
              {t("cancel")}
            </Button>
          </div>
        </CardBody>
      </Card>
    );
  }

  const offers = context.groups.flatMap((g) => g.rewards);
  if (offers.length === 0) {
    return (
      <EmptyState icon="gift" title={t("emptyTitle")}>
        <p>{t("emptyBody")}</p>
      </EmptyState>
    );
  }
  const firstAffordable = offers.find((o) => o.price <= available)?.id;
  return (
    <div className="space-y-6">
      <p className="text-sm text-ink-muted">{t("description")}</p>
      {context.groups.map((group) => (
        <section key={group.menu?.id ?? "other"} className="space-y-3">
          <h2 className="text-lg font-semibold text-ink">{group.menu ? localizedText(group.menu.name, uiLocale) : t("otherGroup")}</h2>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {group.rewards.map((offer) => {
              const short = offer.price - available;
              const ref = offer.id === firstAffordable ? firstRef : undefined;
              return (
                <li key={offer.id}>
                  <button
                    ref={ref}
                    type="button"
                    disabled={short > 0}
                    onClick={() => setChosen({ offer, key: crypto.randomUUID() })}
                    data-testid="reward-option"
                    className={clsx(
                      "flex min-h-24 w-full flex-col items-start gap-1 rounded-card border px-5 py-4 text-left transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
                      short > 0 ? "cursor-not-allowed border-line bg-surface-muted opacity-70" : "border-line bg-surface shadow-card hover:border-brand-400",
                    )}
                  >
                    <span className="text-base font-semibold text-ink">{localizedText(offer.name, uiLocale)}</span>
                    <RewardTargetNote target={offer.target} />
                    <span className="text-lg font-semibold text-brand-700 tabular-nums">{t("price", { points: formatPoints(offer.price, loc) })}</span>
                    {short > 0 ? <span className="text-sm text-accent-700">{t("cannotAfford", { points: formatPoints(short, loc) })}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Choice({ checked, onChange, title, hint }: { checked: boolean; onChange: () => void; title: string; hint: string }) {
  return (
    <label className={clsx("flex min-h-16 cursor-pointer items-start gap-3 rounded-card border px-4 py-3", checked ? "border-brand-500 bg-brand-50" : "border-line bg-surface")}>
      <input type="radio" name="use" checked={checked} onChange={onChange} className="mt-1 size-5 accent-brand-600" />
      <span>
        <span className="block text-base font-semibold text-ink">{title}</span>
        <span className="block text-sm text-ink-muted">{hint}</span>
      </span>
    </label>
  );
}
