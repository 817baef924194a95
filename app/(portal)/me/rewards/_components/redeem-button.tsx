"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { redeemRewardAction } from "../actions";

/**
 * "Canjear" opens a confirmation with the cost and the balance after. The
 * idempotency key is drawn when the confirmation opens, so submitting twice
 * (double tap, retry) spends the points once.
 */
export function RedeemButton({ rewardId, rewardName, price, balanceAfter }: { rewardId: string; rewardName: string; price: string; balanceAfter: string }) {
  const t = useTranslations("MyRewards.confirm");
  const [key, setKey] = useState<string | null>(null);
  const [state, action] = useActionState(redeemRewardAction, emptyFormState);
  if (!key) {
    return (
      <Button className="w-full" onClick={() => setKey(crypto.randomUUID())} data-testid="redeem-start">
        {t("start")}
      </Button>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-control border border-brand-200 bg-brand-50/60 p-4" aria-label={t("title", { reward: rewardName })} data-testid="redeem-confirm">
      <input type="hidden" name="rewardId" value={rewardId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <p className="font-semibold text-ink">{t("title", { reward: rewardName })}</p>
      <dl className="grid grid-cols-2 gap-y-1 text-sm">
        <dt className="text-ink-muted">{t("cost")}</dt>
        <dd className="text-right font-medium text-ink" data-testid="confirm-cost">{price}</dd>
        <dt className="text-ink-muted">{t("after")}</dt>
        <dd className="text-right font-medium text-ink" data-testid="confirm-after">{balanceAfter}</dd>
      </dl>
      <FormMessage id={`redeem-message-${rewardId}`} message={state.message} />
      <div className="flex gap-3">
        <SubmitButton pendingLabel={t("working")} className="flex-1">
          {t("submit")}
        </SubmitButton>
        <Button variant="ghost" onClick={() => setKey(null)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
