"use client";

import { useActionState } from "react";
import { useAnswerKey } from "./use-answer-key";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { saveGeneralAction } from "../actions";
import { Input, Select } from "./fields";

/** Name, base rate and lifecycle (pending days, expiry) of the draft. */
export function GeneralForm({ name, plan, digits, currency }: { name: string; plan: PlanDefinition; digits: number; currency: string }) {
  const t = useTranslations("PlanEditor");
  const [state, action] = useActionState(saveGeneralAction, {} as FormState);
  const answer = useAnswerKey(state);
  const months = plan.expiry.kind === "rolling" || plan.expiry.kind === "inactivity" ? plan.expiry.months : 12;
  return (
    <form key={answer} action={action} noValidate className="space-y-5" data-testid="plan-general-form" aria-describedby="general-message">
      <input type="hidden" name="section" value="general" />
      <FormMessage id="general-message" message={state.message} />
      <Input name="name" label={t("fields.name")} state={state} saved={name} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Input name="baseRate.points" label={t("fields.points")} state={state} saved={plan.baseRate.points} inputMode="decimal" hint={t("fields.pointsHint")} />
        <Input name="baseRate.perMinor" label={t("fields.perAmount", { currency })} state={state} saved={(plan.baseRate.perMinor / 10 ** digits).toFixed(digits)} inputMode="decimal" />
        <Select
          name="baseRate.rounding"
          label={t("fields.rounding")}
          state={state}
          saved={plan.baseRate.rounding}
          options={(["floor", "round", "ceil"] as const).map((v) => ({ value: v, label: t(`rounding.${v}`) }))}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Input name="pendingDays" label={t("fields.pendingDays")} state={state} saved={plan.pendingDays} inputMode="numeric" hint={t("fields.pendingDaysHint")} />
        <Select
          name="expiry.kind"
          label={t("fields.expiry")}
          state={state}
          saved={plan.expiry.kind}
          options={(["rolling", "end_of_period", "inactivity", "none"] as const).map((v) => ({ value: v, label: t(`expiry.${v}`) }))}
        />
        <Input name="expiry.months" label={t("fields.expiryMonths")} state={state} saved={months} inputMode="numeric" hint={t("fields.expiryMonthsHint")} />
      </div>
      <Select
        name="expiry.period"
        label={t("fields.expiryPeriod")}
        state={state}
        saved={plan.expiry.kind === "end_of_period" ? plan.expiry.period : "year"}
        options={(["year", "quarter"] as const).map((v) => ({ value: v, label: t(`period.${v}`) }))}
        className="sm:max-w-xs"
      />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
