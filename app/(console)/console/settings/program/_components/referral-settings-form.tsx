"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Card } from "@/components/ui/card";
import type { ReferralSettingsView } from "@/lib/services/referrals/referral-settings";
import { runReferralRewardsAction, updateReferralSettingsAction } from "../referral-actions";

function savedValues(s: ReferralSettingsView): Record<string, string> {
  return {
    referrerPoints: String(s.referrerPoints),
    refereePoints: String(s.refereePoints),
    limitPerReferrer: s.limitPerReferrer === null ? "" : String(s.limitPerReferrer),
    minPurchase: (s.minPurchaseMinor / 10 ** s.currencyDigits).toFixed(s.currencyDigits),
  };
}

/** Settings → Program → Referrals: the points each side gets, the limit per referrer, the qualifying purchase; and "process now". */
export function ReferralSettingsForm({ settings }: { settings: ReferralSettingsView }) {
  const t = useTranslations("ReferralSettings");
  const [state, action] = useActionState(updateReferralSettingsAction, emptyFormState);
  const [ran, run] = useActionState(runReferralRewardsAction, emptyFormState);
  const values = { ...savedValues(settings), ...(state.values ?? {}) };
  const e = state.fieldErrors ?? {};
  return (
    <Card aria-labelledby="referrals-title" id="referrals" className="mt-6 scroll-mt-24" data-testid="referral-settings">
      <div className="grid gap-5 p-5 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8 lg:p-6">
        <div>
          <h2 id="referrals-title" className="text-base font-semibold text-ink">
            {t("title")}
          </h2>
          <p className="mt-1 text-sm text-ink-muted">{t("hint")}</p>
        </div>
        <div className="min-w-0 space-y-5">
          <form action={action} noValidate className="space-y-5" aria-describedby="referral-settings-message">
            <FormMessage id="referral-settings-message" message={state.message} />
            <div key={JSON.stringify([state, settings])} className="grid gap-4 sm:grid-cols-2">
              <TextField name="referrerPoints" inputMode="numeric" label={t("referrerPoints")} hint={t("referrerPointsHint")} defaultValue={values.referrerPoints} error={e.referrerPoints} />
              <TextField name="refereePoints" inputMode="numeric" label={t("refereePoints")} hint={t("refereePointsHint")} defaultValue={values.refereePoints} error={e.refereePoints} />
              <TextField name="limitPerReferrer" inputMode="numeric" label={t("limitPerReferrer")} hint={t("limitHint")} defaultValue={values.limitPerReferrer} error={e.limitPerReferrer} />
              <TextField
                name="minPurchase"
                inputMode="decimal"
                label={t("minPurchase", { currency: settings.currency })}
                hint={t("minPurchaseHint", { example: (250).toFixed(settings.currencyDigits) })}
                defaultValue={values.minPurchase}
                error={e.minPurchase}
              />
            </div>
            <div className="flex justify-end">
              <SubmitButton pendingLabel={t("saving")} className="w-full sm:w-auto">
                {t("save")}
              </SubmitButton>
            </div>
          </form>
          <form action={run} className="flex flex-col gap-3 border-t border-line pt-4 sm:flex-row sm:items-center sm:justify-between" aria-describedby="referral-run-message">
            <input type="hidden" name="confirm" value="run" />
            <p className="text-sm text-ink-muted">{t("runHint")}</p>
            <SubmitButton variant="secondary" pendingLabel={t("running")} className="w-full shrink-0 sm:w-auto">
              {t("run")}
            </SubmitButton>
          </form>
          <FormMessage id="referral-run-message" message={ran.message} />
        </div>
      </div>
    </Card>
  );
}
