"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { saveExclusionsAction } from "../actions";
import { Input } from "./fields";

/** Categories and SKUs that never earn (gift cards, taxes…). */
export function ExclusionsForm({ plan, categoryHint }: { plan: PlanDefinition; categoryHint: string }) {
  const t = useTranslations("PlanEditor");
  const [state, action] = useActionState(saveExclusionsAction, {} as FormState);
  return (
    <form action={action} noValidate className="space-y-4" data-testid="plan-exclusions-form" aria-describedby="exclusions-message">
      <input type="hidden" name="section" value="exclusions" />
      <FormMessage id="exclusions-message" message={state.message} />
      <Input name="exclusions.categories" label={t("fields.excludedCategories")} state={state} saved={plan.exclusions?.categories?.join(", ")} hint={categoryHint} />
      <Input name="exclusions.skus" label={t("fields.excludedSkus")} state={state} saved={plan.exclusions?.skus?.join(", ")} hint={t("fields.codesHint")} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
