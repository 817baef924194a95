"use client";

import { useActionState } from "react";
import { useAnswerKey } from "./use-answer-key";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { DEFAULT_TIER_REVIEW, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { saveTiersAction } from "../actions";
import { Input, Select } from "./fields";

/**
 * Ordered levels (one blank row adds a level; clearing a row removes it), qualification and review.
 * Thresholds are points, or money in major units when the plan qualifies by spend (stored in minor units).
 */
export function TiersForm({ plan, digits, currency }: { plan: PlanDefinition; digits: number; currency: string }) {
  const t = useTranslations("PlanEditor");
  const [state, action] = useActionState(saveTiersAction, {} as FormState);
  const answer = useAnswerKey(state);
  const rows = Math.max(Number(state.values?.tierRows ?? 0), plan.tiers.length + 1);
  const review = plan.tierReview ?? DEFAULT_TIER_REVIEW;
  const bySpend = plan.tierQualification.metric === "spend";
  const threshold = (minorOrPoints: number | undefined) => (minorOrPoints === undefined || !bySpend ? minorOrPoints : (minorOrPoints / 10 ** digits).toFixed(digits));
  return (
    <form key={answer} action={action} noValidate className="space-y-5" data-testid="plan-tiers-form" aria-describedby="tiers-message">
      <input type="hidden" name="section" value="tiers" />
      <FormMessage id="tiers-message" message={state.message} />
      <input type="hidden" name="tierRows" value={rows} />
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">{t("tiers.caption")}</caption>
          <thead>
            <tr className="text-left text-xs text-ink-muted">
              <th className="pb-1 font-medium">#</th>
              <th className="pb-1 font-medium">{t("tiers.key")}</th>
              <th className="pb-1 font-medium">{t("tiers.nameEs")}</th>
              <th className="pb-1 font-medium">{t("tiers.nameEn")}</th>
              <th className="pb-1 font-medium">
                {t("tiers.threshold")}
                {bySpend ? ` (${currency})` : ""}
              </th>
              <th className="pb-1 font-medium">{t("tiers.multiplier")}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => {
              const tier = plan.tiers[i];
              return (
                <tr key={i} className="align-top" data-testid="tier-row">
                  <td className="pt-4 pr-2 text-ink-subtle tabular-nums">{i + 1}</td>
                  {(
                    [
                      ["key", tier?.key],
                      ["name.es", tier?.name.es],
                      ["name.en", tier?.name.en],
                      ["threshold", threshold(tier?.threshold)],
                      ["earnMultiplier", tier?.earnMultiplier],
                    ] as const
                  ).map(([field, saved]) => (
                    <td key={field} className="pr-2">
                      <Input name={`tiers.${i}.${field}`} label={<span className="sr-only">{t(`tiers.labels.${field.replace(".", "_") as "key"}`, { n: i + 1 })}</span>} state={state} saved={saved} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-ink-subtle">{t("tiers.hint")}</p>
      <p className="text-xs text-ink-subtle">{t("tiers.thresholdHint", { currency })}</p>
      {state.fieldErrors?.tiers ? <p className="text-sm font-medium text-accent-700" data-testid="tiers-error">{state.fieldErrors.tiers}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Select name="tierQualification.metric" label={t("fields.metric")} state={state} saved={plan.tierQualification.metric} options={(["points", "spend"] as const).map((v) => ({ value: v, label: t(`metric.${v}`) }))} />
        <Select name="tierQualification.window" label={t("fields.window")} state={state} saved={plan.tierQualification.window} options={(["rolling_12_months", "calendar_year"] as const).map((v) => ({ value: v, label: t(`window.${v}`) }))} />
        <Select name="tierReview.every" label={t("fields.review")} state={state} saved={review.every} options={(["month", "year"] as const).map((v) => ({ value: v, label: t(`review.${v}`) }))} />
        <Input name="tierReview.graceMonths" label={t("fields.grace")} state={state} saved={review.graceMonths} inputMode="numeric" />
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
